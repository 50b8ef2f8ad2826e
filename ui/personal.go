package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/reports"
)

// askPersonal asks before a print or export whether ID numbers and phones
// appear in full; they are masked unless the operator ticks the box.
func askPersonal(w fyne.Window, title string, then func(reports.Personal)) {
	note := widget.NewLabel(lang.L("ID numbers and phones are masked (610***********1234). Show them in full?"))
	note.Wrapping = fyne.TextWrapWord
	full := widget.NewCheck(lang.L("Show ID numbers and phones in full"), nil)
	d := dialog.NewCustomConfirm(title, lang.L("Continue"), lang.L("Cancel"),
		container.NewVBox(note, full), func(ok bool) {
			if ok {
				then(reports.Personal(full.Checked))
			}
		}, w)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}
