package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// CheckpointKinds are the four gates (四道关口).
var CheckpointKinds = []string{"交通卡口", "村口/小区卡口", "单位返岗关口", "药店/诊所哨点"}

// ShiftPattern is a usual pattern of shifts, by the name clerks call it.
type ShiftPattern string

const (
	ThreeShifts ShiftPattern = "三班"
	TwoShifts   ShiftPattern = "两班" // day and night, 12 hours each
)

// ShiftPatterns in the order the form offers them.
var ShiftPatterns = []ShiftPattern{ThreeShifts, TwoShifts}

// Text is the pattern's shifts written as ParseShifts reads them.
func (p ShiftPattern) Text() string {
	if p == ThreeShifts {
		return "08:00-16:00,16:00-00:00,00:00-08:00"
	}
	return "08:00-20:00,20:00-08:00"
}

// Shifts are the pattern's shifts.
func (p ShiftPattern) Shifts() []Shift {
	s, _ := ParseShifts(p.Text())
	return s
}

// Shift is a time of day to another; it may run past midnight.
type Shift struct {
	Start, End int // minutes after midnight; End <= Start means the next day
}

func (s Shift) String() string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", s.Start/60, s.Start%60, s.End/60, s.End%60)
}

// Window is the shift that starts on day.
func (s Shift) Window(day time.Time) (start, end time.Time) {
	d := StartOfDay(day)
	start = d.Add(time.Duration(s.Start) * time.Minute)
	end = d.Add(time.Duration(s.End) * time.Minute)
	if s.End <= s.Start {
		end = end.AddDate(0, 0, 1)
	}
	return start, end
}

// Night reports whether the shift starts in the night hours, 20:00–08:00,
// where checks slip and which reports show apart.
func (s Shift) Night() bool { return s.Start >= 20*60 || s.Start < 8*60 }

// ParseShifts reads a pattern such as "08:00-20:00,20:00-08:00" (any of
// , ， 、 ; or spaces between shifts; full-width digits accepted).
func ParseShifts(text string) ([]Shift, error) {
	// ､ is 、 once the width is folded.
	fields := strings.FieldsFunc(halfWidth(text), func(r rune) bool { return strings.ContainsRune(",，、､; ", r) })
	var out []Shift
	for _, f := range fields {
		var h1, m1, h2, m2 int
		if n, err := fmt.Sscanf(strings.ReplaceAll(f, "–", "-"), "%d:%d-%d:%d", &h1, &m1, &h2, &m2); n != 4 || err != nil {
			return nil, ErrBadShifts
		}
		if h2 == 24 && m2 == 0 {
			h2 = 0
		}
		if h1 < 0 || h1 > 23 || h2 < 0 || h2 > 23 || m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59 {
			return nil, ErrBadShifts
		}
		s := Shift{Start: h1*60 + m1, End: h2*60 + m2}
		if s.Start == s.End {
			return nil, ErrBadShifts
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, ErrBadShifts
	}
	slices.SortFunc(out, func(a, b Shift) int { return a.Start - b.Start })
	return out, nil
}

func formatShifts(shifts []Shift) string {
	parts := make([]string, len(shifts))
	for i, s := range shifts {
		parts[i] = s.String()
	}
	return strings.Join(parts, ",")
}

// Checkpoint is a post where people and vehicles are stopped and registered.
type Checkpoint struct {
	ID            int64
	Name          string
	Kind          string
	Location      string
	Manager       string
	Phone         string
	OpenedOn      time.Time
	ClosedOn      time.Time // zero while open
	Shifts        []Shift
	StaffPerShift int
	RequiredKind  string // a staff kind each shift must include; empty: none
}

// OpenOn reports whether the post is open on day.
func (c Checkpoint) OpenOn(day time.Time) bool {
	d := StartOfDay(day)
	return !d.Before(StartOfDay(c.OpenedOn)) && (c.ClosedOn.IsZero() || d.Before(StartOfDay(c.ClosedOn)))
}

// SaveCheckpoint adds (ID 0) or updates a checkpoint and returns its ID.
func (db *DB) SaveCheckpoint(ctx context.Context, c Checkpoint) (int64, error) {
	c.Name, c.Location, c.Manager = clean(c.Name), clean(c.Location), clean(c.Manager)
	if err := checkName("name", c.Name); err != nil {
		return 0, fmt.Errorf("save checkpoint: %w", err)
	}
	if !slices.Contains(CheckpointKinds, c.Kind) {
		return 0, fmt.Errorf("save checkpoint: %w", &FieldError{Field: "kind", Err: ErrBadChoice})
	}
	if err := checkText("location", c.Location, maxLine); err != nil {
		return 0, fmt.Errorf("save checkpoint: %w", err)
	}
	if c.Manager != "" {
		if err := checkName("manager", c.Manager); err != nil {
			return 0, fmt.Errorf("save checkpoint: %w", err)
		}
	}
	if clean(c.Phone) != "" {
		phone, err := NormalizePhone(c.Phone)
		if err != nil {
			return 0, fmt.Errorf("save checkpoint: %w", &FieldError{Field: "phone", Err: err})
		}
		c.Phone = phone
	}
	if len(c.Shifts) == 0 {
		return 0, fmt.Errorf("save checkpoint: %w", &FieldError{Field: "shifts", Err: ErrBadShifts})
	}
	if c.RequiredKind != "" && !slices.Contains(StaffKinds, c.RequiredKind) {
		return 0, fmt.Errorf("save checkpoint: %w", &FieldError{Field: "required_kind", Err: ErrBadChoice})
	}
	if c.StaffPerShift < 1 || c.StaffPerShift > 20 {
		return 0, fmt.Errorf("save checkpoint: %w", &FieldError{Field: "staff_per_shift", Err: ErrBadNumber})
	}
	if c.OpenedOn.IsZero() {
		c.OpenedOn = db.now()
	}
	if !c.ClosedOn.IsZero() && c.ClosedOn.Before(StartOfDay(c.OpenedOn)) {
		return 0, fmt.Errorf("save checkpoint: %w", &FieldError{Field: "closed_on", Err: ErrBadDate})
	}
	var closed any
	if !c.ClosedOn.IsZero() {
		closed = formatDate(c.ClosedOn)
	}
	now := formatTime(db.now())
	id := c.ID
	err := db.write(ctx, "save checkpoint", func(tx *sql.Tx) error {
		var old any
		if c.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO checkpoints (name, kind, location, manager, phone, opened_on,
				closed_on, shifts, staff_per_shift, required_kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				c.Name, c.Kind, c.Location, c.Manager, c.Phone, formatDate(c.OpenedOn), closed, formatShifts(c.Shifts),
				c.StaffPerShift, c.RequiredKind, now, now)
			if err != nil {
				return uniqueAsDuplicate(err)
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
		} else {
			prev, err := scanCheckpoint(tx.QueryRowContext(ctx, "SELECT "+checkpointColumns+" FROM checkpoints WHERE id = ?", c.ID))
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			if err != nil {
				return err
			}
			old = prev
			if _, err := tx.ExecContext(ctx, `UPDATE checkpoints SET name = ?, kind = ?, location = ?, manager = ?, phone = ?,
				opened_on = ?, closed_on = ?, shifts = ?, staff_per_shift = ?, required_kind = ?, updated_at = ? WHERE id = ?`,
				c.Name, c.Kind, c.Location, c.Manager, c.Phone, formatDate(c.OpenedOn), closed, formatShifts(c.Shifts),
				c.StaffPerShift, c.RequiredKind, now, c.ID); err != nil {
				return uniqueAsDuplicate(err)
			}
		}
		c.ID = id
		return db.audit(ctx, tx, ActSaveCheckpoint, "checkpoints", id, old, c)
	})
	return id, err
}

const checkpointColumns = "id, name, kind, location, manager, phone, opened_on, coalesce(closed_on, ''), shifts, staff_per_shift, required_kind"

func scanCheckpoint(row scanner) (Checkpoint, error) {
	var c Checkpoint
	var opened, closed, shifts string
	if err := row.Scan(&c.ID, &c.Name, &c.Kind, &c.Location, &c.Manager, &c.Phone, &opened, &closed, &shifts, &c.StaffPerShift, &c.RequiredKind); err != nil {
		return c, err
	}
	c.OpenedOn = parseDate(opened)
	if closed != "" {
		c.ClosedOn = parseDate(closed)
	}
	c.Shifts, _ = ParseShifts(shifts)
	return c, nil
}

// Checkpoints lists every checkpoint by name.
func (db *DB) Checkpoints(ctx context.Context) ([]Checkpoint, error) {
	return queryAll(ctx, db, "list checkpoints", scanCheckpoint, "SELECT "+checkpointColumns+" FROM checkpoints ORDER BY name")
}

// CheckpointByID reads one checkpoint.
func (db *DB) CheckpointByID(ctx context.Context, id int64) (Checkpoint, error) {
	c, err := scanCheckpoint(db.reader(ctx).QueryRowContext(ctx, "SELECT "+checkpointColumns+" FROM checkpoints WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("read checkpoint %d: %w", id, err)
	}
	return c, nil
}
