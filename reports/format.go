package reports

import (
	"time"

	"fyne.io/fyne/v2/lang"
)

// weekdayKeys are Fyne's own translation keys for the days of the week.
var weekdayKeys = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// FormatDay writes a day for a column header: 11月25日 星期三.
func FormatDay(t time.Time) string {
	return t.Format("1月2日") + " " + lang.L(weekdayKeys[t.Weekday()])
}

// FormatDate writes a date the way Chinese documents do: 2026年11月25日 星期三.
func FormatDate(t time.Time) string {
	return t.Format("2006年1月2日") + " " + lang.L(weekdayKeys[t.Weekday()])
}
