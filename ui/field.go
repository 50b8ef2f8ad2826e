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
	if !windowShortcut(s) {
		f.Entry.TypedShortcut(s)
		return
	}
	if cs := s.(*desktop.CustomShortcut); cs.KeyName == fyne.KeyS && f.save != nil {
		f.save()
		return
	}
	passShortcut(f, s)
}

// TypedKey passes Esc to the window, which dismisses its dialog.
func (f *textField) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		passKey(f, k)
		return
	}
	f.Entry.TypedKey(k)
}
