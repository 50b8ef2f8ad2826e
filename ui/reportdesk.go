package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

// reportDesk is what 报表 and 全县日报 share: the report's day, what the
// clerk types on it, its preview, and the issued ones, a tap printing one
// again.
type reportDesk struct {
	day      *dayPicker
	events   *widget.Entry
	filledBy *widget.Entry
	checkBy  *widget.Entry
	signedBy *widget.Entry
	preview  *fyne.Container
	issued   []data.IssuedReportLine
	list     *widget.Table
	form     *form
}

func newReportDesk(day *dayPicker, reprint func(data.IssuedReportLine)) *reportDesk {
	d := &reportDesk{day: day, events: widget.NewMultiLineEntry(), filledBy: widget.NewEntry(), checkBy: widget.NewEntry(),
		signedBy: widget.NewEntry(), preview: container.NewVBox(), form: newForm()}
	d.list = newTable([]string{lang.L("Date"), lang.L("Number"), lang.L("Version"), lang.L("Issued at"), lang.L("Operator")},
		[]float32{110, 80, 60, 140, 90}, func() int { return len(d.issued) }, func(row, col int) string {
			l := d.issued[row]
			version := strconv.Itoa(l.Version)
			if l.Version > 1 {
				version += " " + lang.L("revised")
			}
			if l.Backfill {
				version += " " + lang.L("filed late")
			}
			return []string{l.Day.Format("2006-01-02"), lang.L("No. {{.N}}", map[string]any{"N": l.Number}), version,
				l.IssuedAt.Format("2006-01-02 15:04"), l.Operator}[col]
		})
	d.list.OnSelected = func(id widget.TableCellID) {
		d.list.UnselectAll()
		if id.Row >= 0 && id.Row < len(d.issued) {
			reprint(d.issued[id.Row])
		}
	}
	d.form.add("events", lang.L("Notable events"), d.events)
	d.form.add("filled_by", lang.L("Filled by"), d.filledBy)
	d.form.add("reviewed_by", lang.L("Reviewed by"), d.checkBy)
	d.form.add("signed_by", lang.L("Signed by"), d.signedBy)
	return d
}

// layout puts the day, the form, the buttons and the preview at the left
// (offset of the width) and the issued reports at the right.
func (d *reportDesk) layout(buttons fyne.CanvasObject, offset float64) fyne.CanvasObject {
	left := container.NewBorder(container.NewVBox(container.NewHBox(widget.NewLabel(lang.L("Report date")), d.day.box), d.form.grid, buttons),
		nil, nil, nil, container.NewScroll(d.preview))
	right := container.NewBorder(heading(lang.L("Issued reports (tap one to print it again)")), nil, nil, nil, d.list)
	split := container.NewHSplit(left, right)
	split.SetOffset(offset)
	return split
}

// input is what the clerk typed on the report.
func (d *reportDesk) input() data.ReportInput {
	return data.ReportInput{Events: d.events.Text, FilledBy: d.filledBy.Text, ReviewedBy: d.checkBy.Text, SignedBy: d.signedBy.Text}
}
