package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

// newDateField is a field for a day, typed as clerks write dates (what
// data.ParseDay reads) or picked from a calendar behind the button at its
// end. now is the program's clock: the calendar opens on the day typed,
// else today. picked (if not nil) runs when a day is picked: a view
// shows it at once, a form waits for its save.
func newDateField(now func() time.Time, picked func()) *textField {
	f := newField()
	f.SetPlaceHolder(lang.L("e.g. 2026-11-03"))
	var pop *widget.PopUp
	open := func() {
		c := fyne.CurrentApp().Driver().CanvasForObject(f)
		if c == nil {
			return
		}
		chosen, err := data.ParseDay(f.Text)
		if err != nil {
			chosen = data.StartOfDay(now())
		}
		cal := newCalendar(chosen, now(), func(day time.Time) {
			pop.Hide()
			f.SetText(day.Format("2006-01-02"))
			c.Focus(f)
			if picked != nil {
				picked()
			}
		})
		pop = widget.NewPopUp(cal, c)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f).Add(fyne.NewPos(0, f.Size().Height))
		pop.ShowAtPosition(pos)
		pop.Resize(fyne.NewSize(320, 320))
	}
	b := widget.NewButtonWithIcon("", theme.CalendarIcon(), open)
	b.Importance = widget.LowImportance
	f.ActionItem = b
	return f
}
