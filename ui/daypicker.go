package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

// dayPicker chooses the day a view shows: typed the way clerks write dates,
// or stepped a day at a time; empty is today.
type dayPicker struct {
	entry    *textField
	now      func() time.Time
	onChange func()
	reset    *widget.Button
	box      fyne.CanvasObject
}

func newDayPicker(now func() time.Time, onChange func()) *dayPicker {
	p := &dayPicker{entry: newDateField(now, onChange), now: now, onChange: onChange}
	p.entry.SetPlaceHolder(lang.L("Today"))
	p.entry.OnSubmitted = func(string) { onChange() }
	p.reset = widget.NewButton(lang.L("Today"), func() { p.entry.SetText(""); onChange() })
	p.box = container.NewHBox(
		widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.step(-1) }),
		container.NewGridWrap(fyne.NewSize(170, 36), p.entry),
		widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.step(1) }),
		p.reset)
	return p
}

// newYesterdayPicker starts on yesterday, for views of days whose reports
// arrive the morning after.
func newYesterdayPicker(now func() time.Time, onChange func()) *dayPicker {
	p := newDayPicker(func() time.Time { return now().AddDate(0, 0, -1) }, onChange)
	p.entry.SetPlaceHolder(lang.L("Yesterday"))
	p.reset.SetText(lang.L("Yesterday"))
	return p
}

// day is the chosen day at midnight.
func (p *dayPicker) day() (time.Time, error) {
	if p.entry.Text == "" {
		return data.StartOfDay(p.now()), nil
	}
	return data.ParseDay(p.entry.Text)
}

// chosen is the chosen day; a mistyped one is explained in a message
// titled title, and ok is false.
func (p *dayPicker) chosen(w fyne.Window, title string) (time.Time, bool) {
	day, err := p.day()
	if err != nil {
		showMessage(w, title, lang.L("Please enter a date such as 2026-11-03."))
		return day, false
	}
	return day, true
}

// step moves the chosen day by n days; a mistyped day starts from today.
func (p *dayPicker) step(n int) {
	d, err := p.day()
	if err != nil {
		d = data.StartOfDay(p.now())
	}
	p.entry.SetText(d.AddDate(0, 0, n).Format("2006-01-02"))
	p.onChange()
}
