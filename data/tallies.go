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
	days, err := db.daysTotalsAsOf(ctx, []time.Time{StartOfDay(day)}, asOf)
	if err != nil {
		return nil, err
	}
	return days[0], nil
}

// daysTotalsAsOf is dayTotalsAsOf for several days at once, in order (the
// days of a trend): one query for the tallies and one for the
// registrations of every shift of every day, however many days.
func (db *DB) daysTotalsAsOf(ctx context.Context, days []time.Time, asOf time.Time) ([][]PostDay, error) {
	posts, err := db.Checkpoints(ctx)
	if err != nil {
		return nil, err
	}
	type key struct {
		post  int64
		start string
	}
	// Every shift of every open checkpoint on every day: the windows its
	// passages are counted in.
	type window struct {
		day, post, shift int
		start, end       time.Time
		until            time.Time
	}
	var windows []window
	first, last := days[0], days[len(days)-1]
	for d, day := range days {
		for p, cp := range posts {
			if !cp.OpenOn(day) {
				continue
			}
			for s, sh := range cp.Shifts {
				start, end := sh.Window(day)
				until := end // passages at asOf's very second count
				if at := asOf.Add(time.Second); at.Before(until) {
					until = at
				}
				windows = append(windows, window{d, p, s, start, end, until})
			}
		}
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
		formatTime(first), formatTime(last.AddDate(0, 0, 1)), formatTime(asOf))
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		tallies[r.k] = r.c
	}
	type counted struct {
		regs int
		c    Counts
	}
	counts := make([]counted, len(windows))
	if len(windows) > 0 {
		values := make([]string, len(windows))
		args := []any{string(TurnedBack), FeverCelsius, string(HandedOver)}
		for i, w := range windows {
			n := 4 + 4*i // after the three constants, numbered: bare ? would be numbered before them
			values[i] = fmt.Sprintf("(?%d, ?%d, ?%d, ?%d)", n, n+1, n+2, n+3)
			args = append(args, i, posts[w.post].ID, formatTime(w.start), formatTime(w.until))
		}
		got, err := queryAll(ctx, db, "day totals", func(row scanner) (struct {
			i int
			counted
		}, error) {
			var v struct {
				i int
				counted
			}
			err := row.Scan(&v.i, &v.regs, &v.c.Vehicles, &v.c.People, &v.c.TurnedBack, &v.c.Fevers, &v.c.HandedOver)
			return v, err
		}, `WITH w(i, post, start, until) AS (VALUES `+strings.Join(values, ", ")+`)
			SELECT w.i, count(r.id),
				coalesce(sum(r.plate != ''), 0), coalesce(sum(CASE WHEN r.name != '' THEN 1 + r.passengers ELSE r.passengers END), 0),
				coalesce(sum(r.outcome = ?1), 0), coalesce(sum(r.celsius >= ?2), 0), coalesce(sum(r.outcome = ?3), 0)
			FROM w LEFT JOIN registrations r ON r.checkpoint_id = w.post AND r.at >= w.start AND r.at < w.until AND r.voided_at IS NULL
			GROUP BY w.i`, args...)
		if err != nil {
			return nil, fmt.Errorf("day totals: %w", err)
		}
		for _, v := range got {
			counts[v.i] = v.counted
		}
	}
	out := make([][]PostDay, len(days))
	var pd *PostDay
	for i, w := range windows {
		if i == 0 || windows[i-1].day != w.day || windows[i-1].post != w.post {
			out[w.day] = append(out[w.day], PostDay{Checkpoint: posts[w.post]})
			pd = &out[w.day][len(out[w.day])-1]
		}
		sh := posts[w.post].Shifts[w.shift]
		st := ShiftTotal{Shift: sh, Start: w.start, Night: sh.Night(), Source: NotFiled, Counts: counts[i].c}
		regs := counts[i].regs
		if t, ok := tallies[key{posts[w.post].ID, formatTime(w.start)}]; ok {
			st.Counts = t
			st.Source = FromTally
			if regs > 0 {
				st.Source = FromBoth
			}
		} else if regs > 0 {
			st.Source = FromRegistrations
		} else if w.start.After(asOf) {
			st.Source = NotStarted
		} else if w.end.After(asOf.Add(time.Second)) {
			st.Source = InProgress
		}
		pd.Shifts = append(pd.Shifts, st)
		pd.Total.Add(st.Counts)
		if st.Night {
			pd.Night.Add(st.Counts)
		}
	}
	return out, nil
}
