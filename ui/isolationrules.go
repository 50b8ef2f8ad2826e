package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// isolationRules is the 设置 section for isolation: planned days per guest
// category and the days of isolation with a nucleic-acid test.
type isolationRules struct {
	app      *app.App
	days     map[string]*textField
	testDays *textField
	form     *form
	saved    *widget.Label
	box      fyne.CanvasObject
}

func newIsolationRules(w fyne.Window, a *app.App) *isolationRules {
	r := &isolationRules{app: a, days: map[string]*textField{}, testDays: newField(),
		form: newForm(), saved: widget.NewLabel("")}
	for _, cat := range data.GuestCategories {
		e := newField()
		r.days[cat] = e
		r.form.add("days."+cat, lang.L("{{.Category}}: days", map[string]any{"Category": cat}), e)
	}
	r.testDays.SetPlaceHolder(lang.L("e.g. 1, 4, 7, 14"))
	r.form.add("test_days", lang.L("Test on days"), r.testDays)
	save := saveButton(w, r.form, r.saved, r.save)
	note := widget.NewLabel(lang.L("The planned days are filled in at check-in and can be changed there; tests are scheduled at check-in on these days (day 1 is the day of check-in)."))
	note.Wrapping = fyne.TextWrapWord
	r.box = container.NewVBox(heading(lang.L("Isolation rules")), note, r.form.grid, container.NewHBox(save, r.saved))
	return r
}

func (r *isolationRules) save() error {
	rules := data.IsolationRules{DaysByCategory: map[string]int{}}
	for cat, e := range r.days {
		n, err := wholeNumber("days."+cat, e.Text)
		if err != nil {
			return err
		}
		rules.DaysByCategory[cat] = n
	}
	days, err := data.ParseDayList(r.testDays.Text)
	if err != nil || len(days) == 0 {
		return &data.FieldError{Field: "test_days", Err: data.ErrBadNumber}
	}
	rules.TestDays = days
	if err := r.app.DB.SaveIsolationRules(r.app.Ctx(), rules); err != nil {
		return err
	}
	r.load(rules)
	return nil
}

func (r *isolationRules) load(rules data.IsolationRules) {
	for cat, e := range r.days {
		e.SetText(strconv.Itoa(rules.DaysByCategory[cat]))
	}
	days := make([]string, len(rules.TestDays))
	for i, d := range rules.TestDays {
		days[i] = strconv.Itoa(d)
	}
	r.testDays.SetText(strings.Join(days, ", "))
	r.form.clearErrors()
}

// refresh reloads the rules; it reports a failure to read them.
func (r *isolationRules) refresh() error {
	rules, err := r.app.DB.IsolationRules(r.app.Ctx())
	if err != nil {
		return err
	}
	r.load(rules)
	r.saved.SetText("")
	return nil
}

// unsaved reports typed changes not yet saved.
func (r *isolationRules) unsaved() bool {
	rules, err := r.app.DB.IsolationRules(r.app.Ctx())
	if err != nil {
		return false
	}
	for cat, e := range r.days {
		if strings.TrimSpace(e.Text) != strconv.Itoa(rules.DaysByCategory[cat]) {
			return true
		}
	}
	days, err := data.ParseDayList(r.testDays.Text)
	return err != nil || !slices.Equal(days, rules.TestDays)
}
