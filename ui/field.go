package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// textField is the text field every form uses: an entry that passes on what
// belongs to the window rather than to the text — Ctrl+1…9 to change
// screen, Ctrl+S to save, Esc to dismiss the dialog — so they work with
// the cursor in it, as they do anywhere else.
type textField struct {
	widget.Entry
	save func() // Ctrl+S in a dialog's form: its save; nil: the window's
}

func newField() *textField {
	f := &textField{}
	f.ExtendBaseWidget(f)
	return f
}

func newMultiLineField() *textField {
	f := newField()
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	return f
}

func newPasswordField() *textField {
	f := newField()
	f.Password = true
	return f
}

// TypedShortcut saves the dialog's form on Ctrl+S, passes the window's
// other shortcuts to the window, and handles the rest (copy, paste …)
// as any entry.
func (f *textField) TypedShortcut(s fyne.Shortcut) {
	fieldShortcut(f, s, f.save, f.Entry.TypedShortcut)
}

// TypedKey passes Esc to the window, which dismisses its dialog.
func (f *textField) TypedKey(k *fyne.KeyEvent) { fieldKey(f, k, f.Entry.TypedKey) }

// fieldShortcut is what a field does with a shortcut: Ctrl+S saves its
// form (save; nil: the window's), Ctrl+1…9 go to the window, the rest
// (copy, paste …) to the field itself (own).
func fieldShortcut(f fyne.CanvasObject, s fyne.Shortcut, save func(), own func(fyne.Shortcut)) {
	if !windowShortcut(s) {
		own(s)
		return
	}
	if cs := s.(*desktop.CustomShortcut); cs.KeyName == fyne.KeyS && save != nil {
		save()
		return
	}
	passShortcut(f, s)
}

// fieldKey passes Esc to the window, which dismisses its dialog, and any
// other key to the field itself (own).
func fieldKey(f fyne.CanvasObject, k *fyne.KeyEvent, own func(*fyne.KeyEvent)) {
	if k.Name == fyne.KeyEscape {
		passKey(f, k)
		return
	}
	own(k)
}
