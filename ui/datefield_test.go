package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A date is typed or picked: the calendar opens on the month typed, in
// Chinese, the day typed marked; a day tapped fills the field.
func TestDatePickedFromTheCalendar(t *testing.T) {
	test.NewTempApp(t)
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.Local)
	picked := 0
	f := newDateField(func() time.Time { return now }, func() { picked++ })
	w := test.NewWindow(f)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(400, 500))
	test.Type(f, "2026年11月3日")

	test.Tap(f.ActionItem.(*widget.Button))
	pop := w.Canvas().Overlays().Top()
	if pop == nil || !findLabel(pop, "2026年11月") || !findLabel(pop, "一") || findLabel(pop, "November") {
		t.Fatal("the calendar does not open on 2026年11月 in Chinese")
	}
	var days []*widget.Button
	for _, o := range test.LaidOutObjects(pop) {
		if b, ok := o.(*widget.Button); ok && b.Text != "" && b.Text != "今天" {
			days = append(days, b)
		}
	}
	if len(days) != 30 || days[2].Importance != widget.HighImportance {
		t.Fatalf("%d days, the 3rd marked %v", len(days), days[2].Importance)
	}
	test.Tap(days[19])
	if f.Text != "2026-11-20" || picked != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("picked the 20th: %q, %d, still open %v", f.Text, picked, w.Canvas().Overlays().Top() != nil)
	}
}
