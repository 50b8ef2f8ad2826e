package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// showItemHistory shows every ledger line of an item, newest first, with
// the balance at its location and at all locations after each; tapping a
// line offers to reverse its movement.
func showItemHistory(w fyne.Window, a *app.App, it data.Item, moves *stockMoves) {
	hist, err := a.DB.ItemHistory(a.Ctx(), it.ID)
	if err != nil {
		showMessage(w, it.Label(), Message(err))
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
	d = dialog.NewCustom(lang.L("History of {{.Item}}", map[string]any{"Item": it.Label()}), lang.L("Close"),
		container.NewBorder(note, nil, nil, nil, table), w)
	d.Resize(fyne.NewSize(1150, 640))
	d.Show()
}
