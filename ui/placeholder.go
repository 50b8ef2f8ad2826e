package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// placeholder stands for a screen not built yet and says what will be there.
type placeholder struct{ box fyne.CanvasObject }

func newPlaceholder(title, text string) *placeholder {
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel(lang.L("This screen is being built; the staff directory and settings already work."))
	note.Importance = widget.LowImportance
	return &placeholder{box: container.NewVBox(heading(title), widget.NewSeparator(), body, note)}
}

func (p *placeholder) content() fyne.CanvasObject { return container.NewPadded(p.box) }
func (p *placeholder) refresh()                   {}
