package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
	"fangkong/say"
)

// form lays out labelled fields with a message line under each, where a
// validation error is shown beside the field it concerns.
type form struct {
	wide    bool // rows of several fields side by side: a wider dialog
	grid    *fyne.Container
	errs    map[string]*widget.Label
	inputs  []fyne.Focusable // what takes the keyboard, in order: Enter submits from them
	widgets map[string]fyne.CanvasObject
}

func newForm() *form {
	return &form{grid: container.New(layout.NewFormLayout()), errs: map[string]*widget.Label{}, widgets: map[string]fyne.CanvasObject{}}
}

// add appends a field; field is the name data.FieldError uses for it. An
// entry's error is cleared as soon as the clerk edits it.
func (f *form) add(field, label string, w fyne.CanvasObject) {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	f.errs[field] = msg
	f.widgets[field] = w
	f.addInputs(field, w)
	if label == "" {
		f.grid.Add(container.NewVBox()) // no label: the row is as tall as its widget
	} else {
		f.grid.Add(container.NewVBox(widget.NewLabel(label)))
	}
	f.grid.Add(container.NewVBox(w, msg))
}

// addInputs keeps the fields in w (itself, or inside its containers) in
// Tab order; editing one clears field's error.
func (f *form) addInputs(field string, w fyne.CanvasObject) {
	var e *widget.Entry
	switch w := w.(type) {
	case *fyne.Container:
		for _, o := range w.Objects {
			f.addInputs(field, o)
		}
	case *textField:
		e = &w.Entry
		f.inputs = append(f.inputs, w)
	case *widget.SelectEntry:
		e = &w.Entry
		f.inputs = append(f.inputs, w)
	case *searchPicker:
		e = &w.Entry
		f.inputs = append(f.inputs, w)
	case *choice:
		f.inputs = append(f.inputs, w)
	}
	if e == nil {
		return
	}
	prev := e.OnChanged
	e.OnChanged = func(s string) {
		f.setError(field, "")
		if prev != nil {
			prev(s)
		}
	}
}

// onSubmit makes Enter in a one-line field or a choice, and Ctrl+S in
// any field, call submit.
func (f *form) onSubmit(submit func()) {
	for _, in := range f.inputs {
		switch w := in.(type) {
		case *textField:
			w.save = submit
			if !w.MultiLine {
				w.OnSubmitted = func(string) { submit() }
			}
		case *widget.SelectEntry:
			w.OnSubmitted = func(string) { submit() }
		case *searchPicker:
			w.save = submit
			w.OnSubmitted = func(string) { submit() }
		case *choice:
			w.onEnter = submit
		}
	}
}

// first is where the keyboard starts: the first field still enabled.
func (f *form) first() fyne.Focusable {
	for _, in := range f.inputs {
		if d, ok := in.(fyne.Disableable); ok && d.Disabled() {
			continue
		}
		return in
	}
	return nil
}

// values are what the form's text fields and choices hold, by field name:
// what a draft keeps.
func (f *form) values() map[string]string {
	out := map[string]string{}
	for name, w := range f.widgets {
		switch w := w.(type) {
		case *textField:
			out[name] = w.Text
		case *widget.SelectEntry:
			out[name] = w.Text
		case *searchPicker:
			out[name] = w.Text
		case *widget.Select:
			out[name] = w.Selected
		case *locationPicker:
			out[name] = w.Selected
		case *choice:
			out[name] = w.Selected
		}
	}
	return out
}

// fill puts values back into the fields they were read from.
func (f *form) fill(v map[string]string) {
	for name, w := range f.widgets {
		text, ok := v[name]
		if !ok {
			continue
		}
		switch w := w.(type) {
		case *textField:
			w.SetText(text)
		case *widget.SelectEntry:
			w.SetText(text)
		case *searchPicker:
			w.SetText(text)
		case *widget.Select:
			w.SetSelected(text)
		case *locationPicker:
			w.SetSelected(text)
		case *choice:
			w.SetSelected(text)
		}
	}
}

// setError shows msg under field, or clears it when msg is empty.
func (f *form) setError(field, msg string) {
	l := f.errs[field]
	if l == nil || l.Text == msg {
		return
	}
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// clearErrors hides every field's message.
func (f *form) clearErrors() {
	for field := range f.errs {
		f.setError(field, "")
	}
}

// showError puts err beside its field if it names one of this form's
// fields, and reports whether it did.
func (f *form) showError(err error) bool {
	field := fieldOf(err)
	if _, ok := f.errs[field]; !ok {
		return false
	}
	f.setError(field, say.Message(err))
	return true
}

// saveButton saves a section of 设置 in place: a refused save shows its
// reason beside the field (or in a message when it concerns no field),
// a good one says 已保存 beside the button.
func saveButton(w fyne.Window, f *form, saved *widget.Label, save func() error) *widget.Button {
	submit := func() {
		f.clearErrors()
		saved.SetText("")
		if err := save(); err != nil {
			if !f.showError(err) {
				showMessage(w, lang.L("Settings"), say.Message(err))
			}
			return
		}
		saved.SetText(lang.L("Saved."))
	}
	f.onSubmit(submit)
	return widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), submit)
}

// wholeNumber reads a whole number as typed (full-width digits too); one
// that is not is a field error on field.
func wholeNumber(field, text string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(data.HalfWidth(text)))
	if err != nil {
		return 0, &data.FieldError{Field: field, Err: data.ErrBadNumber}
	}
	return n, nil
}

// fieldOf says which form field an error belongs to, if any.
func fieldOf(err error) string {
	var fe *data.FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}
