package app

import (
	"context"
	"database/sql"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"fangkong/data"
)

// checkTrend checks the trend 总览 charts: each of the last thirty days
// counted as that day's report counts it (every point equals the day's
// figures, the key items' days of supply to the float), and the people in
// isolation at each day's end equal plain SQL on the stays.
func checkTrend(t *testing.T, a *App, conn *sql.DB, now time.Time) {
	ctx := context.Background()
	points, err := a.DB.PostTrend(ctx, now, 30)
	if err != nil {
		t.Fatal(err)
	}
	busy := 0
	for i, p := range points {
		day := data.StartOfDay(now).AddDate(0, 0, i-29)
		f, err := a.DB.DailyFigures(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		want := data.PointOf(f)
		if !p.Day.Equal(day) || p.Registered != want.Registered || p.Fevers != want.Fevers || p.InIsolation != want.InIsolation ||
			p.Vacant != want.Vacant || len(p.Supply) != len(want.Supply) {
			t.Fatalf("%s: trend %+v, figures %+v", day.Format("01-02"), p, want)
		}
		wanted := map[string]data.ItemSupply{}
		for _, w := range want.Supply {
			wanted[w.Item] = w
		}
		for _, s := range p.Supply {
			w := wanted[s.Item]
			if s.Item != w.Item || s.OnHand != w.OnHand || math.Abs(s.DaysLeft-w.DaysLeft) > 1e-9 {
				t.Fatalf("%s %s: trend %+v, figures %+v", day.Format("01-02"), s.Item, s, w)
			}
		}
		end := day.AddDate(0, 0, 1).Add(-time.Second)
		if end.After(now) {
			end = now
		}
		var staying int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM stays WHERE start_at <= ?1 AND (end_at IS NULL OR end_at > ?1)`,
			end.Format("2006-01-02 15:04:05")).Scan(&staying); err != nil {
			t.Fatal(err)
		}
		if staying != p.InIsolation {
			t.Fatalf("%s: %d in isolation, SQL %d", day.Format("01-02"), p.InIsolation, staying)
		}
		if p.Registered > 0 && p.Fevers > 0 && p.InIsolation > 0 && p.Vacant > 0 && len(p.Supply) > 0 {
			busy++
		}
	}
	if busy < 25 {
		t.Fatalf("only %d days with registrations, fevers, people in isolation, vacant rooms and key items", busy)
	}

	// The weekly summary's days are the daily figures too.
	week, err := a.DB.WeekFigures(ctx, now.AddDate(0, 0, -1))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range week {
		f, err := a.DB.DailyFigures(ctx, w.Day)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(w.Checkpoints, f.Checkpoints) || w.PostsTotal != f.PostsTotal || !reflect.DeepEqual(w.Sites, f.Sites) ||
			!slices.Equal(w.Unfiled, f.Unfiled) {
			t.Fatalf("%s: the week's figures differ from the day's", w.Day.Format("01-02"))
		}
	}
	last, _ := a.DB.DailyFigures(ctx, now.AddDate(0, 0, -1))
	if !slices.Equal(week[6].ShortItems, last.ShortItems) || !slices.Equal(week[6].FewestDays, last.FewestDays) {
		t.Fatal("the week's materials differ from its last day's")
	}
}
