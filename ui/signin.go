package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// signIn is the operator picker: who is at the keyboard, with their PIN.
type signIn struct {
	picker *widget.Select
	pin    *textField
	form   *form
	box    fyne.CanvasObject
}

func newSignIn(a *app.App, ops []data.OperatorRow, done func(data.Operator)) *signIn {
	s := &signIn{pin: newPasswordField(), form: newForm()}
	names := make([]string, len(ops))
	for i, o := range ops {
		names[i] = o.Name
	}
	s.picker = newSelect(names, nil)
	s.picker.PlaceHolder = lang.L("(Choose your name)")
	s.form.add("operator", lang.L("Operator"), s.picker)
	s.form.add("pin", lang.L("PIN"), s.pin)
	submit := func() {
		s.form.clearErrors()
		i := s.picker.SelectedIndex()
		if i < 0 {
			s.form.setError("operator", lang.L("Please choose your name."))
			return
		}
		op, err := a.DB.SignIn(a.Ctx(), ops[i].ID, s.pin.Text)
		if err != nil {
			s.pin.SetText("") // first: editing the field clears its message
			if !s.form.showError(err) {
				s.form.setError("pin", say.Message(err))
			}
			return
		}
		a.SignIn(op)
		done(op)
	}
	s.pin.OnSubmitted = func(string) { submit() }
	title := widget.NewRichText(&widget.TextSegment{Text: lang.L("AppName"), Style: widget.RichTextStyleHeading})
	enter := widget.NewButton(lang.L("Sign in"), submit)
	enter.Importance = widget.HighImportance
	card := container.NewVBox(title, widget.NewLabel(lang.L("Who is at the keyboard?")), s.form.grid, container.NewCenter(enter))
	s.box = container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 300), card))
	return s
}

func (s *signIn) content() fyne.CanvasObject { return s.box }
