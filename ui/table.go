package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newTable is a read-only table with a header row: widths per column,
// rows() rows, and cell(row, col) as text that truncates with an ellipsis.
func newTable(headers []string, widths []float32, rows func() int, cell func(row, col int) string) *widget.Table {
	return newMarkedTable(headers, widths, rows, cell, nil)
}

// newMarkedTable is newTable with rows that can stand out: mark(row) says
// how (red for a shortage, grey for a reversed line); nil marks nothing.
func newMarkedTable(headers []string, widths []float32, rows func() int, cell func(row, col int) string,
	mark func(row int) widget.Importance) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(headers) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if mark != nil {
				l.Importance = mark(id.Row)
			}
			l.SetText(cell(id.Row, id.Col))
			l.Refresh()
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	for col, w := range widths {
		t.SetColumnWidth(col, w)
	}
	return t
}
