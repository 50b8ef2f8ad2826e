package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// LogKind is what a line of the duty log is.
type LogKind string

const (
	LogMatter   LogKind = "记录"  // a call or matter and how it was handled
	LogHandover LogKind = "交接班" // the note to the next shift
)

// DutyLogEntry is a line of the 值班日志: a call or matter and how it was
// handled, or the handover note to the next shift.
type DutyLogEntry struct {
	ID       int64
	At       time.Time
	Kind     LogKind
	Caller   string
	Matter   string
	Handling string
	Officer  string
}

// LogDuty appends an entry to the duty log.
func (db *DB) LogDuty(ctx context.Context, e DutyLogEntry) (int64, error) {
	e.Caller, e.Matter, e.Handling, e.Officer = clean(e.Caller), clean(e.Matter), clean(e.Handling), clean(e.Officer)
	if e.Kind != LogMatter && e.Kind != LogHandover {
		return 0, fmt.Errorf("log duty: %w", &FieldError{Field: "kind", Err: ErrBadChoice})
	}
	if e.Matter == "" {
		return 0, fmt.Errorf("log duty: %w", &FieldError{Field: "matter", Err: ErrMatterRequired})
	}
	for _, f := range []struct {
		field, v string
		max      int
	}{{"caller", e.Caller, maxLine}, {"matter", e.Matter, maxNote}, {"handling", e.Handling, maxNote}, {"officer", e.Officer, maxName}} {
		if err := checkText(f.field, f.v, f.max); err != nil {
			return 0, fmt.Errorf("log duty: %w", err)
		}
	}
	if e.At.IsZero() {
		e.At = db.now()
	}
	var id int64
	err := db.write(ctx, "log duty", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO duty_log (at, kind, caller, matter, handling, officer, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, formatTime(e.At), string(e.Kind), e.Caller, e.Matter, e.Handling, e.Officer, formatTime(db.now()))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// DutyLog lists the entries from..upto, in time order.
func (db *DB) DutyLog(ctx context.Context, from, upto time.Time) ([]DutyLogEntry, error) {
	return queryAll(ctx, db, "duty log", func(row scanner) (DutyLogEntry, error) {
		var e DutyLogEntry
		var at string
		err := row.Scan(&e.ID, &at, &e.Kind, &e.Caller, &e.Matter, &e.Handling, &e.Officer)
		e.At = parseTime(at)
		return e, err
	}, "SELECT id, at, kind, caller, matter, handling, officer FROM duty_log WHERE at >= ? AND at < ? ORDER BY at, id",
		formatTime(from), formatTime(upto))
}
