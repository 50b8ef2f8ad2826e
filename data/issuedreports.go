package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// DailyReport is a day's report: its figures with the day before's for
// comparison, the clerk's notable events and who filled and checked it.
// An issued one has its number (第N期) and version.
type DailyReport struct {
	ID         int64
	Number     int
	Version    int // 1, then 2… for each re-issue (修订)
	Today      DailyFigures
	Yesterday  DailyFigures
	Events     string
	FilledBy   string
	ReviewedBy string
	IssuedAt   time.Time
}

// Revised reports whether this is a re-issue.
func (r DailyReport) Revised() bool { return r.Version > 1 }

// DraftReport computes a day's report as it would be issued now.
func (db *DB) DraftReport(ctx context.Context, day time.Time, events, filledBy, reviewedBy string) (DailyReport, error) {
	r := DailyReport{Events: clean(events), FilledBy: clean(filledBy), ReviewedBy: clean(reviewedBy)}
	var err error
	if r.Today, err = db.DailyFigures(ctx, day); err != nil {
		return r, err
	}
	if r.Yesterday, err = db.DailyFigures(ctx, StartOfDay(day).AddDate(0, 0, -1)); err != nil {
		return r, err
	}
	if r.Number, err = db.reportNumber(ctx, day); err != nil {
		return r, err
	}
	return r, nil
}

// FirstReportNumber is the number of the first report issued (第N期), set
// in 设置 for a post that numbered reports on paper before.
func (db *DB) FirstReportNumber(ctx context.Context) (int, error) {
	return db.intSetting(ctx, "report_first_number", 1)
}

// SaveFirstReportNumber sets the number the first report gets.
func (db *DB) SaveFirstReportNumber(ctx context.Context, n int) error {
	if n < 1 || n > 99999 {
		return fmt.Errorf("save report numbering: %w", &FieldError{Field: "first_number", Err: ErrBadNumber})
	}
	return db.write(ctx, "save report numbering", func(tx *sql.Tx) error {
		if err := setSetting(ctx, tx, "report_first_number", strconv.Itoa(n)); err != nil {
			return err
		}
		return db.audit(ctx, tx, "save report numbering", "settings", 0, nil, n)
	})
}

// reportNumber is a day's number: the one it was issued under, or the next.
func (db *DB) reportNumber(ctx context.Context, day time.Time) (int, error) {
	var n sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, "SELECT max(number) FROM daily_reports WHERE day = ?", formatDate(day)).Scan(&n); err != nil {
		return 0, fmt.Errorf("report number: %w", err)
	}
	if n.Valid {
		return int(n.Int64), nil
	}
	first, err := db.FirstReportNumber(ctx)
	if err != nil {
		return 0, err
	}
	var days int
	if err := db.sql.QueryRowContext(ctx, "SELECT count(DISTINCT day) FROM daily_reports").Scan(&days); err != nil {
		return 0, fmt.Errorf("report number: %w", err)
	}
	return first + days, nil
}

// IssueReport freezes a day's report as computed now and returns it with
// its number and version.
func (db *DB) IssueReport(ctx context.Context, day time.Time, events, filledBy, reviewedBy string) (DailyReport, error) {
	r, err := db.DraftReport(ctx, day, events, filledBy, reviewedBy)
	if err != nil {
		return r, err
	}
	if err := checkText("events", r.Events, 2000); err != nil {
		return r, fmt.Errorf("issue report: %w", err)
	}
	for field, v := range map[string]string{"filled_by": r.FilledBy, "reviewed_by": r.ReviewedBy} {
		if err := checkText(field, v, maxName); err != nil {
			return r, fmt.Errorf("issue report: %w", err)
		}
	}
	figures, err := json.Marshal(struct{ Today, Yesterday DailyFigures }{r.Today, r.Yesterday})
	if err != nil {
		return r, fmt.Errorf("issue report: %w", err)
	}
	r.IssuedAt = db.now()
	err = db.write(ctx, "issue report", func(tx *sql.Tx) error {
		// The number again inside the transaction, so two issues at once
		// can't take the same one.
		var last sql.NullInt64
		var number sql.NullInt64
		if err := tx.QueryRowContext(ctx, "SELECT max(version), max(number) FROM daily_reports WHERE day = ?",
			formatDate(day)).Scan(&last, &number); err != nil {
			return err
		}
		r.Version = int(last.Int64) + 1
		if number.Valid {
			r.Number = int(number.Int64)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO daily_reports (day, number, version, figures, events, filled_by,
			reviewed_by, issued_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, formatDate(day), r.Number, r.Version,
			string(figures), r.Events, r.FilledBy, r.ReviewedBy, formatTime(r.IssuedAt), OperatorFrom(ctx).Name)
		if err != nil {
			return err
		}
		if r.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return db.audit(ctx, tx, "issue report", "daily_reports", r.ID, nil, map[string]any{"Day": formatDate(day), "Number": r.Number, "Version": r.Version})
	})
	return r, err
}

// IssuedReport reads an issued report back exactly as it was issued.
func (db *DB) IssuedReport(ctx context.Context, id int64) (DailyReport, error) {
	var r DailyReport
	var figures, issued string
	err := db.sql.QueryRowContext(ctx, `SELECT id, number, version, figures, events, filled_by, reviewed_by, issued_at
		FROM daily_reports WHERE id = ?`, id).Scan(&r.ID, &r.Number, &r.Version, &figures, &r.Events, &r.FilledBy, &r.ReviewedBy, &issued)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("read report %d: %w", id, err)
	}
	var f struct{ Today, Yesterday DailyFigures }
	if err := json.Unmarshal([]byte(figures), &f); err != nil {
		return r, fmt.Errorf("read report %d: %w", id, err)
	}
	r.Today, r.Yesterday, r.IssuedAt = f.Today, f.Yesterday, parseTime(issued)
	return r, nil
}

// IssuedReportLine is one issued report in the list.
type IssuedReportLine struct {
	ID       int64
	Day      time.Time
	Number   int
	Version  int
	IssuedAt time.Time
	Operator string
}

// IssuedReports lists every issued report, newest first.
func (db *DB) IssuedReports(ctx context.Context) ([]IssuedReportLine, error) {
	return queryAll(ctx, db, "list issued reports", func(row scanner) (IssuedReportLine, error) {
		var l IssuedReportLine
		var day, at string
		err := row.Scan(&l.ID, &day, &l.Number, &l.Version, &at, &l.Operator)
		l.Day, l.IssuedAt = parseDate(day), parseTime(at)
		return l, err
	}, "SELECT id, day, number, version, issued_at, operator FROM daily_reports ORDER BY day DESC, version DESC")
}
