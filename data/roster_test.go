package data

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// rosterFixture adds n active staff (every fifth may lead, every fourth a
// 民警/辅警) and checkpoints with the given shift pattern.
func rosterFixture(t *testing.T, db *DB, n, posts int, pattern string, perShift int, kind string) []Staff {
	t.Helper()
	ctx := context.Background()
	kinds := []string{"民警/辅警", "干部", "网格员", "志愿者"}
	var staff []Staff
	for i := range n {
		s := Staff{Name: fmt.Sprintf("值班员%03d", i), Phone: fmt.Sprintf("139%08d", i), Kind: kinds[i%4], MayLead: i%5 == 0, Active: true}
		id, err := db.SaveStaff(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		s.ID = id
		staff = append(staff, s)
	}
	shifts := ShiftPattern(pattern).Shifts()
	for i := range posts {
		if _, err := db.SaveCheckpoint(ctx, Checkpoint{Name: fmt.Sprintf("卡口%02d", i), Kind: "交通卡口", Shifts: shifts,
			StaffPerShift: perShift, RequiredKind: kind, OpenedOn: fixedNow.AddDate(0, -3, 0)}); err != nil {
			t.Fatal(err)
		}
	}
	return staff
}

// checkHardRules fails if any assignment from..upto breaks a hard rule,
// or if a slot is short of people without a hole saying so.
func checkHardRules(t *testing.T, db *DB, from, upto time.Time, res RosterResult) {
	t.Helper()
	ctx := context.Background()
	w, err := db.RosterWeek(ctx, from, int(upto.Sub(from).Hours()/24))
	if err != nil {
		t.Fatal(err)
	}
	holes := map[string]int{}
	for _, h := range res.Holes {
		holes[fmt.Sprint(h.Slot.Post.Kind, h.Slot.Post.ID, h.Slot.Start)] = h.Missing
	}
	cells := append([]ShiftView(nil), w.Leaders...)
	for _, r := range w.Rows {
		for _, v := range r.Days {
			if v != nil {
				cells = append(cells, *v)
			}
		}
	}
	for _, v := range cells {
		if len(v.Warnings) > 0 {
			t.Fatalf("%s %s: rules broken %v", v.Slot.Post.Name, v.Slot.Start.Format("01-02 15:04"), v.Warnings)
		}
		if got := holes[fmt.Sprint(v.Slot.Post.Kind, v.Slot.Post.ID, v.Slot.Start)]; got != v.Missing {
			t.Fatalf("%s %s: %d missing, holes say %d", v.Slot.Post.Name, v.Slot.Start.Format("01-02 15:04"), v.Missing, got)
		}
		if k := v.Slot.Post.RequiredKind; k != "" && v.Missing == 0 &&
			!slices.ContainsFunc(v.People, func(a Assignment) bool { return a.Staff.Kind == k }) {
			t.Fatalf("%s %s: no %s", v.Slot.Post.Name, v.Slot.Start.Format("01-02 15:04"), k)
		}
	}
}

func TestRosterKeepsHardRulesForRandomStaff(t *testing.T) {
	for seed := range 12 {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			db := openTest(t)
			ctx := context.Background()
			r := rand.New(rand.NewPCG(uint64(seed), 7))
			pattern := []string{"三班", "两班"}[r.IntN(2)]
			kind := []string{"", "民警/辅警"}[r.IntN(2)]
			staff := rosterFixture(t, db, 4+r.IntN(40), 1+r.IntN(4), pattern, 1+r.IntN(3), kind)
			// Some leave, some inactive, one hand assignment already there.
			for range r.IntN(6) {
				s := staff[r.IntN(len(staff))]
				d := fixedNow.AddDate(0, 0, r.IntN(10))
				if _, err := db.AddLeave(ctx, Leave{StaffID: s.ID, From: d, To: d.AddDate(0, 0, r.IntN(4))}); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.SetStaffActive(ctx, staff[0].ID, false); err != nil {
				t.Fatal(err)
			}
			rules := DefaultDutyRules
			rules.MinRestHours = []int{8, 12, 16}[r.IntN(3)]
			if err := db.SaveDutyRules(ctx, rules); err != nil {
				t.Fatal(err)
			}
			from, upto := StartOfDay(fixedNow).AddDate(0, 0, 1), StartOfDay(fixedNow).AddDate(0, 0, 15)
			res, err := db.Roster(ctx, from, upto)
			if err != nil {
				t.Fatal(err)
			}
			checkHardRules(t, db, from, upto, res)
			// Rostering again adds nothing where nothing is missing.
			again, err := db.Roster(ctx, from, upto)
			if err != nil || again.Added != 0 {
				t.Fatalf("second run added %d, %v", again.Added, err)
			}
		})
	}
}

func TestRosterIsFairWithEnoughStaff(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	rosterFixture(t, db, 40, 3, "两班", 2, "")
	from := StartOfDay(fixedNow)
	upto := from.AddDate(0, 0, 28)
	res, err := db.Roster(ctx, from, upto)
	if err != nil || len(res.Holes) != 0 {
		t.Fatalf("%d holes, %v", len(res.Holes), err)
	}
	loads, err := db.Loads(ctx, from, upto)
	if err != nil {
		t.Fatal(err)
	}
	spread := func(f func(PersonLoad) int, leaders bool) (int, int) {
		lo, hi := 1<<30, -1
		for _, l := range loads {
			if leaders && !l.Staff.MayLead {
				continue
			}
			lo, hi = min(lo, f(l)), max(hi, f(l))
		}
		return lo, hi
	}
	for name, f := range map[string]func(PersonLoad) int{
		"shifts": func(l PersonLoad) int { return l.Shifts }, "nights": func(l PersonLoad) int { return l.Nights },
		"weekends": func(l PersonLoad) int { return l.Weekends },
	} {
		if lo, hi := spread(f, false); hi-lo > 1 {
			t.Errorf("%s from %d to %d", name, lo, hi)
		}
	}
	if lo, hi := spread(func(l PersonLoad) int { return l.Leads }, true); hi-lo > 1 {
		t.Errorf("leading from %d to %d days", lo, hi)
	}
}

func TestRosterReportsEveryHoleWhenStaffAreTooFew(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	// Two people per shift, day and night, 12 hours' rest: a day needs
	// four people; three can cover only part, and no one may lead.
	staff := rosterFixture(t, db, 3, 1, "两班", 2, "")
	for _, s := range staff {
		s.MayLead = false
		if _, err := db.SaveStaff(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	from := StartOfDay(fixedNow).AddDate(0, 0, 1)
	res, err := db.Roster(ctx, from, from.AddDate(0, 0, 3))
	if err != nil {
		t.Fatal(err)
	}
	missing, leaders := 0, 0
	for _, h := range res.Holes {
		// Each hole says why: everyone who could take it is kept off by a rule.
		stopped := 0
		for _, n := range h.Stopped {
			stopped += n
		}
		if h.Slot.Post.Kind == LeaderPost {
			leaders++
			if h.Pool != 0 {
				t.Errorf("a leader hole counts %d who may lead", h.Pool)
			}
		} else {
			missing += h.Missing
			if h.Pool != 3 || stopped < 3 || h.Stopped[RuleOverlap]+h.Stopped[RuleRest] == 0 {
				t.Errorf("hole %s %s: pool %d, stopped %v", h.Slot.Post.Name, h.Slot.Start.Format("01-02 15:04"), h.Pool, h.Stopped)
			}
		}
	}
	// 3 days × 2 shifts × 2 people + command post 3 × 2 × 1 = 18 places.
	if leaders != 3 || res.Added+missing != 18 || missing == 0 {
		t.Fatalf("added %d, missing %d, leader holes %d", res.Added, missing, leaders)
	}
	checkHardRules(t, db, from, from.AddDate(0, 0, 3), res)

	// With enough people there is no hole.
	db2 := openTest(t)
	rosterFixture(t, db2, 20, 1, "两班", 2, "")
	res2, err := db2.Roster(ctx, from, from.AddDate(0, 0, 3))
	if err != nil || len(res2.Holes) != 0 {
		t.Fatalf("enough staff: %d holes, %v", len(res2.Holes), err)
	}
}

func TestSwapAndAssignCheckTheRules(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	staff := rosterFixture(t, db, 6, 1, "两班", 1, "")
	posts, _ := db.DutyPosts(ctx)
	post := posts[1]
	day := StartOfDay(fixedNow)
	dayShift := newSlot(post, post.Shifts[0], day) // 08-20
	night := newSlot(post, post.Shifts[1], day)    // 20-08
	a, err := db.Assign(ctx, dayShift, staff[1].ID, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.Assign(ctx, night, staff[2].ID, "")
	if err != nil {
		t.Fatal(err)
	}
	// staff[1] on the night straight after their day: refused, named.
	var re *RuleError
	if _, err := db.Assign(ctx, newSlot(post, post.Shifts[0], day.AddDate(0, 0, 1)), staff[2].ID, ""); !errors.As(err, &re) || re.Rules[0] != RuleRest {
		t.Fatalf("day after the night: %v", err)
	}
	// A swap of the day and night people is fine alone…
	if err := db.Swap(ctx, a, b, ""); err != nil {
		t.Fatal(err)
	}
	// …but when the day person also works the next morning, taking the
	// night leaves them no rest: the night ends 08:00, the morning starts then.
	c, err := db.Assign(ctx, newSlot(post, post.Shifts[0], day.AddDate(0, 0, 1)), staff[2].ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Swap(ctx, a, b, ""); !errors.As(err, &re) || !slices.Contains(re.Rules, RuleRest) {
		t.Fatalf("swap into a short rest: %v", err)
	}
	// Done knowingly, with a note: kept, and the grid shows the warning.
	if err := db.Swap(ctx, a, b, "本人申请,已批准"); err != nil {
		t.Fatal(err)
	}
	w, _ := db.RosterWeek(ctx, day, 2)
	warned := false
	for _, r := range w.Rows {
		for _, v := range r.Days {
			if v != nil && slices.Contains(v.Warnings, RuleRest) {
				warned = true
			}
		}
	}
	if !warned {
		t.Fatal("the swap's short rest is not shown")
	}
	if err := db.Unassign(ctx, c); err != nil {
		t.Fatal(err)
	}
	// A leader must be someone who may lead.
	if _, err := db.Assign(ctx, Slot{Post: DutyPost{Kind: LeaderPost}, Start: day, End: day.AddDate(0, 0, 1)}, staff[1].ID, ""); !errors.As(err, &re) || re.Rules[0] != RuleLeader {
		t.Fatalf("leader who may not lead: %v", err)
	}
}

// Rostering fills only what is still ahead; clearing a week keeps the
// shifts already worked.
func TestRosterNeverTouchesThePast(t *testing.T) {
	db := openTest(t) // the clock stands at 09:30
	ctx := context.Background()
	rosterFixture(t, db, 30, 1, "两班", 1, "")
	today := StartOfDay(fixedNow)
	monday := today.AddDate(0, 0, -int(today.Weekday()+6)%7)
	res, err := db.Roster(ctx, monday.AddDate(0, 0, -7), monday.AddDate(0, 0, 7))
	if err != nil || res.Added == 0 {
		t.Fatalf("%+v, %v", res, err)
	}
	var early int
	db.sql.QueryRow("SELECT count(*) FROM duty WHERE shift_start < ? AND post_kind != '带班'", formatTime(fixedNow)).Scan(&early)
	if early != 0 {
		t.Fatalf("rostering wrote %d shifts that began before now", early)
	}
	var leaderToday int
	db.sql.QueryRow("SELECT count(*) FROM duty WHERE post_kind = '带班' AND shift_start = ?", formatTime(today)).Scan(&leaderToday)
	if leaderToday != 1 {
		t.Fatalf("today's leader: %d", leaderToday)
	}
	// A shift worked this morning, entered by hand, survives 清空本周.
	posts, _ := db.DutyPosts(ctx)
	worked := newSlot(posts[1], posts[1].Shifts[1], today.AddDate(0, 0, -1)) // last night 20:00–08:00
	if _, err := db.Assign(ctx, worked, 1, ""); err != nil {
		t.Fatal(err)
	}
	n, err := db.ClearRoster(ctx, monday, monday.AddDate(0, 0, 7))
	if err != nil || n == 0 {
		t.Fatalf("cleared %d, %v", n, err)
	}
	var kept, later int
	db.sql.QueryRow("SELECT count(*) FROM duty WHERE shift_start < ?", formatTime(fixedNow)).Scan(&kept)
	db.sql.QueryRow("SELECT count(*) FROM duty WHERE shift_start >= ?", formatTime(fixedNow)).Scan(&later)
	if kept != 2 || later != 0 { // last night's shift and today's leader
		t.Fatalf("after clearing: %d begun kept (want 2), %d ahead left", kept, later)
	}
}

// Two clerks on two connections, each putting the same person on a shift
// that leaves no rest after the other's: one goes through, one is refused.
func TestRacingAssignmentsCannotBothBreakTheRestRule(t *testing.T) {
	for round := range 10 {
		path := filepath.Join(t.TempDir(), "race.db")
		first, err := Open(context.Background(), path, func() time.Time { return fixedNow })
		if err != nil {
			t.Fatal(err)
		}
		staff := rosterFixture(t, first, 2, 1, "两班", 1, "")
		second, err := Open(context.Background(), path, func() time.Time { return fixedNow })
		if err != nil {
			t.Fatal(err)
		}
		posts, _ := first.DutyPosts(context.Background())
		day := StartOfDay(fixedNow).AddDate(0, 0, 1)
		night := newSlot(posts[1], posts[1].Shifts[1], day)                    // 20:00–08:00
		morning := newSlot(posts[1], posts[1].Shifts[0], day.AddDate(0, 0, 1)) // 08:00 next day: no rest
		errs := make(chan error, 2)
		start := make(chan struct{})
		for _, c := range []struct {
			db *DB
			sl Slot
		}{{first, night}, {second, morning}} {
			go func() {
				<-start
				_, err := c.db.Assign(context.Background(), c.sl, staff[0].ID, "")
				errs <- err
			}()
		}
		close(start)
		var ok, refused int
		for range 2 {
			var re *RuleError
			switch err := <-errs; {
			case err == nil:
				ok++
			case errors.As(err, &re) && slices.Contains(re.Rules, RuleRest):
				refused++
			default:
				t.Fatalf("round %d: %v", round, err)
			}
		}
		first.Close()
		second.Close()
		if ok != 1 || refused != 1 {
			t.Fatalf("round %d: %d assignments went through, %d refused; want one each", round, ok, refused)
		}
	}
}
