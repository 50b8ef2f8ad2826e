package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// askPersonal asks before a print or export whether ID numbers and phones
// appear in full; they are masked unless the operator ticks the box. Only
// an administrator may (anyone, before operators are set up), and doing so
// is written to the audit trail.
func askPersonal(w fyne.Window, a *app.App, title string, then func(reports.Personal)) {
	note := widget.NewLabel(lang.L("ID numbers and phones are masked (610***********1234). Show them in full?"))
	note.Wrapping = fyne.TextWrapWord
	full := widget.NewCheck(lang.L("Show ID numbers and phones in full"), nil)
	box := container.NewVBox(note, full)
	if !a.MayAdminister() {
		full.Disable()
		box.Add(widget.NewLabel(lang.L("Only an administrator may show them in full.")))
	}
	d := dialog.NewCustomConfirm(title, lang.L("Continue"), lang.L("Cancel"), box, func(ok bool) {
		if !ok {
			return
		}
		if full.Checked {
			if err := a.DB.LogAccess(a.Ctx(), data.ActShowUnmasked, title); err != nil {
				showMessage(w, title, say.Message(err))
				return
			}
		}
		then(reports.Personal(full.Checked))
	}, w)
	d.Resize(fyne.NewSize(460, 0))
	showKeyed(w, d, d.Confirm)
}
