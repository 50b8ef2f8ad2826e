package data

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// DailyFigures are a day's numbers for the 疫情防控工作日报, computed from
// what was recorded. They are plain values so an issued report can freeze
// them as they were.
type DailyFigures struct {
	Day time.Time
	// AsOf is the moment the figures stop at: the end of the day, or
	// earlier for a day still running (统计截至).
	AsOf        time.Time
	Post        PostInfo
	Leaders     []string // 带班领导, with phones
	OnDuty      []string // 指挥部值班: shift, names and phones
	Checkpoints []CheckpointFigures
	PostsTotal  Counts
	PostsNight  Counts
	Sites       []SiteFigures
	KeyItems    []ItemFigures
	ShortItems  []string // under their warning level
	FewestDays  []string // the items with the fewest days of supply
	Expiring    []string // batches expiring within ExpiryWindow days
	// ExpiringItems are the same batches by item, for the printed report:
	// how much, in how many places, and the first date.
	ExpiringItems []string
	Unfiled       []string // what was never entered for the day
	// Cases are the day's abnormal cases (异常情况); nil in a report
	// issued before cases were kept, which reprints without them.
	Cases *CaseFigures `json:",omitempty"`
}

// PartDay reports whether the figures stop before the day's end.
func (f DailyFigures) PartDay() bool { return f.AsOf.Before(StartOfDay(f.Day).AddDate(0, 0, 1)) }

// PostsFiled reports whether every checkpoint open that day has figures
// for every shift due by AsOf: only then is its total a figure to compare
// with, rather than a count of what happened to be entered. A post with
// nothing yet in a running shift has nothing to compare either.
func (f DailyFigures) PostsFiled() bool {
	for _, c := range f.Checkpoints {
		if c.Unfiled && c.Status != NotStarted {
			return false
		}
		for _, s := range c.Shifts {
			if s.Source == NotFiled {
				return false
			}
		}
	}
	return true
}

// CheckpointFigures are one checkpoint's day.
type CheckpointFigures struct {
	Name    string
	Shifts  []ShiftTotal
	Total   Counts
	Night   Counts
	Unfiled bool   // no shift has registrations or a tally
	Status  Source // then why: NotFiled, InProgress or NotStarted
}

// SiteFigures are one isolation site's day.
type SiteFigures struct {
	Name                                      string
	Rooms, Occupied, Vacant, AwaitCleaning    int
	InIsolation                               int
	ByCategory                                []CategoryCount
	Admitted, Released, Transferred           int
	TestsDone, Positives, Fevers, TempsRecord int // Positives: 今日新增阳性, results of the day's samples
	PositiveInIsolation                       int // 在隔离阳性人员: in isolation at AsOf with a positive result
}

// CategoryCount is how many in isolation belong to a category.
type CategoryCount struct {
	Category string
	N        int
}

// ItemFigures are a key item's stock and movements of the day.
type ItemFigures struct {
	Item            string
	Unit            string
	OnHand, In, Out int
	Warning         int     // the level in force; 0: none
	DailyUse        float64 // average 出库 a day over the SupplyDays before
	DaysLeft        float64 // days of supply; -1: nothing used
}

// Abnormal reports whether the day had anything to report beyond routine:
// a case found that day or still open at its end, a fever or hand-over at
// a checkpoint (a paper tally's too, which opens no case), a positive
// test or a fever at a site. Only a day without any is a 零报告.
func (f DailyFigures) Abnormal() bool {
	if f.Cases != nil && (f.Cases.Opened > 0 || f.Cases.Open > 0) {
		return true
	}
	if f.PostsTotal.Fevers > 0 || f.PostsTotal.HandedOver > 0 {
		return true
	}
	for _, s := range f.Sites {
		if s.Positives > 0 || s.Fevers > 0 {
			return true
		}
	}
	return false
}

// Admitted, InIsolation and Registrations sum the sites and posts, for the
// front page and the weekly chart.
func (f DailyFigures) Admitted() (n int) {
	for _, s := range f.Sites {
		n += s.Admitted
	}
	return n
}

func (f DailyFigures) InIsolation() (n int) {
	for _, s := range f.Sites {
		n += s.InIsolation
	}
	return n
}

// DailyFigures computes a day's figures as recorded now: a day still
// running is counted up to now.
func (db *DB) DailyFigures(ctx context.Context, day time.Time) (DailyFigures, error) {
	return db.figuresAsOf(ctx, day, db.now())
}

// figuresAsOf computes a day's figures as they stood at the moment asOf:
// what was entered by then, and stock, rooms and warning levels as they
// were at the end of the day or at asOf, whichever came first.
func (db *DB) figuresAsOf(ctx context.Context, day, asOf time.Time) (DailyFigures, error) {
	day = StartOfDay(day)
	next := day.AddDate(0, 0, 1)
	f := DailyFigures{Day: day, AsOf: next}
	if asOf.Before(next) {
		f.AsOf = asOf
	}
	var err error
	if f.Post, err = db.PostInfo(ctx); err != nil {
		return f, err
	}
	if err := db.dutyFigures(ctx, &f); err != nil {
		return f, fmt.Errorf("daily figures, duty: %w", err)
	}
	days, err := db.dayTotalsAsOf(ctx, day, asOf)
	if err != nil {
		return f, fmt.Errorf("daily figures, checkpoints: %w", err)
	}
	f.setCheckpoints(days)
	upto, state := dayBounds(day, asOf)
	if err := db.siteFigures(ctx, &f, day, upto, state); err != nil {
		return f, fmt.Errorf("daily figures, isolation: %w", err)
	}
	if err := db.materialFigures(ctx, &f, day, upto, state); err != nil {
		return f, fmt.Errorf("daily figures, materials: %w", err)
	}
	cases, err := db.caseFigures(ctx, day, state)
	if err != nil {
		return f, fmt.Errorf("daily figures: %w", err)
	}
	f.Cases = &cases
	return f, nil
}

// setCheckpoints puts a day's checkpoint totals into its figures: each
// post's counts and whether it is filed, the shifts not filed named.
func (f *DailyFigures) setCheckpoints(days []PostDay) {
	for _, d := range days {
		c := CheckpointFigures{Name: d.Checkpoint.Name, Shifts: d.Shifts, Total: d.Total, Night: d.Night, Unfiled: true, Status: NotStarted}
		for _, s := range d.Shifts {
			switch s.Source {
			case NotFiled:
				c.Status = NotFiled
				f.Unfiled = append(f.Unfiled, fmt.Sprintf("%s %s", d.Checkpoint.Name, s.Shift))
			case InProgress:
				if c.Status != NotFiled {
					c.Status = InProgress
				}
			case NotStarted:
			default:
				c.Unfiled = false
			}
		}
		if !c.Unfiled {
			c.Status = ""
		}
		f.Checkpoints = append(f.Checkpoints, c)
		f.PostsTotal.Add(d.Total)
		f.PostsNight.Add(d.Night)
	}
}

// dayBounds are where a day's figures stop at the moment asOf: counts
// take what happened before upto; states (rooms, stock, cases) are read
// at the moment state. Both include asOf's very second, or end with the
// day's last.
func dayBounds(day, asOf time.Time) (upto, state time.Time) {
	next := StartOfDay(day).AddDate(0, 0, 1)
	if asOf.Before(next) {
		return asOf.Add(time.Second), asOf
	}
	return next, next.Add(-time.Second)
}

func (db *DB) dutyFigures(ctx context.Context, f *DailyFigures) error {
	w, err := db.RosterWeek(ctx, f.Day, 1)
	if err != nil {
		return err
	}
	who := func(v *ShiftView) string {
		var names []string
		for _, a := range v.People {
			names = append(names, strings.TrimSpace(a.Staff.Name+" "+a.Staff.Phone))
		}
		return strings.Join(names, "、")
	}
	if len(w.Leaders) == 1 && len(w.Leaders[0].People) > 0 {
		f.Leaders = append(f.Leaders, who(&w.Leaders[0]))
	} else {
		f.Unfiled = append(f.Unfiled, "带班领导")
	}
	for _, r := range w.Rows {
		if r.Post.Kind != CommandPost || r.Days[0] == nil {
			continue
		}
		if len(r.Days[0].People) == 0 {
			f.Unfiled = append(f.Unfiled, "指挥部值班 "+r.Shift.String())
			continue
		}
		f.OnDuty = append(f.OnDuty, r.Shift.String()+" "+who(r.Days[0]))
	}
	return nil
}

func (db *DB) siteFigures(ctx context.Context, f *DailyFigures, day, upto, at time.Time) error {
	sites, err := db.Sites(ctx)
	if err != nil {
		return err
	}
	from := formatTime(day)
	fevers, err := db.siteFevers(ctx, []time.Time{day}, []time.Time{upto})
	if err != nil {
		return err
	}
	for _, s := range sites {
		boards, err := db.roomBoards(ctx, s.ID, []time.Time{at}, false) // counts: who needs attention is not asked
		if err != nil {
			return err
		}
		board := boards[0]
		sf := SiteFigures{Name: s.Name, Rooms: len(board)}
		byCat := map[string]int{}
		for _, r := range board {
			switch r.State {
			case RoomOccupied:
				sf.Occupied++
			case RoomVacant:
				sf.Vacant++
			case RoomAwaitsClean:
				sf.AwaitCleaning++
			}
			for _, o := range r.Occupants {
				sf.InIsolation++
				byCat[o.Category]++
			}
		}
		for _, c := range GuestCategories {
			if byCat[c] > 0 {
				sf.ByCategory = append(sf.ByCategory, CategoryCount{c, byCat[c]})
			}
		}
		// Readings and tests are found through the guests there that day,
		// so the indexes on guest_id do the work (CROSS JOIN keeps SQLite
		// from scanning every test instead). Those there are the ones still
		// in and those who left that day or later, each found off
		// (site_id, ended_at): an OR of the two would walk every guest the
		// site ever had.
		err = db.reader(ctx).QueryRowContext(ctx, `WITH present AS MATERIALIZED (
				SELECT id, checked_in_at, ended_at, outcome FROM guests WHERE site_id = ?1 AND ended_at IS NULL AND checked_in_at < ?3
				UNION ALL
				SELECT id, checked_in_at, ended_at, outcome FROM guests WHERE site_id = ?1 AND ended_at >= ?2 AND checked_in_at < ?3)
			SELECT
				(SELECT count(*) FROM present WHERE checked_in_at >= ?2),
				(SELECT count(*) FROM present WHERE ended_at < ?3 AND outcome = ?5),
				(SELECT count(*) FROM present WHERE ended_at < ?3 AND outcome IN (?6, ?7)),
				(SELECT count(*) FROM present p CROSS JOIN tests t ON t.guest_id = p.id WHERE t.sampled_at >= ?2 AND t.sampled_at < ?3),
				(SELECT count(*) FROM present p CROSS JOIN tests t ON t.guest_id = p.id WHERE t.sampled_at >= ?2 AND t.sampled_at < ?3 AND t.result = ?4),
				(SELECT count(*) FROM present p CROSS JOIN temperatures t ON t.guest_id = p.id AND t.taken_at >= ?2 AND t.taken_at < ?3),
				(SELECT count(*) FROM present p WHERE (p.ended_at IS NULL OR p.ended_at >= ?3)
					AND EXISTS (SELECT 1 FROM tests t WHERE t.guest_id = p.id AND t.result = ?4 AND t.sampled_at < ?3))`,
			s.ID, from, formatTime(upto), string(TestPositive), string(Released), string(Hospitalised), string(HomeIsolated)).Scan(&sf.Admitted, &sf.Released, &sf.Transferred, &sf.TestsDone,
			&sf.Positives, &sf.TempsRecord, &sf.PositiveInIsolation)
		if err != nil {
			return err
		}
		sf.Fevers = fevers[0][s.ID]
		if sf.InIsolation > 0 && sf.TempsRecord == 0 {
			f.Unfiled = append(f.Unfiled, s.Name+" 体温记录")
		}
		f.Sites = append(f.Sites, sf)
	}
	return nil
}

// siteFevers counts the people at each site with a fever reading between
// each day and its upto: the 发热 of each day by site, in one query. The
// day's readings lead (CROSS JOIN keeps SQLite from walking every guest
// the site ever had instead).
func (db *DB) siteFevers(ctx context.Context, days, uptos []time.Time) ([]map[int64]int, error) {
	values := make([]string, len(days))
	args := []any{FeverCelsius}
	for i := range days {
		values[i] = fmt.Sprintf("(%d, ?%d, ?%d)", i, 2+2*i, 3+2*i)
		args = append(args, formatTime(days[i]), formatTime(uptos[i]))
	}
	got, err := queryAll(ctx, db, "site fevers", func(s scanner) ([3]int64, error) {
		var v [3]int64
		return v, s.Scan(&v[0], &v[1], &v[2])
	}, `WITH d(i, from_, upto) AS (VALUES `+strings.Join(values, ", ")+`)
		SELECT d.i, g.site_id, count(DISTINCT t.guest_id) FROM d
			CROSS JOIN temperatures t CROSS JOIN guests g ON g.id = t.guest_id
			WHERE t.taken_at >= d.from_ AND t.taken_at < d.upto AND t.celsius >= ?1
				AND g.checked_in_at < d.upto AND (g.ended_at IS NULL OR g.ended_at >= d.from_)
			GROUP BY d.i, g.site_id`, args...)
	if err != nil {
		return nil, err
	}
	out := make([]map[int64]int, len(days))
	for i := range out {
		out[i] = map[int64]int{}
	}
	for _, v := range got {
		out[v[0]][v[1]] = int(v[2])
	}
	return out, nil
}

// keyItem reports whether an item is one of the key items every daily
// report follows: the common catalogue's.
func keyItem(it Item) bool {
	return slices.ContainsFunc(StarterItems, func(s Item) bool { return s.Name == it.Name && s.Spec == it.Spec })
}

func (db *DB) materialFigures(ctx context.Context, f *DailyFigures, day, upto, at time.Time) error {
	lines, batches, err := db.stockView(ctx, at)
	if err != nil {
		return err
	}
	type move struct {
		item    int64
		in, out int
	}
	moves, err := queryAll(ctx, db, "day's movements", func(s scanner) (move, error) {
		var m move
		err := s.Scan(&m.item, &m.in, &m.out)
		return m, err
	}, `SELECT item_id, coalesce(sum(CASE WHEN kind = ?1 THEN quantity ELSE 0 END), 0),
			coalesce(-sum(CASE WHEN kind = ?2 THEN quantity ELSE 0 END), 0)
		FROM stock_moves WHERE at >= ?3 AND at < ?4 GROUP BY item_id`, string(MoveReceipt), string(MoveIssue), formatTime(day), formatTime(upto))
	if err != nil {
		return err
	}
	moved := map[int64]move{}
	for _, m := range moves {
		moved[m.item] = m
	}
	var supply []StockLine
	for _, l := range lines {
		if l.Below {
			place := ""
			if l.LocationID != 0 {
				place = " " + l.Location
			}
			f.ShortItems = append(f.ShortItems, fmt.Sprintf("%s%s %d%s", l.Item.Label(), place, l.OnHand, l.Item.Unit))
		}
		if l.LocationID != 0 {
			continue
		}
		if l.DaysLeft >= 0 {
			supply = append(supply, l)
		}
		if keyItem(l.Item) {
			m := moved[l.Item.ID]
			f.KeyItems = append(f.KeyItems, ItemFigures{Item: l.Item.Label(), Unit: l.Item.Unit, OnHand: l.OnHand, In: m.in, Out: m.out,
				Warning: l.Warning, DailyUse: l.DailyUse, DaysLeft: l.DaysLeft})
		}
	}
	slices.SortStableFunc(supply, func(a, b StockLine) int { return cmp.Compare(a.DaysLeft, b.DaysLeft) })
	for _, l := range supply[:min(3, len(supply))] {
		f.FewestDays = append(f.FewestDays, fmt.Sprintf("%s %s", l.Item.Label(), FormatDays(l.DaysLeft)))
	}
	type byItem struct {
		item         Item
		first        time.Time
		n            int
		places       map[string]bool
		firstAtPlace string
	}
	var order []int64
	items := map[int64]*byItem{}
	for _, b := range batches { // soonest first
		f.Expiring = append(f.Expiring, fmt.Sprintf("%s %s %d%s(%s到期)", b.Item.Label(), b.Location, b.OnHand, b.Item.Unit,
			b.ExpiresOn.Format("1月2日")))
		g := items[b.Item.ID]
		if g == nil {
			g = &byItem{item: b.Item, first: b.ExpiresOn, places: map[string]bool{}, firstAtPlace: b.Location}
			items[b.Item.ID] = g
			order = append(order, b.Item.ID)
		}
		g.n += b.OnHand
		g.places[b.Location] = true
	}
	for _, id := range order {
		g := items[id]
		where := g.firstAtPlace
		if len(g.places) > 1 {
			where = fmt.Sprintf("%d处", len(g.places))
		}
		f.ExpiringItems = append(f.ExpiringItems, fmt.Sprintf("%s %s共%d%s(最早%s到期)", g.item.Label(), where, g.n, g.item.Unit,
			g.first.Format("1月2日")))
	}
	return nil
}

// FormatDays is days of supply as every screen and print shows it: one
// decimal and 天, or — when nothing was used.
func FormatDays(d float64) string {
	if d < 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f天", d)
}

// WeekFigures are the figures of the seven days ending on day, oldest
// first, for the weekly summary: each day's checkpoints and sites, counted
// as its daily report counts them, the checkpoints of all seven in one
// go; the materials as the week ends (the summary shows no day's duty,
// cases or stock).
func (db *DB) WeekFigures(ctx context.Context, day time.Time) ([]DailyFigures, error) {
	now := db.now()
	post, err := db.PostInfo(ctx)
	if err != nil {
		return nil, err
	}
	dates := make([]time.Time, 7)
	for i := range dates {
		dates[i] = StartOfDay(day).AddDate(0, 0, i-6)
	}
	totals, err := db.daysTotalsAsOf(ctx, dates, now)
	if err != nil {
		return nil, fmt.Errorf("week figures, checkpoints: %w", err)
	}
	days := make([]DailyFigures, len(dates))
	for i, d := range dates {
		f := &days[i]
		f.Day, f.Post, f.AsOf = d, post, d.AddDate(0, 0, 1)
		if now.Before(f.AsOf) {
			f.AsOf = now
		}
		f.setCheckpoints(totals[i])
		upto, state := dayBounds(d, now)
		if err := db.siteFigures(ctx, f, d, upto, state); err != nil {
			return nil, fmt.Errorf("week figures, isolation: %w", err)
		}
		if i == len(dates)-1 {
			if err := db.materialFigures(ctx, f, d, upto, state); err != nil {
				return nil, fmt.Errorf("week figures, materials: %w", err)
			}
		}
	}
	return days, nil
}
