package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// PostKind is what a roster fills: a post's shifts, or the day's leader.
type PostKind string

const (
	CommandPost    PostKind = "指挥部"
	CheckpointPost PostKind = "卡口"
	SitePost       PostKind = "隔离点"
	LeaderPost     PostKind = "带班" // the day's 带班领导: a role, not a shift
)

// Rule is one of the hard rules of a roster; a break of one is named on
// the shift. Only the words people read for them live outside data.
type Rule string

const (
	RuleOverlap  Rule = "overlap"  // on duty in two places at once
	RuleRest     Rule = "rest"     // too little rest between two shifts
	RuleLeave    Rule = "leave"    // on leave
	RuleInactive Rule = "inactive" // no longer active
	RuleKind     Rule = "kind"     // a shift lacks the kind of staff it needs
	RuleLeader   Rule = "leader"   // may not lead the day
)

// Rules are every rule, in the order they are named.
var Rules = []Rule{RuleOverlap, RuleRest, RuleLeave, RuleInactive, RuleKind, RuleLeader}

// DutyPost is a post a roster fills: the command post, a checkpoint or a
// site, with its shifts and how many people each needs.
type DutyPost struct {
	Kind         PostKind
	ID           int64
	Name         string
	Shifts       []Shift
	Staff        int
	RequiredKind string
	open         func(day time.Time) bool
}

// Slot is one shift of one post, starting on a day.
type Slot struct {
	Post           DutyPost
	Shift          Shift
	Start, End     time.Time
	Night, Weekend bool
}

func newSlot(p DutyPost, s Shift, day time.Time) Slot {
	start, end := s.Window(day)
	wd := StartOfDay(day).Weekday()
	return Slot{Post: p, Shift: s, Start: start, End: end, Night: s.Night(), Weekend: wd == time.Saturday || wd == time.Sunday}
}

// Assignment is one person on one shift, or the day's leader.
type Assignment struct {
	ID       int64
	PostKind PostKind
	PostID   int64
	Start    time.Time
	End      time.Time
	StaffID  int64
	Note     string // why a rule was knowingly broken
	Staff    Staff
	Breaks   []Rule // what this assignment breaks, as the week grid checks it
}

// RuleError refuses a change that breaks rules, naming them; the same
// change with a note is kept and the breaks are shown on the shift.
type RuleError struct{ Rules []Rule }

func (e *RuleError) Error() string { return fmt.Sprintf("breaks %v", e.Rules) }
func (e *RuleError) Unwrap() error { return ErrRuleBroken }

// Hole is a slot the roster could not fill without breaking a rule, and
// why: of the people who could take it (Pool: the active staff, of Kind
// where the slot needs that kind, or who may lead for a leader), how many
// each rule keeps off it (one person may be kept off by two).
type Hole struct {
	Slot    Slot
	Missing int
	Kind    string // the required kind still missing, if that is the gap
	Pool    int
	Stopped map[Rule]int
}

// explain counts who could have filled the hole and what stopped them;
// taken are those already on the slot.
func (st *rosterState) explain(h *Hole, taken []int64) {
	h.Stopped = map[Rule]int{}
	for _, id := range st.order {
		s := st.staff[id]
		if (h.Kind != "" && s.Kind != h.Kind) || (h.Slot.Post.Kind == LeaderPost && !s.MayLead) {
			continue
		}
		h.Pool++
		if slices.Contains(taken, id) {
			h.Stopped[RuleOverlap]++
			continue
		}
		for _, r := range st.breaksOn(h.Slot.Post.Kind, id, h.Slot.Start, h.Slot.End, 0) {
			h.Stopped[r]++
		}
	}
}

// DutyPosts lists the posts rosters fill: the command post, every
// checkpoint (on the days it is open) and every site that asks for duty.
func (db *DB) DutyPosts(ctx context.Context) ([]DutyPost, error) {
	rules, err := db.DutyRules(ctx)
	if err != nil {
		return nil, err
	}
	always := func(time.Time) bool { return true }
	posts := []DutyPost{{Kind: CommandPost, Name: "指挥部值班", Shifts: rules.CommandShifts, Staff: rules.CommandStaff, open: always}}
	cps, err := db.Checkpoints(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range cps {
		posts = append(posts, DutyPost{Kind: CheckpointPost, ID: c.ID, Name: c.Name, Shifts: c.Shifts, Staff: c.StaffPerShift,
			RequiredKind: c.RequiredKind, open: c.OpenOn})
	}
	sites, err := db.Sites(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range sites {
		if s.DutyStaff > 0 {
			posts = append(posts, DutyPost{Kind: SitePost, ID: s.ID, Name: s.Name, Shifts: rules.CommandShifts, Staff: s.DutyStaff, open: always})
		}
	}
	return posts, nil
}

// OpenOn reports whether the post has shifts on day.
func (p DutyPost) OpenOn(day time.Time) bool { return p.open == nil || p.open(day) }

// span is a stretch of time someone is on duty.
type span struct {
	id         int64
	start, end time.Time
}

// rosterState is what the rules are checked against: the staff, their
// leave, and where everyone already is.
type rosterState struct {
	rest     time.Duration
	staff    map[int64]Staff
	order    []int64 // staff IDs, active ones, in a stable order
	leave    map[int64][]Leave
	busy     map[int64][]span
	total    map[int64]int
	nights   map[int64]int
	weekends map[int64]int
	leads    map[int64]int
	lastEnd  map[int64]time.Time
}

// FairnessWeeks is how far back Roster counts shifts when spreading them,
// and what 人员统计 shows up to the week ahead.
const FairnessWeeks = 4

// loadState reads everything needed to check assignments between from and
// upto: the assignments from `weeks` weeks before (Roster's fairness) or,
// with 0, just the days whose shifts could touch the span's rest.
func (db *DB) loadState(ctx context.Context, from, upto time.Time, weeks int) (*rosterState, []Assignment, error) {
	rules, err := db.DutyRules(ctx)
	if err != nil {
		return nil, nil, err
	}
	staff, err := db.Staff(ctx, StaffQuery{IncludeInactive: true})
	if err != nil {
		return nil, nil, err
	}
	st := &rosterState{rest: time.Duration(rules.MinRestHours) * time.Hour, staff: map[int64]Staff{}, leave: map[int64][]Leave{},
		busy: map[int64][]span{}, total: map[int64]int{}, nights: map[int64]int{}, weekends: map[int64]int{},
		leads: map[int64]int{}, lastEnd: map[int64]time.Time{}}
	for _, s := range staff {
		st.staff[s.ID] = s
		if s.Active {
			st.order = append(st.order, s.ID)
		}
	}
	leaves, err := db.Leaves(ctx, from.AddDate(0, 0, -1), upto.AddDate(0, 0, 1))
	if err != nil {
		return nil, nil, err
	}
	for _, l := range leaves {
		st.leave[l.StaffID] = append(st.leave[l.StaffID], l)
	}
	history := from.AddDate(0, 0, -max(3, 7*weeks)) // rest is at most 48 h after a shift of at most a day
	all, err := db.assignments(ctx, history, upto.AddDate(0, 0, 2))
	if err != nil {
		return nil, nil, err
	}
	for _, a := range all {
		st.add(a)
	}
	return st, all, nil
}

// add notes an assignment: the person is busy then, and it counts for
// fairness.
func (st *rosterState) add(a Assignment) {
	if a.PostKind == LeaderPost {
		st.leads[a.StaffID]++
		return
	}
	// Kept in order of start, so breaks looks only near the shift.
	b := st.busy[a.StaffID]
	i, _ := slices.BinarySearchFunc(b, a.Start, func(s span, t time.Time) int { return s.start.Compare(t) })
	st.busy[a.StaffID] = slices.Insert(b, i, span{a.ID, a.Start, a.End})
	st.total[a.StaffID]++
	s := Shift{Start: a.Start.Hour()*60 + a.Start.Minute()}
	if s.Night() {
		st.nights[a.StaffID]++
	}
	if wd := a.Start.Weekday(); wd == time.Saturday || wd == time.Sunday {
		st.weekends[a.StaffID]++
	}
	if a.End.After(st.lastEnd[a.StaffID]) {
		st.lastEnd[a.StaffID] = a.End
	}
}

// remove forgets an assignment's time, for a swap.
func (st *rosterState) remove(a Assignment) {
	st.busy[a.StaffID] = slices.DeleteFunc(st.busy[a.StaffID], func(s span) bool { return s.id == a.ID })
}

// breaks lists the rules putting staffID on start..end would break, not
// counting the assignment except.
func (st *rosterState) breaks(staffID int64, start, end time.Time, except int64) []Rule {
	var out []Rule
	s, ok := st.staff[staffID]
	if !ok || !s.Active {
		out = append(out, RuleInactive)
	}
	for _, l := range st.leave[staffID] {
		if l.Covers(start) || l.Covers(end.Add(-time.Minute)) {
			out = append(out, RuleLeave)
			break
		}
	}
	overlap, tired := false, false
	// No shift is longer than a day: one that could touch start..end
	// (with the rest around it) starts no earlier than this.
	busy := st.busy[staffID]
	i, _ := slices.BinarySearchFunc(busy, start.Add(-24*time.Hour-st.rest), func(s span, t time.Time) int { return s.start.Compare(t) })
	for _, b := range busy[i:] {
		if !b.start.Before(end.Add(st.rest)) {
			break
		}
		if b.id == except && except != 0 {
			continue
		}
		switch {
		case b.start.Before(end) && b.end.After(start):
			overlap = true
		case !b.end.After(start) && start.Sub(b.end) < st.rest, !b.start.Before(end) && b.start.Sub(end) < st.rest:
			tired = true
		}
	}
	if overlap {
		out = append(out, RuleOverlap)
	}
	if tired {
		out = append(out, RuleRest)
	}
	return out
}

// breaksOn is breaks for a post of any kind: the day's leader must be
// someone who may lead and is not on leave or deactivated; leading is a
// role, not a shift, so it needs no rest and blocks none.
func (st *rosterState) breaksOn(kind PostKind, staffID int64, start, end time.Time, except int64) []Rule {
	if kind != LeaderPost {
		return st.breaks(staffID, start, end, except)
	}
	var out []Rule
	s, ok := st.staff[staffID]
	if !ok || !s.Active {
		out = append(out, RuleInactive)
	}
	if !s.MayLead {
		out = append(out, RuleLeader)
	}
	if slices.ContainsFunc(st.leave[staffID], func(l Leave) bool { return l.Covers(start) }) {
		out = append(out, RuleLeave)
	}
	return out
}

const assignmentColumns = "d.id, d.post_kind, d.post_id, d.shift_start, d.shift_end, d.staff_id, d.note"

func scanAssignment(row scanner) (Assignment, error) {
	var a Assignment
	var start, end string
	err := row.Scan(&a.ID, &a.PostKind, &a.PostID, &start, &end, &a.StaffID, &a.Note)
	a.Start, a.End = parseTime(start), parseTime(end)
	return a, err
}

// assignments lists those starting from..upto, in time order.
func (db *DB) assignments(ctx context.Context, from, upto time.Time) ([]Assignment, error) {
	return queryAll(ctx, db, "list duty", scanAssignment, "SELECT "+assignmentColumns+
		" FROM duty d WHERE shift_start >= ? AND shift_start < ? ORDER BY shift_start, post_kind, post_id, id",
		formatTime(from), formatTime(upto))
}

// slots lists every post's shifts starting on the days from..upto, in
// time order.
func slots(posts []DutyPost, from, upto time.Time) []Slot {
	var out []Slot
	for day := StartOfDay(from); day.Before(upto); day = day.AddDate(0, 0, 1) {
		for _, p := range posts {
			if !p.OpenOn(day) {
				continue
			}
			for _, s := range p.Shifts {
				out = append(out, newSlot(p, s, day))
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Slot) int { return a.Start.Compare(b.Start) })
	return out
}

type slotKey struct {
	kind  PostKind
	post  int64
	start time.Time
}

// RosterResult is what Roster did: how many assignments it added and the
// slots it could not fill.
type RosterResult struct {
	Added int
	Holes []Hole
}

// Roster fills every shift of every post on the days from..upto that still
// needs people, and names each day's leader, keeping what is already
// assigned. It never breaks a hard rule (no one in two places at once,
// the minimum rest, no one on leave, required kinds); within them it
// spreads shifts, night shifts, weekend shifts and the leader's role
// evenly, counting the four weeks before. What it cannot fill is
// returned as holes, slot by slot.
//
// It never writes the past: days before today are left as they were, and
// so are today's shifts that have already begun.
func (db *DB) Roster(ctx context.Context, from, upto time.Time) (RosterResult, error) {
	return db.roster(ctx, from, upto, db.now())
}

// RosterPast is Roster over days gone by, for a roster kept on paper and
// typed in afterwards (the demo's year): nothing is left out for being past.
func (db *DB) RosterPast(ctx context.Context, from, upto time.Time) (RosterResult, error) {
	return db.roster(ctx, from, upto, time.Time{})
}

// roster fills from..upto, leaving alone every shift that begins before
// notBefore (and the leader of days before its day). The state the rules
// are checked against is read inside the transaction that writes, so two
// rosterings at once cannot both pass a check and break it together.
func (db *DB) roster(ctx context.Context, from, upto, notBefore time.Time) (RosterResult, error) {
	var res RosterResult
	err := db.Batch(ctx, func(ctx context.Context) error {
		var err error
		res, err = db.rosterIn(ctx, from, upto, notBefore)
		return err
	})
	return res, err
}

func (db *DB) rosterIn(ctx context.Context, from, upto, notBefore time.Time) (RosterResult, error) {
	from, upto = StartOfDay(from), StartOfDay(upto)
	if today := StartOfDay(notBefore); from.Before(today) {
		from = today
	}
	var res RosterResult
	if !from.Before(upto) {
		return res, nil
	}
	posts, err := db.DutyPosts(ctx)
	if err != nil {
		return res, err
	}
	st, existing, err := db.loadState(ctx, from, upto, FairnessWeeks)
	if err != nil {
		return res, err
	}
	taken := map[slotKey][]int64{}
	for _, a := range existing {
		k := slotKey{a.PostKind, a.PostID, a.Start}
		taken[k] = append(taken[k], a.StaffID)
	}
	var added []Assignment
	assign := func(a Assignment) {
		st.add(a)
		added = append(added, a)
		k := slotKey{a.PostKind, a.PostID, a.Start}
		taken[k] = append(taken[k], a.StaffID)
	}
	// The day's leader first: leading is a role, not a shift, so it
	// neither needs rest nor blocks one.
	for day := from; day.Before(upto); day = day.AddDate(0, 0, 1) {
		k := slotKey{LeaderPost, 0, day}
		if len(taken[k]) > 0 {
			continue
		}
		best := int64(0)
		for _, id := range st.order {
			if len(st.breaksOn(LeaderPost, id, day, day.AddDate(0, 0, 1), 0)) > 0 {
				continue
			}
			if best == 0 || st.leads[id] < st.leads[best] {
				best = id
			}
		}
		if best == 0 {
			h := Hole{Slot: Slot{Post: DutyPost{Kind: LeaderPost, Name: "带班领导"}, Start: day, End: day.AddDate(0, 0, 1)}, Missing: 1}
			st.explain(&h, nil)
			res.Holes = append(res.Holes, h)
			continue
		}
		assign(Assignment{PostKind: LeaderPost, Start: day, End: day.AddDate(0, 0, 1), StaffID: best})
	}
	for _, sl := range slots(posts, from, upto) {
		if sl.Start.Before(notBefore) {
			continue // begun already: what happened is not rostered afterwards
		}
		k := slotKey{sl.Post.Kind, sl.Post.ID, sl.Start}
		needKind := sl.Post.RequiredKind != "" && !slices.ContainsFunc(taken[k], func(id int64) bool {
			return st.staff[id].Kind == sl.Post.RequiredKind
		})
		for len(taken[k]) < sl.Post.Staff {
			best := int64(0)
			for _, id := range st.order {
				if slices.Contains(taken[k], id) || (needKind && st.staff[id].Kind != sl.Post.RequiredKind) ||
					len(st.breaks(id, sl.Start, sl.End, 0)) > 0 {
					continue
				}
				if best == 0 || st.fairer(id, best, sl) {
					best = id
				}
			}
			if best == 0 {
				h := Hole{Slot: sl, Missing: sl.Post.Staff - len(taken[k])}
				if needKind {
					h.Kind = sl.Post.RequiredKind
				}
				st.explain(&h, taken[k])
				res.Holes = append(res.Holes, h)
				break
			}
			assign(Assignment{PostKind: sl.Post.Kind, PostID: sl.Post.ID, Start: sl.Start, End: sl.End, StaffID: best})
			needKind = false
		}
	}
	if len(added) == 0 {
		return res, nil
	}
	err = db.write(ctx, "roster", func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO duty (post_kind, post_id, shift_start, shift_end, staff_id, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		now := formatTime(db.now())
		for _, a := range added {
			if _, err := stmt.ExecContext(ctx, string(a.PostKind), a.PostID, formatTime(a.Start), formatTime(a.End), a.StaffID, now); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, ActRoster, "duty", 0, nil, map[string]any{"From": formatDate(from), "Upto": formatDate(upto),
			"Added": len(added), "Holes": len(res.Holes)})
	})
	res.Added = len(added)
	return res, err
}

// fairer reports whether a should take the slot rather than b: fewer
// weekend shifts for a weekend slot, fewer nights for a night, then fewer
// shifts in all, then the longer rested.
func (st *rosterState) fairer(a, b int64, sl Slot) bool {
	if sl.Weekend && st.weekends[a] != st.weekends[b] {
		return st.weekends[a] < st.weekends[b]
	}
	if sl.Night && st.nights[a] != st.nights[b] {
		return st.nights[a] < st.nights[b]
	}
	if st.total[a] != st.total[b] {
		return st.total[a] < st.total[b]
	}
	return st.lastEnd[a].Before(st.lastEnd[b])
}

// ClearRoster removes the assignments starting on the days from..upto,
// to roster them again; shifts already begun (the days before today, and
// today's worked ones) are records of duty done and stay.
func (db *DB) ClearRoster(ctx context.Context, from, upto time.Time) (int, error) {
	var n int64
	start := StartOfDay(from)
	if now := db.now(); start.Before(now) {
		start = now
	}
	err := db.write(ctx, "clear roster", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM duty WHERE shift_start >= ? AND shift_start < ? AND post_kind != ?",
			formatTime(start), formatTime(StartOfDay(upto)), LeaderPost)
		if err != nil {
			return err
		}
		leaders, err := tx.ExecContext(ctx, "DELETE FROM duty WHERE shift_start >= ? AND shift_start < ? AND post_kind = ?",
			formatTime(StartOfDay(start).AddDate(0, 0, 1)), formatTime(StartOfDay(upto)), LeaderPost)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		m, _ := leaders.RowsAffected()
		n += m
		return db.audit(ctx, tx, ActClearRoster, "duty", 0, nil, map[string]any{"From": formatDate(from), "Upto": formatDate(upto), "Removed": n})
	})
	return int(n), err
}

// Assign puts a person on a slot (or makes them the day's leader). A
// change that breaks a rule is refused with a RuleError unless a note says
// why it is done knowingly.
func (db *DB) Assign(ctx context.Context, sl Slot, staffID int64, note string) (int64, error) {
	note = clean(note)
	if err := checkText("note", note, maxLine); err != nil {
		return 0, fmt.Errorf("assign: %w", err)
	}
	var id int64
	// The rules are checked on the state read inside the transaction that
	// writes: two clerks at once cannot both pass and break them together.
	err := db.Batch(ctx, func(ctx context.Context) error {
		st, _, err := db.loadState(ctx, sl.Start, sl.End, 0)
		if err != nil {
			return err
		}
		broken := st.breaksOn(sl.Post.Kind, staffID, sl.Start, sl.End, 0)
		if len(broken) > 0 && note == "" {
			return &RuleError{Rules: broken}
		}
		return db.write(ctx, "assign duty", func(tx *sql.Tx) error {
			res, err := tx.ExecContext(ctx, `INSERT INTO duty (post_kind, post_id, shift_start, shift_end, staff_id, note, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, sl.Post.Kind, sl.Post.ID, formatTime(sl.Start), formatTime(sl.End), staffID, note, formatTime(db.now()))
			if err != nil {
				return uniqueAsDuplicate(foreignKeyAsNotFound(err))
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
			return db.audit(ctx, tx, ActAssignDuty, "duty", id, nil, map[string]any{"Post": sl.Post.Name, "Start": formatTime(sl.Start),
				"Staff": staffID, "Broken": broken, "Note": note})
		})
	})
	if err != nil {
		return 0, fmt.Errorf("assign: %w", err)
	}
	return id, nil
}

// Unassign takes a person off a shift.
func (db *DB) Unassign(ctx context.Context, id int64) error {
	return db.write(ctx, "unassign duty", func(tx *sql.Tx) error {
		a, err := scanAssignment(tx.QueryRowContext(ctx, "SELECT "+assignmentColumns+" FROM duty d WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM duty WHERE id = ?", id); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActUnassignDuty, "duty", id, a, nil)
	})
}

// Swap exchanges the people of two assignments. A swap that breaks a rule
// for either is refused with a RuleError unless a note says why it is done
// knowingly; then the note stays on both shifts.
func (db *DB) Swap(ctx context.Context, idA, idB int64, note string) error {
	note = clean(note)
	if err := checkText("note", note, maxLine); err != nil {
		return fmt.Errorf("swap: %w", err)
	}
	// Read, checked and written in one transaction, as Assign is.
	err := db.Batch(ctx, func(ctx context.Context) error {
		var a, b Assignment
		for _, p := range []struct {
			id  int64
			dst *Assignment
		}{{idA, &a}, {idB, &b}} {
			x, err := scanAssignment(db.reader(ctx).QueryRowContext(ctx, "SELECT "+assignmentColumns+" FROM duty d WHERE id = ?", p.id))
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			if err != nil {
				return err
			}
			*p.dst = x
		}
		if a.StaffID == b.StaffID || (a.PostKind == LeaderPost) != (b.PostKind == LeaderPost) {
			return ErrBadChoice
		}
		first, last := a.Start, b.End
		if b.Start.Before(first) {
			first, last = b.Start, a.End
		}
		st, _, err := db.loadState(ctx, first, last, 0)
		if err != nil {
			return err
		}
		st.remove(a)
		st.remove(b)
		var broken []Rule
		for _, c := range []struct {
			who   int64
			where Assignment
		}{{b.StaffID, a}, {a.StaffID, b}} {
			for _, r := range st.breaksOn(c.where.PostKind, c.who, c.where.Start, c.where.End, 0) {
				if !slices.Contains(broken, r) {
					broken = append(broken, r)
				}
			}
		}
		if len(broken) > 0 && note == "" {
			return &RuleError{Rules: broken}
		}
		return db.write(ctx, "swap duty", func(tx *sql.Tx) error {
			for _, step := range []struct{ id, staff int64 }{{a.ID, b.StaffID}, {b.ID, a.StaffID}} {
				if _, err := tx.ExecContext(ctx, "UPDATE duty SET staff_id = ?, note = ? WHERE id = ?", step.staff, note, step.id); err != nil {
					return uniqueAsDuplicate(err)
				}
			}
			return db.audit(ctx, tx, ActSwapDuty, "duty", a.ID, map[string]int64{"A": a.StaffID, "B": b.StaffID},
				map[string]any{"A": b.StaffID, "B": a.StaffID, "Broken": broken, "Note": note})
		})
	})
	if err != nil {
		return fmt.Errorf("swap: %w", err)
	}
	return nil
}

// ShiftView is one cell of the week grid: who is on a slot, how many are
// missing, and what rules its people break.
type ShiftView struct {
	Slot     Slot
	People   []Assignment
	Missing  int
	Warnings []Rule
}

// WeekRow is one post's shift across the days of the grid.
type WeekRow struct {
	Post  DutyPost
	Shift Shift
	Days  []*ShiftView // nil where the post is closed that day
}

// Week is the roster of the days from..from+n: a row per post and shift,
// and the leaders of the days.
type Week struct {
	Days    []time.Time
	Leaders []ShiftView
	Rows    []WeekRow
}

// RosterWeek builds the grid of n days from from, checking every
// assignment against the rules.
func (db *DB) RosterWeek(ctx context.Context, from time.Time, n int) (Week, error) {
	from = StartOfDay(from)
	upto := from.AddDate(0, 0, n)
	var w Week
	posts, err := db.DutyPosts(ctx)
	if err != nil {
		return w, err
	}
	st, all, err := db.loadState(ctx, from, upto, 0)
	if err != nil {
		return w, err
	}
	bySlot := map[slotKey][]Assignment{}
	for _, a := range all {
		if a.Start.Before(from) || !a.Start.Before(upto) {
			continue
		}
		a.Staff = st.staff[a.StaffID]
		k := slotKey{a.PostKind, a.PostID, a.Start}
		bySlot[k] = append(bySlot[k], a)
	}
	view := func(sl Slot) *ShiftView {
		v := &ShiftView{Slot: sl, People: bySlot[slotKey{sl.Post.Kind, sl.Post.ID, sl.Start}]}
		v.Missing = max(0, sl.Post.Staff-len(v.People))
		hasKind := false
		for i := range v.People {
			a := &v.People[i]
			hasKind = hasKind || a.Staff.Kind == sl.Post.RequiredKind
			a.Breaks = st.breaksOn(sl.Post.Kind, a.StaffID, a.Start, a.End, a.ID)
			for _, r := range a.Breaks {
				if !slices.Contains(v.Warnings, r) {
					v.Warnings = append(v.Warnings, r)
				}
			}
		}
		if sl.Post.RequiredKind != "" && len(v.People) > 0 && !hasKind {
			v.Warnings = append(v.Warnings, RuleKind)
		}
		return v
	}
	leader := DutyPost{Kind: LeaderPost, Name: "带班领导", Staff: 1}
	for day := from; day.Before(upto); day = day.AddDate(0, 0, 1) {
		w.Days = append(w.Days, day)
		w.Leaders = append(w.Leaders, *view(Slot{Post: leader, Start: day, End: day.AddDate(0, 0, 1)}))
	}
	for _, p := range posts {
		for _, s := range p.Shifts {
			row := WeekRow{Post: p, Shift: s}
			for _, day := range w.Days {
				if !p.OpenOn(day) {
					row.Days = append(row.Days, nil)
					continue
				}
				row.Days = append(row.Days, view(newSlot(p, s, day)))
			}
			w.Rows = append(w.Rows, row)
		}
	}
	return w, nil
}

// PersonLoad is one person's duty over a span, for comparing with the
// average.
type PersonLoad struct {
	Staff                           Staff
	Shifts, Nights, Weekends, Leads int
	Assignments                     []Assignment
}

// Loads counts everyone's shifts, nights, weekend shifts and days leading
// from..upto, busiest first.
func (db *DB) Loads(ctx context.Context, from, upto time.Time) ([]PersonLoad, error) {
	all, err := db.assignments(ctx, StartOfDay(from), StartOfDay(upto))
	if err != nil {
		return nil, err
	}
	staff, err := db.Staff(ctx, StaffQuery{})
	if err != nil {
		return nil, err
	}
	st := &rosterState{total: map[int64]int{}, nights: map[int64]int{}, weekends: map[int64]int{}, leads: map[int64]int{},
		busy: map[int64][]span{}, lastEnd: map[int64]time.Time{}}
	mine := map[int64][]Assignment{}
	for _, a := range all {
		st.add(a)
		mine[a.StaffID] = append(mine[a.StaffID], a)
	}
	out := make([]PersonLoad, 0, len(staff))
	for _, s := range staff {
		out = append(out, PersonLoad{Staff: s, Shifts: st.total[s.ID], Nights: st.nights[s.ID], Weekends: st.weekends[s.ID],
			Leads: st.leads[s.ID], Assignments: mine[s.ID]})
	}
	slices.SortStableFunc(out, func(a, b PersonLoad) int { return cmp.Compare(b.Shifts, a.Shifts) })
	return out, nil
}
