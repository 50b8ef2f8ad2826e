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

// caseSettings is the 设置 section for abnormal cases: how long an open
// case may go without a step before it is chased first, in red.
type caseSettings struct {
	app   *app.App
	hours *widget.Entry
	form  *form
	saved *widget.Label
	box   fyne.CanvasObject
}

func newCaseSettings(w fyne.Window, a *app.App) *caseSettings {
	c := &caseSettings{app: a, hours: widget.NewEntry(), form: newForm(), saved: widget.NewLabel("")}
	c.form.add("overdue_hours", lang.L("Chase a case after (hours without a step)"), c.hours)
	save := saveButton(w, c.form, c.saved, func() error {
		n, err := wholeNumber("overdue_hours", c.hours.Text)
		if err != nil {
			return &data.FieldError{Field: "overdue_hours", Err: data.ErrCaseOverdueHours}
		}
		return a.DB.SaveCaseOverdueHours(a.Ctx(), n)
	})
	note := widget.NewLabel(lang.L("An open case with no step for longer stands in red at the top of 异常情况 and on 总览."))
	note.Wrapping = fyne.TextWrapWord
	c.box = container.NewVBox(heading(lang.L("Abnormal cases")), note, c.form.grid, container.NewHBox(save, c.saved))
	return c
}

// refresh shows the saved limit; it reports a failure to read it.
func (c *caseSettings) refresh() error {
	d, err := c.app.DB.CaseOverdue(c.app.Ctx())
	if err != nil {
		return err
	}
	c.hours.SetText(strconv.Itoa(int(d.Hours())))
	c.form.clearErrors()
	return nil
}

// unsaved reports a typed limit not yet saved.
func (c *caseSettings) unsaved() bool {
	d, err := c.app.DB.CaseOverdue(c.app.Ctx())
	return err == nil && strings.TrimSpace(data.HalfWidth(c.hours.Text)) != strconv.Itoa(int(d.Hours()))
}
