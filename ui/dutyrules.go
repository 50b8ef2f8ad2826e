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

// dutyRules is the 设置 section for rosters: the command post's own duty
// shifts and how many people each needs, and the minimum rest between
// anyone's two shifts.
type dutyRules struct {
	app                 *app.App
	shifts, staff, rest *textField
	form                *form
	saved               *widget.Label
	box                 fyne.CanvasObject
}

func newDutyRules(w fyne.Window, a *app.App) *dutyRules {
	r := &dutyRules{app: a, shifts: newField(), staff: newField(), rest: newField(), form: newForm(),
		saved: widget.NewLabel("")}
	r.shifts.SetPlaceHolder("08:00-20:00,20:00-08:00")
	r.form.add("command_shifts", lang.L("Command-post duty shifts"), r.shifts)
	r.form.add("command_staff", lang.L("People per command-post shift"), r.staff)
	r.form.add("min_rest", lang.L("Minimum rest between shifts (hours)"), r.rest)
	save := saveButton(w, r.form, r.saved, r.save)
	note := widget.NewLabel(lang.L("Rosters never put anyone on two shifts with less rest than this between them; checkpoint shifts are set with each checkpoint."))
	note.Wrapping = fyne.TextWrapWord
	r.box = container.NewVBox(heading(lang.L("Duty rules")), note, r.form.grid, container.NewHBox(save, r.saved))
	return r
}

// typed reads the form; a field that is not a number is named.
func (r *dutyRules) typed() (data.DutyRules, error) {
	var rules data.DutyRules
	var err error
	if rules.CommandShifts, err = data.ParseShifts(r.shifts.Text); err != nil {
		return rules, &data.FieldError{Field: "command_shifts", Err: err}
	}
	for _, f := range []struct {
		field string
		e     *textField
		dst   *int
	}{{"command_staff", r.staff, &rules.CommandStaff}, {"min_rest", r.rest, &rules.MinRestHours}} {
		n, err := wholeNumber(f.field, f.e.Text)
		if err != nil {
			return rules, err
		}
		*f.dst = n
	}
	return rules, nil
}

func (r *dutyRules) save() error {
	rules, err := r.typed()
	if err != nil {
		return err
	}
	if err := r.app.DB.SaveDutyRules(r.app.Ctx(), rules); err != nil {
		return err
	}
	return r.refresh()
}

// refresh shows the saved rules; it reports a failure to read them.
func (r *dutyRules) refresh() error {
	rules, err := r.app.DB.DutyRules(r.app.Ctx())
	if err != nil {
		return err
	}
	parts := make([]string, len(rules.CommandShifts))
	for i, s := range rules.CommandShifts {
		parts[i] = s.String()
	}
	r.shifts.SetText(strings.Join(parts, ","))
	r.staff.SetText(strconv.Itoa(rules.CommandStaff))
	r.rest.SetText(strconv.Itoa(rules.MinRestHours))
	r.form.clearErrors()
	return nil
}

// unsaved reports typed changes not yet saved.
func (r *dutyRules) unsaved() bool {
	saved, err := r.app.DB.DutyRules(r.app.Ctx())
	if err != nil {
		return false
	}
	typed, err := r.typed()
	if err != nil {
		return true
	}
	return typed.CommandStaff != saved.CommandStaff || typed.MinRestHours != saved.MinRestHours ||
		!slices.Equal(typed.CommandShifts, saved.CommandShifts)
}
