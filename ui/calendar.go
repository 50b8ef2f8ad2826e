package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

// newCalendar is a month to pick a day from, as Chinese calendars show
// it: 2026年12月, weeks from Monday, the chosen day and today marked.
// (Fyne's own calendar names the month in English.)
func newCalendar(chosen, today time.Time, pick func(time.Time)) fyne.CanvasObject {
	month := time.Date(chosen.Year(), chosen.Month(), 1, 0, 0, 0, 0, time.Local)
	title := widget.NewLabel("")
	title.Alignment = fyne.TextAlignCenter
	days := container.NewGridWithColumns(7)
	var show func()
	step := func(n int) func() { return func() { month = month.AddDate(0, n, 0); show() } }
	show = func() {
		title.SetText(strconv.Itoa(month.Year()) + "年" + strconv.Itoa(int(month.Month())) + "月")
		days.Objects = nil
		for _, d := range []string{"一", "二", "三", "四", "五", "六", "日"} {
			l := widget.NewLabel(d)
			l.Alignment = fyne.TextAlignCenter
			l.Importance = widget.LowImportance
			days.Add(l)
		}
		for range (int(month.Weekday()) + 6) % 7 { // Monday first
			days.Add(layout.NewSpacer())
		}
		for d := month; d.Month() == month.Month(); d = d.AddDate(0, 0, 1) {
			day := d
			b := widget.NewButton(strconv.Itoa(d.Day()), func() { pick(day) })
			switch {
			case data.StartOfDay(chosen).Equal(day):
				b.Importance = widget.HighImportance
			case data.StartOfDay(today).Equal(day):
				b.Importance = widget.MediumImportance
			default:
				b.Importance = widget.LowImportance
			}
			days.Add(b)
		}
		days.Refresh()
	}
	show()
	head := container.NewBorder(nil, nil,
		widget.NewButtonWithIcon("", theme.NavigateBackIcon(), step(-1)),
		widget.NewButtonWithIcon("", theme.NavigateNextIcon(), step(1)), title)
	toToday := widget.NewButton(lang.L("Today"), func() { pick(data.StartOfDay(today)) })
	return container.NewBorder(head, container.NewCenter(toToday), nil, nil, days)
}
