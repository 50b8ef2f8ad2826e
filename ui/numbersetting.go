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

// numberSetting is a 设置 section holding one whole number: its heading, a
// note saying what the number does, the field and 保存.
type numberSetting struct {
	read  func() (int, error)
	entry *textField
	form  *form
	saved *widget.Label
	box   fyne.CanvasObject
}

// newNumberSetting builds the section; save gets the number as typed, and
// its refusal shows beside the field.
func newNumberSetting(w fyne.Window, title, note, field, label string, read func() (int, error), save func(text string) error) *numberSetting {
	n := &numberSetting{read: read, entry: newField(), form: newForm(), saved: widget.NewLabel("")}
	n.form.add(field, label, n.entry)
	about := widget.NewLabel(note)
	about.Wrapping = fyne.TextWrapWord
	button := saveButton(w, n.form, n.saved, func() error { return save(n.entry.Text) })
	n.box = container.NewVBox(heading(title), about, n.form.grid, container.NewHBox(button, n.saved))
	return n
}

// refresh shows the saved number; it reports a failure to read it.
func (n *numberSetting) refresh() error {
	v, err := n.read()
	if err != nil {
		return err
	}
	n.entry.SetText(strconv.Itoa(v))
	n.form.clearErrors()
	return nil
}

// unsaved reports a typed number not yet saved.
func (n *numberSetting) unsaved() bool {
	v, err := n.read()
	return err == nil && strings.TrimSpace(data.HalfWidth(n.entry.Text)) != strconv.Itoa(v)
}

// newReportNumbering is the section for the number the first issued
// report takes (第N期), for a post that numbered its reports on paper.
func newReportNumbering(w fyne.Window, a *app.App) *numberSetting {
	return newNumberSetting(w, lang.L("Daily report"),
		lang.L("Each day's first issue takes the next number; a re-issue keeps its day's number and is marked 修订."),
		"first_number", lang.L("Number of the first report (第N期)"),
		func() (int, error) { return a.DB.FirstReportNumber(a.Ctx()) },
		func(text string) error {
			n, err := wholeNumber("first_number", text)
			if err != nil {
				return err
			}
			return a.DB.SaveFirstReportNumber(a.Ctx(), n)
		})
}

// newCaseOverdue is the section for how long an open case may go without
// a step before it is chased first, in red.
func newCaseOverdue(w fyne.Window, a *app.App) *numberSetting {
	return newNumberSetting(w, lang.L("Abnormal cases"),
		lang.L("An open case with no step for longer stands in red at the top of 异常情况 and on 总览."),
		"overdue_hours", lang.L("Chase a case after (hours without a step)"),
		func() (int, error) {
			d, err := a.DB.CaseOverdue(a.Ctx())
			return int(d.Hours()), err
		},
		func(text string) error {
			n, err := wholeNumber("overdue_hours", text)
			if err != nil {
				return &data.FieldError{Field: "overdue_hours", Err: data.ErrCaseOverdueHours}
			}
			return a.DB.SaveCaseOverdueHours(a.Ctx(), n)
		})
}
