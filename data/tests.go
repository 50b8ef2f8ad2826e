package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Test is one scheduled nucleic-acid test.
type Test struct {
	ID        int64
	Day       int // day of isolation, 1 = check-in day
	DueDate   time.Time
	SampledAt time.Time  // zero until sampled
	Result    TestResult // "" until sampled
}

// RecordTestResult records one test's sampling and result (待出 until known).
func (db *DB) RecordTestResult(ctx context.Context, testID int64, sampledAt time.Time, result TestResult) error {
	return db.RecordTestResults(ctx, []Sampling{{TestID: testID, SampledAt: sampledAt, Result: result}})
}

// GuestTests lists a guest's tests by day.
func (db *DB) GuestTests(ctx context.Context, guestID int64) ([]Test, error) {
	return queryAll(ctx, db, "list tests", func(row scanner) (Test, error) {
		var t Test
		return t, scanTest(row, &t)
	}, "SELECT "+testColumns+" FROM tests t WHERE t.guest_id = ? ORDER BY t.day", guestID)
}

const testColumns = "t.id, t.day, t.due_date, coalesce(t.sampled_at, ''), t.result"

// scanTest reads testColumns, after any columns named in more.
func scanTest(row scanner, t *Test, more ...any) error {
	var due, sampled string
	if err := row.Scan(append(more, &t.ID, &t.Day, &due, &sampled, &t.Result)...); err != nil {
		return err
	}
	t.DueDate = parseDate(due)
	if sampled != "" {
		t.SampledAt = parseTime(sampled)
	}
	return nil
}

// Sampling is one test's sampling and result.
type Sampling struct {
	TestID    int64
	SampledAt time.Time
	Result    TestResult
}

// RecordTestResults records a batch of results (a round of sampling) in one
// transaction.
func (db *DB) RecordTestResults(ctx context.Context, results []Sampling) error {
	for _, r := range results {
		if !slices.Contains(TestResults, r.Result) {
			return fmt.Errorf("record tests: %w", &FieldError{Field: "result", Err: ErrBadChoice})
		}
	}
	return db.write(ctx, "record tests", func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, "UPDATE tests SET sampled_at = ?, result = ? WHERE id = ? RETURNING guest_id")
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range results {
			// A positive found anew follows the guest's case; one recorded
			// again (a correction of the time) does not.
			var was TestResult
			err := tx.QueryRowContext(ctx, "SELECT result FROM tests WHERE id = ?", r.TestID).Scan(&was)
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			if err != nil {
				return err
			}
			var guestID int64
			if err := stmt.QueryRowContext(ctx, formatTime(r.SampledAt), string(r.Result), r.TestID).Scan(&guestID); err != nil {
				return err
			}
			if err := db.audit(ctx, tx, ActRecordTest, "tests", r.TestID, nil, r); err != nil {
				return err
			}
			if r.Result == TestPositive && was != TestPositive {
				if err := db.siteFinding(ctx, tx, guestID, r.SampledAt, StepPositive, 0); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// GuestTest is a test with whose it is, for lists across a site.
type GuestTest struct {
	Guest string
	Room  string
	Test
}

// SiteTests lists every test of a site's guests, by guest and day.
func (db *DB) SiteTests(ctx context.Context, siteID int64) ([]GuestTest, error) {
	return queryAll(ctx, db, "list site tests", func(row scanner) (GuestTest, error) {
		var t GuestTest
		return t, scanTest(row, &t.Test, &t.Guest, &t.Room)
	}, `SELECT g.name, r.building || r.number, `+testColumns+`
		FROM tests t JOIN guests g ON g.id = t.guest_id
		JOIN stays s ON s.id = (SELECT max(id) FROM stays WHERE guest_id = g.id)
		JOIN rooms r ON r.id = s.room_id
		WHERE g.site_id = ? ORDER BY g.checked_in_at, g.id, t.day`, siteID)
}
