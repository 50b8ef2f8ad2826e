package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// operators is the 设置 section where admins make staff members operators
// and set their PINs. Before any operator exists anyone may add the first,
// who becomes the admin.
type operators struct {
	win    fyne.Window
	app    *app.App
	list   *widget.Label
	staff  []data.Staff
	person *widget.Select
	admin  *widget.Check
	pin    *textField
	form   *form
	note   *widget.Label
	save   *widget.Button
	idle   *textField
	box    fyne.CanvasObject
}

func newOperators(w fyne.Window, a *app.App) *operators {
	o := &operators{win: w, app: a, list: widget.NewLabel(""), admin: widget.NewCheck(lang.L("Administrator"), nil),
		pin: newPasswordField(), form: newForm(), note: widget.NewLabel("")}
	o.list.Wrapping = fyne.TextWrapWord
	o.note.Wrapping = fyne.TextWrapWord
	o.person = newSelect(nil, nil)
	o.pin.SetPlaceHolder(lang.L("4 to 20 characters"))
	o.form.add("staff", lang.L("Staff member"), o.person)
	o.form.add("role", lang.L("Role"), o.admin)
	o.form.add("pin", lang.L("PIN"), o.pin)
	o.save = widget.NewButtonWithIcon(lang.L("Save operator"), theme.DocumentSaveIcon(), o.submit)
	o.idle = newField()
	idleForm := newForm()
	idleForm.add("idle_minutes", lang.L("Lock after (minutes without use)"), o.idle)
	o.form.onSubmit(o.submit)
	submitIdle := func() {
		idleForm.clearErrors()
		n, err := wholeNumber("idle_minutes", o.idle.Text)
		if err == nil {
			err = o.app.DB.SaveIdleMinutes(o.app.Ctx(), n)
		}
		if err != nil && !idleForm.showError(err) {
			showMessage(o.win, lang.L("Operators"), say.Message(err))
		}
	}
	idleForm.onSubmit(submitIdle)
	saveIdle := widget.NewButton(lang.L("Save"), submitIdle)
	o.box = container.NewVBox(heading(lang.L("Operators")), o.note, o.list, o.form.grid, container.NewHBox(o.save),
		idleForm.grid, container.NewHBox(saveIdle))
	return o
}

func (o *operators) submit() {
	o.form.clearErrors()
	i := o.person.SelectedIndex()
	if i < 0 {
		o.form.setError("staff", lang.L("Please choose one of the listed values."))
		return
	}
	if err := o.app.DB.SaveOperator(o.app.Ctx(), o.staff[i].ID, o.admin.Checked, o.pin.Text); err != nil {
		if !o.form.showError(err) {
			showMessage(o.win, lang.L("Operators"), say.Message(err))
		}
		return
	}
	o.pin.SetText("")
	o.refresh()
}

func (o *operators) refresh() {
	ops, err := o.app.DB.Operators(o.app.Ctx())
	if err == nil {
		o.staff, err = o.app.DB.Staff(o.app.Ctx(), data.StaffQuery{})
	}
	if err != nil {
		showMessage(o.win, lang.L("Operators"), say.Message(err))
		return
	}
	var names []string
	for _, op := range ops {
		n := op.Name
		if op.Admin {
			n += lang.L(" (admin)")
		}
		names = append(names, n)
	}
	if minutes, err := o.app.DB.IdleMinutes(o.app.Ctx()); err == nil {
		o.idle.SetText(strconv.Itoa(minutes))
	}
	people := make([]string, len(o.staff))
	for i, s := range o.staff {
		people[i] = s.Name + "  " + s.Unit
	}
	o.person.SetOptions(people)
	switch {
	case len(ops) == 0:
		o.list.SetText(lang.L("No operators yet: anyone may use the program. The first operator added becomes the administrator; from then on everyone signs in."))
		o.note.SetText("")
	default:
		o.list.SetText(lang.L("Operators:") + strings.Join(names, "、"))
	}
	if len(ops) > 0 && !o.app.MayAdminister() {
		o.note.SetText(lang.L("Only an administrator may add operators or change their PINs."))
		o.save.Disable()
		o.person.Disable()
	} else {
		o.note.SetText(lang.L("Operators sign in with their PIN; PINs are stored only as a salted hash."))
		o.save.Enable()
		o.person.Enable()
	}
}
