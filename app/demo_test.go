package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fangkong/data"
)

// TestYearDemo makes the year of demo data once (it takes a minute) and
// checks the daily report against it.
func TestYearDemo(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTest(t, &now)
	ctx := context.Background()
	if err := a.Demo(ctx, "huge"); !errors.Is(err, ErrBadScale) {
		t.Fatalf("bad scale: %v", err)
	}
	if err := a.Demo(ctx, ScaleYear); err != nil {
		t.Fatal(err)
	}
	list, _ := a.DB.Staff(ctx, data.StaffQuery{IncludeInactive: true})
	if len(list) != 120 {
		t.Fatalf("%d staff, want 120", len(list))
	}
	if p, _ := a.DB.PostInfo(ctx); !p.Complete() {
		t.Fatalf("post info not set: %+v", p)
	}
	if err := a.Demo(ctx, ScaleSmall); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("demo over existing data: %v", err)
	}
	conn, err := sql.Open("sqlite", a.DB.Path()+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	q := func(query string, args ...any) (n float64) {
		t.Helper()
		var v sql.NullFloat64
		if err := conn.QueryRow(query, args...).Scan(&v); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return v.Float64
	}
	var late int
	conn.QueryRow("SELECT count(*) FROM stock_moves WHERE at > ?", now.Format("2006-01-02 15:04:05")).Scan(&late)
	if late != 0 {
		t.Fatalf("the demo booked %d ledger lines later than its clock", late)
	}

	day := func(s string) time.Time { d, _ := time.ParseInLocation("2006-01-02", s, time.Local); return d }
	var reversal, stocktake string
	conn.QueryRow("SELECT substr(min(at), 1, 10) FROM stock_moves WHERE kind = '冲正'").Scan(&reversal)
	conn.QueryRow("SELECT substr(max(at), 1, 10) FROM stock_moves WHERE kind = '盘点' AND at < ?", "2026-11-01").Scan(&stocktake)
	if reversal == "" || stocktake == "" {
		t.Fatalf("the year demo has no reversal (%q) or stocktake (%q)", reversal, stocktake)
	}
	// Cases: everything found before yesterday is settled; the last two
	// days hold one in every state.
	yesterday := data.StartOfDay(now).AddDate(0, 0, -1).Format("2006-01-02 15:04:05")
	if n := q("SELECT count(*) FROM open_cases o JOIN cases c ON c.id = o.case_id WHERE c.opened_at < ?", yesterday); n != 0 {
		t.Errorf("%v cases found before yesterday are still open", n)
	}
	for what, query := range map[string]string{
		"found at a gate":        "SELECT count(*) FROM cases WHERE source IN ('卡口发热', '卡口转送')",
		"found at a site":        "SELECT count(*) FROM cases WHERE source IN ('隔离点发热', '隔离点阳性')",
		"reported by phone":      "SELECT count(*) FROM cases WHERE source = '接报'",
		"settled":                "SELECT count(*) FROM cases WHERE id NOT IN (SELECT case_id FROM open_cases)",
		"reopened":               "SELECT count(*) FROM case_steps WHERE kind = '重新打开'",
		"checked in from one":    "SELECT count(*) FROM guests WHERE case_id IS NOT NULL",
		"nothing done yet":       "SELECT count(*) FROM open_cases o WHERE NOT EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = o.case_id)",
		"awaiting the result":    "SELECT count(*) FROM open_cases o WHERE (SELECT kind FROM case_steps s WHERE s.case_id = o.case_id ORDER BY id DESC LIMIT 1) = '移交'",
		"under observation":      "SELECT count(*) FROM open_cases o WHERE (SELECT result FROM case_steps s WHERE s.case_id = o.case_id ORDER BY id DESC LIMIT 1) = '留观'",
		"a positive to hospital": "SELECT count(*) FROM case_steps WHERE result = '转院'",
	} {
		if q(query) == 0 {
			t.Errorf("the year demo has no case %s", what)
		}
	}

	days := []time.Time{
		now.AddDate(-1, 0, -10),         // before any stock existed
		day(reversal),                   // a reversal that evening
		day(stocktake),                  // a stocktake
		day(stocktake).AddDate(0, 0, 3), // the week after it, the count in its days of supply
		day("2026-06-18"),
		now.AddDate(0, 0, -1), // yesterday, a busy day
	}
	for _, d := range days {
		t.Run(d.Format("2006-01-02"), func(t *testing.T) {
			checkReportAgainstSQL(t, a, q, data.StartOfDay(d))
		})
	}
	t.Run("trend", func(t *testing.T) { checkTrend(t, a, conn, now) })
}

// checkReportAgainstSQL recomputes every figure of a past day's report
// with SQL written here, apart from the code that makes the report, and
// compares both with the report's figures and its printed text.
func checkReportAgainstSQL(t *testing.T, a *App, q func(string, ...any) float64, day time.Time) {
	ctx := context.Background()
	r, err := a.DB.DraftReport(ctx, day, data.ReportInput{})
	if err != nil {
		t.Fatal(err)
	}
	f := r.Today
	ts := func(t time.Time) string { return t.Format("2006-01-02 15:04:05") }
	from, next := ts(day), ts(day.AddDate(0, 0, 1))
	end := ts(day.AddDate(0, 0, 1).Add(-time.Second))
	eq := func(what string, got int, want float64) {
		t.Helper()
		if float64(got) != want {
			t.Errorf("%s: report %d, SQL %v", what, got, want)
		}
	}

	// Checkpoints: each post open that day; a shift counts its tally if it
	// has one, else its registrations. Shifts start on the day and run 24
	// hours from the day's first shift start.
	var posts int
	var total data.Counts
	for _, c := range f.Checkpoints {
		posts++
		want := sqlPostCounts(t, a, q, c.Name, day)
		eq(c.Name+" 车辆", c.Total.Vehicles, float64(want.Vehicles))
		eq(c.Name+" 人员", c.Total.People, float64(want.People))
		eq(c.Name+" 劝返", c.Total.TurnedBack, float64(want.TurnedBack))
		eq(c.Name+" 体温异常", c.Total.Fevers, float64(want.Fevers))
		eq(c.Name+" 转送", c.Total.HandedOver, float64(want.HandedOver))
		total.Add(c.Total)
	}
	d := day.Format("2006-01-02")
	eq("open checkpoints", posts, q("SELECT count(*) FROM checkpoints WHERE opened_on <= ? AND (closed_on IS NULL OR closed_on > ?)", d, d))
	if total != f.PostsTotal {
		t.Errorf("all posts %+v, sum of posts %+v", f.PostsTotal, total)
	}

	// Isolation, per site, as the rooms stood at the day's last second.
	for _, s := range f.Sites {
		var site int64
		q2(t, a, "SELECT id FROM sites WHERE name = ?", s.Name).Scan(&site)
		occupied := `EXISTS (SELECT 1 FROM stays x WHERE x.room_id = r.id AND x.start_at <= ?2 AND (x.end_at IS NULL OR x.end_at > ?2))`
		awaiting := `coalesce((SELECT max(end_at) FROM stays x WHERE x.room_id = r.id AND x.end_at <= ?2), '') >
			coalesce((SELECT max(done_at) FROM disinfections z WHERE z.room_id = r.id AND z.done_at <= ?2), '')`
		eq(s.Name+" 房间", s.Rooms, q("SELECT count(*) FROM rooms WHERE site_id = ?", site))
		eq(s.Name+" 已入住", s.Occupied, q("SELECT count(*) FROM rooms r WHERE site_id = ?1 AND "+occupied, site, end))
		eq(s.Name+" 待消杀", s.AwaitCleaning, q("SELECT count(*) FROM rooms r WHERE site_id = ?1 AND NOT "+occupied+
			" AND out_of_service = 0 AND "+awaiting, site, end))
		eq(s.Name+" 空闲", s.Vacant, q("SELECT count(*) FROM rooms r WHERE site_id = ?1 AND NOT "+occupied+
			" AND out_of_service = 0 AND NOT ("+awaiting+")", site, end))
		eq(s.Name+" 在隔离", s.InIsolation, q(`SELECT count(*) FROM stays x JOIN guests g ON g.id = x.guest_id
			WHERE g.site_id = ? AND x.start_at <= ?2 AND (x.end_at IS NULL OR x.end_at > ?2)`, site, end))
		eq(s.Name+" 今日入住", s.Admitted, q("SELECT count(*) FROM guests WHERE site_id = ? AND checked_in_at >= ? AND checked_in_at < ?", site, from, next))
		eq(s.Name+" 今日解除", s.Released, q("SELECT count(*) FROM guests WHERE site_id = ? AND ended_at >= ? AND ended_at < ? AND outcome = '解除隔离'", site, from, next))
		eq(s.Name+" 今日转出", s.Transferred, q("SELECT count(*) FROM guests WHERE site_id = ? AND ended_at >= ? AND ended_at < ? AND outcome IN ('转院', '转居家')", site, from, next))
		eq(s.Name+" 今日核酸", s.TestsDone, q(`SELECT count(*) FROM tests t JOIN guests g ON g.id = t.guest_id
			WHERE g.site_id = ? AND t.sampled_at >= ? AND t.sampled_at < ?`, site, from, next))
		eq(s.Name+" 今日新增阳性", s.Positives, q(`SELECT count(*) FROM tests t JOIN guests g ON g.id = t.guest_id
			WHERE g.site_id = ? AND t.sampled_at >= ? AND t.sampled_at < ? AND t.result = '阳性'`, site, from, next))
		eq(s.Name+" 在隔离阳性人员", s.PositiveInIsolation, q(`SELECT count(*) FROM guests g WHERE site_id = ? AND checked_in_at < ?3
			AND (ended_at IS NULL OR ended_at >= ?3) AND EXISTS (SELECT 1 FROM tests t WHERE t.guest_id = g.id AND t.result = '阳性' AND t.sampled_at < ?3)`,
			site, from, next))
		eq(s.Name+" 体温异常", s.Fevers, q(`SELECT count(DISTINCT t.guest_id) FROM temperatures t JOIN guests g ON g.id = t.guest_id
			WHERE g.site_id = ? AND t.taken_at >= ? AND t.taken_at < ? AND t.celsius >= 37.3`, site, from, next))
	}

	// Materials: every common item, from the ledger alone.
	key := map[string]data.ItemFigures{}
	for _, it := range f.KeyItems {
		key[it.Item] = it
	}
	for _, it := range data.StarterItems {
		var id int64
		q2(t, a, "SELECT id FROM items WHERE name = ? AND spec = ?", it.Name, it.Spec).Scan(&id)
		got := key[it.Label()] // absent before the item existed: nothing on hand
		onHand := q("SELECT coalesce(sum(quantity), 0) FROM stock_moves WHERE item_id = ? AND at < ?", id, next)
		eq(it.Name+" 库存", got.OnHand, onHand)
		eq(it.Name+" 今日入库", got.In, q("SELECT coalesce(sum(quantity), 0) FROM stock_moves WHERE item_id = ? AND kind = '入库' AND at >= ? AND at < ?", id, from, next))
		eq(it.Name+" 今日出库", got.Out, -q("SELECT coalesce(sum(quantity), 0) FROM stock_moves WHERE item_id = ? AND kind = '出库' AND at >= ? AND at < ?", id, from, next))
		if _, ok := key[it.Label()]; !ok {
			continue
		}
		use := -q("SELECT coalesce(sum(quantity), 0) FROM stock_moves WHERE item_id = ? AND kind = '出库' AND at >= ? AND at < ?",
			id, ts(day.AddDate(0, 0, -7)), from) / 7
		want := -1.0
		if use > 0 {
			want = onHand / use
		}
		if math.Abs(got.DaysLeft-want) > 1e-9 {
			t.Errorf("%s 可用天数: report %v, SQL %v", it.Name, got.DaysLeft, want)
		}
		level := q(`SELECT coalesce((SELECT level FROM warning_levels WHERE item_id = ?1 AND location_id = 0 AND set_at <= ?2 ORDER BY set_at DESC, id DESC LIMIT 1),
			(SELECT level FROM warning_levels WHERE item_id = ?1 AND location_id = 0 ORDER BY set_at, id LIMIT 1))`, id, end)
		eq(it.Name+" 警戒线", got.Warning, level)
	}
	// Items under their level (the total, and each place with a level of
	// its own) and batches expiring within 30 days, as they stood.
	eq("低于警戒线", len(f.ShortItems), q(`WITH known AS (SELECT i.id FROM items i WHERE active = 1
			AND (created_at <= ?1 OR EXISTS (SELECT 1 FROM stock_moves m WHERE m.item_id = i.id AND m.at <= ?1))),
		level AS (SELECT w.item_id, w.location_id, coalesce(
			(SELECT level FROM warning_levels v WHERE v.item_id = w.item_id AND v.location_id = w.location_id AND v.set_at <= ?1 ORDER BY set_at DESC, id DESC LIMIT 1),
			(SELECT level FROM warning_levels v WHERE v.item_id = w.item_id AND v.location_id = w.location_id ORDER BY set_at, id LIMIT 1)) AS level
			FROM (SELECT DISTINCT item_id, location_id FROM warning_levels) w),
		held AS (SELECT item_id, location_id, sum(quantity) AS n FROM stock_moves WHERE at <= ?1 GROUP BY item_id, location_id)
		SELECT count(*) FROM level l JOIN known k ON k.id = l.item_id WHERE l.level > 0 AND coalesce(
			CASE WHEN l.location_id = 0 THEN (SELECT sum(n) FROM held h WHERE h.item_id = l.item_id)
			ELSE (SELECT n FROM held h WHERE h.item_id = l.item_id AND h.location_id = l.location_id) END, 0) < l.level`, end))
	eq("30天内到期批次", len(f.Expiring), q(`SELECT count(*) FROM (SELECT max(expires_on) AS e, sum(quantity) AS n FROM stock_moves
		WHERE at <= ? GROUP BY item_id, location_id, batch) WHERE n > 0 AND e IS NOT NULL AND e <= ?`, end, day.AddDate(0, 0, 30).Format("2006-01-02")))

	// Duty: the day's leader.
	var leader sql.NullString
	q2(t, a, `SELECT s.name FROM duty d JOIN staff s ON s.id = d.staff_id WHERE d.post_kind = '带班' AND d.shift_start >= ? AND d.shift_start < ?`,
		from, next).Scan(&leader)
	if got := ""; len(f.Leaders) > 0 {
		got = strings.Fields(f.Leaders[0])[0]
		if got != leader.String {
			t.Errorf("带班领导: report %q, SQL %q", got, leader.String)
		}
	} else if leader.Valid {
		t.Errorf("带班领导: report none, SQL %q", leader.String)
	}

	// Cases: found that day; settled that day and still settled at its
	// end; open at its end. Each case's state at the day's end is replayed
	// from its closings and reopenings in the order they were written.
	state := `WITH marks AS (SELECT case_id, kind, row_number() OVER (PARTITION BY case_id ORDER BY id DESC) AS n
			FROM case_steps WHERE kind IN ('办结', '重新打开') AND at <= ?2),
		st AS (SELECT c.id, coalesce(m.kind, '') AS k FROM cases c LEFT JOIN marks m ON m.case_id = c.id AND m.n = 1
			WHERE c.opened_at <= ?2) `
	eq("今日新增异常情况", f.Cases.Opened, q("SELECT count(*) FROM cases WHERE opened_at >= ? AND opened_at <= ?", from, end))
	eq("今日办结异常情况", f.Cases.Closed, q(state+`SELECT count(*) FROM st WHERE k = '办结' AND EXISTS (SELECT 1 FROM case_steps s
		WHERE s.case_id = st.id AND s.kind = '办结' AND s.at >= ?1 AND s.at <= ?2)`, from, end))
	eq("尚未办结异常情况", f.Cases.Open, q(state+"SELECT count(*) FROM st WHERE k != '办结'", from, end))

	// The printed report carries the same figures.
	path := filepath.Join(t.TempDir(), "日报.pdf")
	if err := a.WriteDailyReport(r, ReportFiles{PDF: path}); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	p := f.PostsTotal
	for _, want := range []string{
		fmt.Sprintf("共查验车辆%d辆、人员%d人次,劝返%d人,体温异常%d人,转送%d人。", p.Vehicles, p.People, p.TurnedBack, p.Fevers, p.HandedOver),
		fmt.Sprintf("%d项低于警戒线,%d个批次30天内到期", len(f.ShortItems), len(f.Expiring)),
		fmt.Sprintf("异常情况:今日新增%d起,办结%d起,尚未办结%d起。", f.Cases.Opened, f.Cases.Closed, f.Cases.Open),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, it := range f.KeyItems {
		want := strings.ReplaceAll(fmt.Sprintf("%s%d%s%d%d", it.Item, it.OnHand, it.Unit, it.In, it.Out), " ", "")
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// sqlPostCounts recomputes a checkpoint's day with SQL of its own: each
// shift counts its tally if it has one, else its registrations. Shifts
// start on the day and run 24 hours from the day's first shift start.
func sqlPostCounts(t *testing.T, a *App, q func(string, ...any) float64, post string, day time.Time) data.Counts {
	t.Helper()
	ts := func(t time.Time) string { return t.Format("2006-01-02 15:04:05") }
	var shifts string
	var id int64
	q2(t, a, "SELECT id, shifts FROM checkpoints WHERE name = ?", post).Scan(&id, &shifts)
	first := "24:00"
	for _, s := range strings.Split(shifts, ",") {
		first = min(first, s[:5])
	}
	h, m := 0, 0
	fmt.Sscanf(first, "%d:%d", &h, &m)
	w0 := day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	w1 := w0.AddDate(0, 0, 1)
	reg := func(expr string) int {
		return int(q(`SELECT sum(`+expr+`) FROM registrations r WHERE checkpoint_id = ?1 AND at >= ?2 AND at < ?3 AND voided_at IS NULL
			AND NOT EXISTS (SELECT 1 FROM tallies y WHERE y.checkpoint_id = ?1 AND r.at >= y.shift_start AND r.at < y.shift_end)`,
			id, ts(w0), ts(w1)))
	}
	tally := func(col string) int {
		return int(q("SELECT sum("+col+") FROM tallies WHERE checkpoint_id = ? AND shift_start >= ? AND shift_start < ?", id, ts(w0), ts(w1)))
	}
	return data.Counts{
		Vehicles:   reg("plate != ''") + tally("vehicles"),
		People:     reg("CASE WHEN name != '' THEN 1 + passengers ELSE passengers END") + tally("people"),
		TurnedBack: reg("outcome = '劝返'") + tally("turned_back"),
		Fevers:     reg("celsius >= 37.3") + tally("fevers"),
		HandedOver: reg("outcome = '转送'") + tally("handed_over"),
	}
}

// q2 runs a query for a row the test scans itself.
func q2(t *testing.T, a *App, query string, args ...any) *sql.Row {
	t.Helper()
	conn, err := sql.Open("sqlite", a.DB.Path()+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn.QueryRow(query, args...)
}
