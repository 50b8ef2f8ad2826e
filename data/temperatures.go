package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Temperature is one reading.
type Temperature struct {
	TakenAt time.Time
	Celsius float64
}

// Fever reports whether the reading is 37.3 ℃ or more.
func (t Temperature) Fever() bool { return t.Celsius >= FeverCelsius }

// RecordTemperature records one reading for a guest in isolation.
func (db *DB) RecordTemperature(ctx context.Context, guestID int64, at time.Time, celsius float64) error {
	return db.RecordTemperatures(ctx, []Reading{{GuestID: guestID, TakenAt: at, Celsius: celsius}})
}

// GuestTemperatures lists a guest's readings, newest first.
func (db *DB) GuestTemperatures(ctx context.Context, guestID int64) ([]Temperature, error) {
	return queryAll(ctx, db, "list temperatures", func(row scanner) (Temperature, error) {
		var t Temperature
		var at string
		err := row.Scan(&at, &t.Celsius)
		t.TakenAt = parseTime(at)
		return t, err
	}, "SELECT taken_at, celsius FROM temperatures WHERE guest_id = ? ORDER BY taken_at DESC", guestID)
}

// Reading is one temperature to record for a guest.
type Reading struct {
	GuestID int64
	TakenAt time.Time
	Celsius float64
}

// RecordTemperatures records a round of readings (a whole floor) in one
// transaction: all of them, or none if any is out of range or for a guest
// no longer in isolation.
func (db *DB) RecordTemperatures(ctx context.Context, readings []Reading) error {
	for _, r := range readings {
		if !PlausibleCelsius(r.Celsius) {
			return fmt.Errorf("record temperatures: %w", &FieldError{Field: "celsius", Err: ErrBadTemperature})
		}
	}
	return db.write(ctx, "record temperatures", func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO temperatures (guest_id, taken_at, celsius)
			SELECT id, ?, ? FROM guests WHERE id = ? AND ended_at IS NULL`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range readings {
			res, err := stmt.ExecContext(ctx, formatTime(r.TakenAt), r.Celsius, r.GuestID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return ErrGuestEnded
			}
			if err := db.audit(ctx, tx, ActRecordTemperature, "guests", r.GuestID, nil, r); err != nil {
				return err
			}
			if r.Celsius >= FeverCelsius {
				if err := db.siteFinding(ctx, tx, r.GuestID, r.TakenAt, StepFever, r.Celsius); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// GuestTemperature is a reading with whose it is, for lists across a site.
type GuestTemperature struct {
	Guest string
	Room  string
	Temperature
}

// SiteTemperatures lists every reading of a site's guests, by time.
func (db *DB) SiteTemperatures(ctx context.Context, siteID int64) ([]GuestTemperature, error) {
	return queryAll(ctx, db, "list site temperatures", func(row scanner) (GuestTemperature, error) {
		var t GuestTemperature
		var at string
		err := row.Scan(&t.Guest, &t.Room, &at, &t.Celsius)
		t.TakenAt = parseTime(at)
		return t, err
	}, `SELECT g.name, r.building || r.number, t.taken_at, t.celsius
		FROM temperatures t JOIN guests g ON g.id = t.guest_id
		JOIN stays s ON s.id = (SELECT max(id) FROM stays WHERE guest_id = g.id)
		JOIN rooms r ON r.id = s.room_id
		WHERE g.site_id = ? ORDER BY t.taken_at, r.building, r.number`, siteID)
}
