package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Leave is days a person is not available for duty, both ends included.
type Leave struct {
	ID      int64
	StaffID int64
	From    time.Time
	To      time.Time
	Reason  string
	Staff   string // the person's name, when read back
}

// Covers reports whether the leave includes t's day.
func (l Leave) Covers(t time.Time) bool {
	d := StartOfDay(t)
	return !d.Before(StartOfDay(l.From)) && !d.After(StartOfDay(l.To))
}

// AddLeave records leave and returns its ID.
func (db *DB) AddLeave(ctx context.Context, l Leave) (int64, error) {
	l.Reason = clean(l.Reason)
	if l.From.IsZero() || l.To.IsZero() || l.To.Before(l.From) {
		return 0, fmt.Errorf("add leave: %w", &FieldError{Field: "to", Err: ErrBadDate})
	}
	if err := checkText("reason", l.Reason, maxLine); err != nil {
		return 0, fmt.Errorf("add leave: %w", err)
	}
	var id int64
	err := db.write(ctx, "add leave", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO staff_leave (staff_id, from_date, to_date, reason, created_at)
			VALUES (?, ?, ?, ?, ?)`, l.StaffID, formatDate(l.From), formatDate(l.To), l.Reason, formatTime(db.now()))
		if err != nil {
			return foreignKeyAsNotFound(err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActAddLeave, "staff", l.StaffID, nil, l)
	})
	return id, err
}

// RemoveLeave takes leave back (a mistaken entry, or the person returned).
func (db *DB) RemoveLeave(ctx context.Context, id int64) error {
	return db.write(ctx, "remove leave", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM staff_leave WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return db.audit(ctx, tx, ActRemoveLeave, "staff_leave", id, nil, nil)
	})
}

// Leaves lists leave that touches the days from..to (both included).
func (db *DB) Leaves(ctx context.Context, from, to time.Time) ([]Leave, error) {
	return queryAll(ctx, db, "list leave", func(row scanner) (Leave, error) {
		var l Leave
		var f, t string
		err := row.Scan(&l.ID, &l.StaffID, &f, &t, &l.Reason, &l.Staff)
		l.From, l.To = parseDate(f), parseDate(t)
		return l, err
	}, `SELECT l.id, l.staff_id, l.from_date, l.to_date, l.reason, s.name FROM staff_leave l JOIN staff s ON s.id = l.staff_id
		WHERE l.to_date >= ? AND l.from_date <= ? ORDER BY l.from_date, s.name`, formatDate(from), formatDate(to))
}
