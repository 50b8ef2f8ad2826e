package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// reportNumbering is the 设置 section for the daily report's numbers: the
// number the first issued report takes, for a post that numbered its
// reports on paper before.
type reportNumbering struct {
	app   *app.App
	first *widget.Entry
	form  *form
	saved *widget.Label
	box   fyne.CanvasObject
}

func newReportNumbering(w fyne.Window, a *app.App) *reportNumbering {
	r := &reportNumbering{app: a, first: widget.NewEntry(), form: newForm(), saved: widget.NewLabel("")}
	r.form.add("first_number", lang.L("Number of the first report (第N期)"), r.first)
	save := saveButton(w, r.form, r.saved, func() error {
		n, err := wholeNumber("first_number", r.first.Text)
		if err != nil {
			return err
		}
		return a.DB.SaveFirstReportNumber(a.Ctx(), n)
	})
	note := widget.NewLabel(lang.L("Each day's first issue takes the next number; a re-issue keeps its day's number and is marked 修订."))
	note.Wrapping = fyne.TextWrapWord
	r.box = container.NewVBox(heading(lang.L("Daily report")), note, r.form.grid, container.NewHBox(save, r.saved))
	return r
}

// refresh shows the saved number; it reports a failure to read it.
func (r *reportNumbering) refresh() error {
	n, err := r.app.DB.FirstReportNumber(r.app.Ctx())
	if err != nil {
		return err
	}
	r.first.SetText(strconv.Itoa(n))
	r.form.clearErrors()
	return nil
}

// unsaved reports a typed number not yet saved.
func (r *reportNumbering) unsaved() bool {
	n, err := r.app.DB.FirstReportNumber(r.app.Ctx())
	return err == nil && strings.TrimSpace(data.HalfWidth(r.first.Text)) != strconv.Itoa(n)
}
