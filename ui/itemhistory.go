package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// showItemHistory shows every ledger line of an item, newest first, with
// the balance at its location and at all locations after each; tapping a
// line offers to reverse its movement.
func showItemHistory(w fyne.Window, a *app.App, it data.Item, moves *stockMoves) {
	hist, err := a.DB.ItemHistory(a.Ctx(), it.ID)
	if err != nil {
		showMessage(w, it.Label(), say.Message(err))
		return
	}
	n := len(hist)
	line := func(row int) data.Move { return hist[n-1-row] }
	headers := append(ledgerHeaders()[:7], lang.L("Balance there"), lang.L("Balance, all locations"), lang.L("Details"))
	table := newMarkedTable(headers, []float32{130, 130, 50, 130, 150, 70, 100, 90, 90, 260},
		func() int { return n }, func(row, col int) string {
			m := line(row)
			switch col {
			case 7:
				return strconv.Itoa(m.Balance)
			case 8:
				return strconv.Itoa(m.Total)
			case 9:
				return ledgerCell(m, 7)
			}
			return ledgerCell(m, col)
		}, func(row int) widget.Importance { return ledgerMark(line(row)) })
	var d dialog.Dialog
	table.OnSelected = func(id widget.TableCellID) {
		table.UnselectAll()
		if id.Row >= 0 && id.Row < n {
			d.Hide()
			moves.reverse(line(id.Row))
		}
	}
	note := widget.NewLabel(lang.L("{{.N}} lines, newest first. Tap a line to reverse its movement.", map[string]any{"N": n}))
	levels := widget.NewButtonWithIcon(lang.L("Warning level at a location"), theme.WarningIcon(), func() { setLocationWarning(w, a, it, moves.done) })
	d = dialog.NewCustom(lang.L("History of {{.Item}}", map[string]any{"Item": it.Label()}), lang.L("Close"),
		container.NewBorder(container.NewBorder(nil, nil, nil, levels, note), nil, nil, nil, table), w)
	d.Resize(fyne.NewSize(1150, 640))
	d.Show()
}

// setLocationWarning sets an item's warning level at one location, beside
// its overall level; 0 removes it.
func setLocationWarning(w fyne.Window, a *app.App, it data.Item, done func()) {
	locs, err := a.DB.Locations(a.Ctx())
	if err != nil {
		showMessage(w, it.Label(), say.Message(err))
		return
	}
	loc := newLocationPicker(locs, 0)
	level := widget.NewEntry()
	level.SetPlaceHolder(lang.L("0 removes it"))
	f := newForm()
	f.add("location", lang.L("Stock location"), loc)
	f.add("level", lang.L("Warning level"), level)
	showFormDialog(w, lang.L("Warning level of {{.Item}} at a location", map[string]any{"Item": it.Label()}), lang.L("Save"), f, func() error {
		n, err := wholeNumber("level", level.Text)
		if err != nil {
			return err
		}
		if err := a.DB.SetLocationWarning(a.Ctx(), it.ID, loc.id(), n); err != nil {
			return err
		}
		done()
		return nil
	})
}
