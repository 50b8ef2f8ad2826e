package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// windowKeys are what each window does with its own shortcuts (Ctrl+1…9,
// Ctrl+S), by its canvas: a field with the cursor passes them here.
var windowKeys = map[fyne.Canvas]func(fyne.Shortcut){}

// windowShortcut reports whether a shortcut acts on the window: Ctrl+1…9
// and Ctrl+S.
func windowShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	return cs.KeyName == fyne.KeyS || (len(cs.KeyName) == 1 && cs.KeyName[0] >= '1' && cs.KeyName[0] <= '9')
}

// passShortcut hands a window's shortcut typed in o to o's window.
func passShortcut(o fyne.CanvasObject, s fyne.Shortcut) {
	if h := windowKeys[fyne.CurrentApp().Driver().CanvasForObject(o)]; h != nil {
		h(s)
	}
}

// passKey hands a key typed in o that belongs to the window (Esc) to it.
func passKey(o fyne.CanvasObject, k *fyne.KeyEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
	}
}

// keyedDialog is a dialog that answers the keys every dialog answers: Esc
// dismisses it, Enter confirms it.
type keyedDialog struct {
	d       dialog.Dialog
	confirm func() // Enter with no field taking it; nil: a form submits from its fields
}

// openDialogs are the keyed dialogs open in each window, newest last.
var openDialogs = map[fyne.Window][]*keyedDialog{}

// showKeyed shows d in w answering Esc (dismiss) and Enter (confirm, when
// there is anything to confirm).
func showKeyed(w fyne.Window, d dialog.Dialog, confirm func()) {
	k := &keyedDialog{d: d, confirm: confirm}
	openDialogs[w] = append(openDialogs[w], k)
	d.SetOnClosed(func() {
		openDialogs[w] = slices.DeleteFunc(openDialogs[w], func(o *keyedDialog) bool { return o == k })
	})
	d.Show()
}

// confirmDialog asks a yes-or-no question; Enter is yes, Esc no.
func confirmDialog(w fyne.Window, title, question string, answer func(bool)) {
	d := dialog.NewConfirm(title, question, answer, w)
	showKeyed(w, d, d.Confirm)
}

// confirmLoss asks before something is thrown away: yes is red and only a
// click gives it, so an Enter meant for a field loses nothing; Esc is no.
func confirmLoss(w fyne.Window, title, question string, answer func(bool)) {
	d := dialog.NewConfirm(title, question, answer, w)
	d.SetConfirmImportance(widget.DangerImportance)
	showKeyed(w, d, nil)
}

// dialogOpen reports whether anything is open over w's screen: the
// window's shortcuts wait until it is answered.
func dialogOpen(w fyne.Window) bool {
	return len(w.Canvas().Overlays().List()) > 0
}

// dialogKey answers Esc and Enter for the dialog on top of w, and reports
// whether there was one to answer.
func dialogKey(w fyne.Window, k *fyne.KeyEvent) bool {
	open := openDialogs[w]
	if !dialogOpen(w) {
		// Fyne takes away overlays without closing their dialogs when
		// one below them is hidden: none is open any more.
		delete(openDialogs, w)
		return false
	}
	if len(open) == 0 {
		return false
	}
	top := open[len(open)-1]
	switch k.Name {
	case fyne.KeyEscape:
		top.d.Hide()
	case fyne.KeyReturn, fyne.KeyEnter:
		if top.confirm == nil {
			return false
		}
		top.confirm()
	default:
		return false
	}
	return true
}
