package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Counts are what a shift reports: the columns of every checkpoint ledger.
type Counts struct {
	Vehicles, People, TurnedBack, Fevers, HandedOver int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Vehicles += o.Vehicles
	c.People += o.People
	c.TurnedBack += o.TurnedBack
	c.Fevers += o.Fevers
	c.HandedOver += o.HandedOver
}

// Tally is a shift's counts entered from a paper log.
type Tally struct {
	CheckpointID int64
	ShiftStart   time.Time
	Shift        Shift
	Counts
	Staff string // who was on the shift
	Note  string
}

// SaveTally records a shift's tally; a shift has at most one.
func (db *DB) SaveTally(ctx context.Context, t Tally) error {
	t.Staff, t.Note = clean(t.Staff), clean(t.Note)
	for field, n := range map[string]int{"vehicles": t.Vehicles, "people": t.People, "turned_back": t.TurnedBack,
		"fevers": t.Fevers, "handed_over": t.HandedOver} {
		if n < 0 || n > 100000 {
			return fmt.Errorf("save tally: %w", &FieldError{Field: field, Err: ErrBadNumber})
		}
	}
	if t.TurnedBack+t.HandedOver > t.People+t.Vehicles || t.Fevers > t.People {
		return fmt.Errorf("save tally: %w", &FieldError{Field: "people", Err: ErrBadNumber})
	}
	if err := checkText("staff", t.Staff, maxLine); err != nil {
		return fmt.Errorf("save tally: %w", err)
	}
	if err := checkText("note", t.Note, maxNote); err != nil {
		return fmt.Errorf("save tally: %w", err)
	}
	start, end := t.Shift.Window(t.ShiftStart)
	return db.write(ctx, "save tally", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO tallies (checkpoint_id, shift_start, shift_end, vehicles, people,
			turned_back, fevers, handed_over, staff, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			t.CheckpointID, formatTime(start), formatTime(end), t.Vehicles, t.People, t.TurnedBack, t.Fevers,
			t.HandedOver, t.Staff, t.Note, formatTime(db.now())); err != nil {
			if strings.Contains(err.Error(), "FOREIGN KEY") {
				return ErrNotFound
			}
			return uniqueAsDuplicate(err)
		}
		return db.audit(ctx, tx, ActSaveTally, "checkpoints", t.CheckpointID, nil, t)
	})
}

// Source says where a shift's counts come from.
type Source string

const (
	FromRegistrations Source = "登记"
	FromTally         Source = "台账汇总"
	FromBoth          Source = "登记与汇总并存,按汇总计"
	NotFiled          Source = "未填报"
	NotStarted        Source = "未开始" // a shift later today: not missing yet
	InProgress        Source = "进行中" // running now, nothing entered yet: not missing yet
)

// ShiftTotal is one shift of one checkpoint on a day.
type ShiftTotal struct {
	Shift  Shift
	Start  time.Time
	Night  bool
	Source Source
	Counts
}

// PostDay is a checkpoint's day: its shifts and their sum.
type PostDay struct {
	Checkpoint Checkpoint
	Shifts     []ShiftTotal
	Total      Counts
	Night      Counts // the night shifts (starting 20:00–08:00) apart
}

// DayTotals counts every open checkpoint's shifts that start on day, as
// recorded so far. A shift counts its registrations (voided ones left out)
// or, when a tally was entered for it, the tally: never both, and it says
// which.
func (db *DB) DayTotals(ctx context.Context, day time.Time) ([]PostDay, error) {
	return db.dayTotalsAsOf(ctx, day, db.now())
}

// dayTotalsAsOf is DayTotals as it stood at the moment asOf: passages
// before it and tallies entered before it, so the part of a day can be
// compared with the same part of another.
func (db *DB) dayTotalsAsOf(ctx context.Context, day, asOf time.Time) ([]PostDay, error) {
	posts, err := db.Checkpoints(ctx)
	if err != nil {
		return nil, err
	}
	from := StartOfDay(day)
	type key struct {
		post  int64
		start string
	}
	tallies := map[key]Counts{}
	rows, err := queryAll(ctx, db, "day tallies", func(row scanner) (struct {
		k key
		c Counts
	}, error) {
		var v struct {
			k key
			c Counts
		}
		err := row.Scan(&v.k.post, &v.k.start, &v.c.Vehicles, &v.c.People, &v.c.TurnedBack, &v.c.Fevers, &v.c.HandedOver)
		return v, err
	}, `SELECT checkpoint_id, shift_start, vehicles, people, turned_back, fevers, handed_over FROM tallies
		WHERE shift_start >= ? AND shift_start < ? AND created_at <= ?`,
		formatTime(from), formatTime(from.AddDate(0, 0, 1)), formatTime(asOf))
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		tallies[r.k] = r.c
	}
	var out []PostDay
	for _, p := range posts {
		if !p.OpenOn(day) {
			continue
		}
		pd := PostDay{Checkpoint: p}
		for _, s := range p.Shifts {
			start, end := s.Window(day)
			st := ShiftTotal{Shift: s, Start: start, Night: s.Night(), Source: NotFiled}
			until := end // passages at asOf's very second count
			if at := asOf.Add(time.Second); at.Before(until) {
				until = at
			}
			var regs int
			err := db.reader(ctx).QueryRowContext(ctx, `SELECT count(*),
					coalesce(sum(plate != ''), 0), coalesce(sum(CASE WHEN name != '' THEN 1 + passengers ELSE passengers END), 0),
					coalesce(sum(outcome = ?), 0), coalesce(sum(celsius >= ?), 0), coalesce(sum(outcome = ?), 0)
				FROM registrations WHERE checkpoint_id = ? AND at >= ? AND at < ? AND voided_at IS NULL`,
				string(TurnedBack), FeverCelsius, string(HandedOver), p.ID, formatTime(start), formatTime(until)).
				Scan(&regs, &st.Vehicles, &st.People, &st.TurnedBack, &st.Fevers, &st.HandedOver)
			if err != nil {
				return nil, fmt.Errorf("day totals: %w", err)
			}
			if t, ok := tallies[key{p.ID, formatTime(start)}]; ok {
				st.Counts = t
				st.Source = FromTally
				if regs > 0 {
					st.Source = FromBoth
				}
			} else if regs > 0 {
				st.Source = FromRegistrations
			} else if start.After(asOf) {
				st.Source = NotStarted
			} else if end.After(asOf.Add(time.Second)) {
				st.Source = InProgress
			}
			pd.Shifts = append(pd.Shifts, st)
			pd.Total.Add(st.Counts)
			if st.Night {
				pd.Night.Add(st.Counts)
			}
		}
		out = append(out, pd)
	}
	return out, nil
}
