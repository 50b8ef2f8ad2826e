package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// typingField reports whether o takes typed input: where a screen or a
// dialog puts the keyboard first (buttons and lists take Tab, not typing).
func typingField(o fyne.Focusable) bool {
	switch o.(type) {
	case *textField, *choice, *searchPicker, *widget.SelectEntry:
		return true
	}
	return false
}

// focusFirst puts the keyboard in the first field of what c shows on top
// (the dialog open, else the screen), in Tab order, and reports whether
// there was one. It walks as Tab does, so what comes first is what a
// Tab from nothing would reach first.
func focusFirst(c fyne.Canvas) bool {
	c.Unfocus()
	var first fyne.Focusable
	for range 400 {
		c.FocusNext()
		f := c.Focused()
		if f == nil || f == first {
			break
		}
		if first == nil {
			first = f
		}
		if typingField(f) {
			return true
		}
	}
	c.Unfocus()
	return false
}
