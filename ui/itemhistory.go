package ui

import (
	"slices"
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
	ledger := ledgerColumns()
	table := newTableOf(append(ledger[:7],
		col(lang.L("Balance there"), 90, func(m data.Move) string { return strconv.Itoa(m.Balance) }),
		col(lang.L("Balance, all locations"), 90, func(m data.Move) string { return strconv.Itoa(m.Total) }),
		col(lang.L("Details"), 260, moveDetails))...)
	table.mark = ledgerMark
	newest := slices.Clone(hist)
	slices.Reverse(newest)
	table.set(newest)
	var d dialog.Dialog
	table.onSelect = func(m data.Move) {
		d.Hide()
		moves.reverse(m)
	}
	note := widget.NewLabel(lang.L("{{.N}} lines, newest first. Tap a line to reverse its movement.", map[string]any{"N": n}))
	levels := widget.NewButtonWithIcon(lang.L("Warning level at a location"), theme.WarningIcon(), func() { setLocationWarning(w, a, it, moves.done) })
	d = dialog.NewCustom(lang.L("History of {{.Item}}", map[string]any{"Item": it.Label()}), lang.L("Close"),
		container.NewBorder(container.NewBorder(nil, nil, nil, levels, note), nil, nil, nil, table.box), w)
	d.Resize(fyne.NewSize(1150, 640))
	showKeyed(w, d, d.Hide)
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
	level := newField()
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
