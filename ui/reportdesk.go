package ui

import (
	"cmp"
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
	events   *textField
	filledBy *textField
	checkBy  *textField
	signedBy *textField
	preview  *fyne.Container
	list     *table[data.IssuedReportLine] // the issued reports
	form     *form
}

func newReportDesk(day *dayPicker, reprint func(data.IssuedReportLine)) *reportDesk {
	d := &reportDesk{day: day, events: newMultiLineField(), filledBy: newField(), checkBy: newField(),
		signedBy: newField(), preview: container.NewVBox(), form: newForm()}
	d.list = newTableOf(
		col(lang.L("Date"), 110, func(l data.IssuedReportLine) string { return l.Day.Format("2006-01-02") }),
		col(lang.L("Number"), 80, func(l data.IssuedReportLine) string { return lang.L("No. {{.N}}", map[string]any{"N": l.Number}) }).
			by(func(a, b data.IssuedReportLine) int { return cmp.Compare(a.Number, b.Number) }),
		col(lang.L("Version"), 60, func(l data.IssuedReportLine) string {
			version := strconv.Itoa(l.Version)
			if l.Version > 1 {
				version += " " + lang.L("revised")
			}
			if l.Backfill {
				version += " " + lang.L("filed late")
			}
			return version
		}),
		col(lang.L("Issued at"), 140, func(l data.IssuedReportLine) string { return l.IssuedAt.Format("2006-01-02 15:04") }),
		col(lang.L("Operator"), 90, func(l data.IssuedReportLine) string { return l.Operator }))
	d.list.onSelect = reprint
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
		nil, nil, nil, container.NewVScroll(d.preview)) // prose wraps at the width shown; each table scrolls across
	right := container.NewBorder(heading(lang.L("Issued reports (tap one to print it again)")), nil, nil, nil, d.list.box)
	split := container.NewHSplit(left, right)
	split.SetOffset(offset)
	return split
}

// input is what the clerk typed on the report.
func (d *reportDesk) input() data.ReportInput {
	return data.ReportInput{Events: d.events.Text, FilledBy: d.filledBy.Text, ReviewedBy: d.checkBy.Text, SignedBy: d.signedBy.Text}
}
