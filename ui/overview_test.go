package ui

import (
	"context"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"

	"fangkong/app"
	"fangkong/data"
)

// 总览 on the small demo: each tile shows the day's figure, each chart
// draws the trend's figures (today's point the same as the tiles'), the
// span switches to 30 days, and a tile or a line of 待办 opens its screen
// narrowed.
func TestOverviewDrawsTheFiguresAndOpensTheirScreens(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	if err := a.Demo(ctx, app.ScaleSmall); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	o := pageOf[*overview](t, s)
	o.refresh()
	f, err := a.DB.DailyFigures(ctx, a.Now())
	if err != nil {
		t.Fatal(err)
	}
	today := data.PointOf(f)
	for i, want := range []int{today.InIsolation, today.Vacant, today.Registered, today.Fevers, len(f.ShortItems)} {
		if o.tiles[i].number != strconv.Itoa(want) {
			t.Errorf("tile %d shows %s, the figures %d", i, o.tiles[i].number, want)
		}
	}
	if today.Fevers > 0 && o.tiles[3].state != tileDanger {
		t.Error("fevers today are not in red")
	}

	trend, err := a.DB.PostTrend(ctx, data.StartOfDay(a.Now()).AddDate(0, 0, -1), 13)
	if err != nil {
		t.Fatal(err)
	}
	trend = append(trend, today)
	for name, c := range map[string]struct {
		chart *trendChart
		of    []func(data.DayPoint) int
	}{
		"passages": {o.passages, []func(data.DayPoint) int{
			func(p data.DayPoint) int { return p.Registered }, func(p data.DayPoint) int { return p.Fevers }}},
		"rooms": {o.rooms, []func(data.DayPoint) int{
			func(p data.DayPoint) int { return p.InIsolation }, func(p data.DayPoint) int { return p.Vacant }}},
	} {
		if len(c.chart.days) != 14 {
			t.Fatalf("%s: %d days", name, len(c.chart.days))
		}
		for k, of := range c.of {
			for i, p := range trend {
				if got := c.chart.series[k].vals[i]; got != float64(of(p)) {
					t.Errorf("%s, %s on %s: drawn %v, figure %d", name, c.chart.series[k].name, p.Day.Format("01-02"), got, of(p))
				}
			}
		}
	}
	if len(o.supply.series) == 0 {
		t.Error("no key item's days of supply is drawn")
	}
	o.span.SetSelected("30天")
	if len(o.rooms.days) != 30 || o.rooms.series[0].vals[29] != float64(today.InIsolation) {
		t.Fatalf("30 days: %d drawn", len(o.rooms.days))
	}

	// A tile opens its screen narrowed: 在隔离 → 隔离点's people in isolation.
	test.Tap(o.tiles[0])
	iso, ok := s.entries[s.current].page.(*isolation)
	if !ok || iso.tabs.SelectedIndex() != 1 || iso.guests.status.SelectedIndex() != 0 {
		t.Fatalf("在隔离 opened %T", s.entries[s.current].page)
	}
	pageOf[*overview](t, s)
	test.Tap(o.tiles[5])
	if cs, ok := s.entries[s.current].page.(*casesScreen); !ok || cs.span.SelectedIndex() != 0 {
		t.Fatalf("未办结异常情况 opened %T", s.entries[s.current].page)
	}
	pageOf[*overview](t, s)
	var report *tapLabel
	for _, l := range o.todo.Objects {
		if tl, ok := l.(*tapLabel); ok && tl.Text == "• 今日日报尚未签发(报表)。" {
			report = tl
		}
	}
	if report == nil {
		t.Fatal("待办 does not ask for today's report")
	}
	test.Tap(report)
	if _, ok := s.entries[s.current].page.(*dailyReports); !ok {
		t.Fatalf("the report line opened %T", s.entries[s.current].page)
	}
}
