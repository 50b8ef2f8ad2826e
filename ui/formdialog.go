package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"fangkong/say"
)

// showFormDialog shows a form in a dialog that closes only when save
// succeeds: a refused save leaves every typed value in place with the
// reason beside its field (or in a message when it concerns no field).
func showFormDialog(w fyne.Window, title, saveText string, f *form, save func() error) dialog.Dialog {
	var d dialog.Dialog
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	submit := func() {
		f.clearErrors()
		msg.Hide()
		overlays := w.Canvas().Overlays()
		before := len(overlays.List())
		if err := save(); err != nil {
			if !f.showError(err) {
				msg.SetText(say.Message(err))
				msg.Show()
			}
			return
		}
		// Fyne takes away every overlay above one it hides: what save
		// opened (the note that a slip was printed) is put back on top.
		opened := slices.Clone(overlays.List()[before:])
		d.Hide()
		for _, o := range opened {
			overlays.Add(o)
		}
	}
	f.onSubmit(submit)
	ok := widget.NewButton(saveText, submit)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	content := container.NewBorder(nil, container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), cancel, ok)), nil, nil,
		container.NewVScroll(f.grid))
	d = dialog.NewCustomWithoutButtons(title, content, w)
	width := float32(560)
	if f.wide {
		width = 900
	}
	d.Resize(fyne.NewSize(width, min(720, 140+float32(len(f.errs))*52)))
	showKeyed(w, d, nil)
	if first := f.first(); first != nil {
		w.Canvas().Focus(first)
	}
	return d
}
