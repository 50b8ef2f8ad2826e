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
// comparison, the clerk's notable events and who filled, checked and
// signed it. An issued one has its number (第N期) and version.
type DailyReport struct {
	ID        int64
	Number    int
	Version   int  // 1, then 2… for each re-issue (修订)
	Backfill  bool // 补报: issued after the report of a later day
	Today     DailyFigures
	Yesterday DailyFigures
	ReportInput
	IssuedAt time.Time
}

// ReportInput is what the clerk types on the report: the rest is computed.
type ReportInput struct {
	Events       string
	FilledBy     string // 填报人
	ReviewedBy   string // 审核人
	SignedBy     string // 签发人
	RevisionNote string // 修订说明: why a day is issued again
}

// Revised reports whether this is a re-issue.
func (r DailyReport) Revised() bool { return r.Version > 1 }

// ErrFutureDay means a report was asked for a day that has not begun.
var ErrFutureDay = errors.New("the day has not begun")

// DraftReport computes a day's report as it would be issued now: its
// figures as recorded so far, compared with the day before up to the same
// time of day when the day is still running, and the number and version
// it would take.
func (db *DB) DraftReport(ctx context.Context, day time.Time, in ReportInput) (DailyReport, error) {
	r := DailyReport{ReportInput: ReportInput{Events: clean(in.Events), FilledBy: clean(in.FilledBy),
		ReviewedBy: clean(in.ReviewedBy), SignedBy: clean(in.SignedBy), RevisionNote: clean(in.RevisionNote)}}
	now := db.now()
	day = StartOfDay(day)
	if day.After(now) {
		return r, fmt.Errorf("draft report %s: %w", formatDate(day), ErrFutureDay)
	}
	var err error
	if r.Today, err = db.figuresAsOf(ctx, day, now); err != nil {
		return r, err
	}
	yesterdayAsOf := now
	if r.Today.PartDay() {
		yesterdayAsOf = now.AddDate(0, 0, -1)
	}
	if r.Yesterday, err = db.figuresAsOf(ctx, day.AddDate(0, 0, -1), yesterdayAsOf); err != nil {
		return r, err
	}
	err = db.numberReport(ctx, db.reader(ctx), &r)
	return r, err
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
		return db.audit(ctx, tx, ActSaveReportNumber, "settings", 0, nil, n)
	})
}

// numberReport gives a report its number, version and 补报 mark.
func (db *DB) numberReport(ctx context.Context, q querier, r *DailyReport) (err error) {
	r.Number, r.Version, r.Backfill, err = db.nextNumber(ctx, q, "daily_reports", r.Today.Day)
	return err
}

// nextNumber is the number, version and 补报 mark a report of day takes in
// table: a day issued before keeps its number and takes the next version;
// a new day takes the next number, and is 补报 when a later day was issued
// first. Numbers so follow the dates, except for a day filed late, which
// says so.
func (db *DB) nextNumber(ctx context.Context, q querier, table string, day time.Time) (number, version int, backfill bool, err error) {
	d := formatDate(StartOfDay(day))
	var v, n sql.NullInt64
	var b sql.NullBool
	if err := q.QueryRowContext(ctx, "SELECT max(version), max(number), max(backfill) FROM "+table+" WHERE day = ?",
		d).Scan(&v, &n, &b); err != nil {
		return 0, 0, false, fmt.Errorf("report number: %w", err)
	}
	if n.Valid {
		return int(n.Int64), int(v.Int64) + 1, b.Bool, nil
	}
	first, err := db.FirstReportNumber(ctx)
	if err != nil {
		return 0, 0, false, err
	}
	var days, later int
	if err := q.QueryRowContext(ctx, "SELECT count(DISTINCT day), count(DISTINCT day) FILTER (WHERE day > ?) FROM "+table,
		d).Scan(&days, &later); err != nil {
		return 0, 0, false, fmt.Errorf("report number: %w", err)
	}
	return first + days, 1, later > 0, nil
}

// IssueReport freezes a day's report as computed now, numbers it, and
// hands it to write (which prints its files) before anything is kept: if
// write fails, nothing is issued. A re-issue needs a 修订说明.
func (db *DB) IssueReport(ctx context.Context, day time.Time, in ReportInput, write func(DailyReport) error) (DailyReport, error) {
	r, err := db.DraftReport(ctx, day, in)
	if err != nil {
		return r, err
	}
	figures, err := json.Marshal(struct{ Today, Yesterday DailyFigures }{r.Today, r.Yesterday})
	if err != nil {
		return r, fmt.Errorf("issue report: %w", err)
	}
	r.ID, err = db.issue(ctx, ActIssueReport, "daily_reports", r.Today.Day, r.ReportInput, figures, func(is issued) error {
		r.Number, r.Version, r.Backfill, r.RevisionNote, r.IssuedAt = is.number, is.version, is.backfill, is.note, is.at
		return write(r)
	})
	return r, err
}

// MaxEvents is how long a report's 重要情况 may be, in characters.
const MaxEvents = 2000

// issued is a report's place in its series as it is issued.
type issued struct {
	number, version int
	backfill        bool
	note            string // 修订说明, on a revision only
	at              time.Time
}

// issue keeps a report of day in table (daily_reports or county_reports),
// numbered inside the transaction so two issues at once can't take the
// same number or version; write sees its number and prints its files
// first, and nothing is kept if it fails.
func (db *DB) issue(ctx context.Context, action Action, table string, day time.Time, in ReportInput, figures []byte,
	write func(issued) error) (id int64, err error) {
	if err := checkText("events", in.Events, MaxEvents); err != nil {
		return 0, fmt.Errorf("%s: %w", action, err)
	}
	for field, v := range map[string]string{"filled_by": in.FilledBy, "reviewed_by": in.ReviewedBy, "signed_by": in.SignedBy} {
		if err := checkText(field, v, maxName); err != nil {
			return 0, fmt.Errorf("%s: %w", action, err)
		}
	}
	err = db.write(ctx, string(action), func(tx *sql.Tx) error {
		var is issued
		var err error
		if is.number, is.version, is.backfill, err = db.nextNumber(ctx, tx, table, day); err != nil {
			return err
		}
		if is.version > 1 {
			if is.note, err = reasonText("revision_note", in.RevisionNote); err != nil {
				return err
			}
		}
		is.at = db.now()
		if err := write(is); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (day, number, version, figures, events, filled_by,
			reviewed_by, signed_by, revision_note, backfill, issued_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			formatDate(StartOfDay(day)), is.number, is.version, string(figures), in.Events, in.FilledBy, in.ReviewedBy, in.SignedBy,
			is.note, boolInt(is.backfill), formatTime(is.at), OperatorFrom(ctx).Name)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return db.audit(ctx, tx, action, table, id, nil,
			map[string]any{"Day": formatDate(StartOfDay(day)), "Number": is.number, "Version": is.version, "Backfill": is.backfill})
	})
	return id, err
}

// IssuedReport reads an issued report back exactly as it was issued.
func (db *DB) IssuedReport(ctx context.Context, id int64) (DailyReport, error) {
	var r DailyReport
	var figures, issued string
	err := db.reader(ctx).QueryRowContext(ctx, `SELECT id, number, version, backfill, figures, events, filled_by, reviewed_by,
		signed_by, revision_note, issued_at FROM daily_reports WHERE id = ?`, id).Scan(&r.ID, &r.Number, &r.Version,
		&r.Backfill, &figures, &r.Events, &r.FilledBy, &r.ReviewedBy, &r.SignedBy, &r.RevisionNote, &issued)
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
	if r.Today.AsOf.IsZero() {
		// Issued before the figures said where they stop (at the issue)
		// and before key items carried their days of supply (unknown, not 0).
		r.Today.AsOf = r.Today.Day.AddDate(0, 0, 1)
		if r.IssuedAt.Before(r.Today.AsOf) {
			r.Today.AsOf = r.IssuedAt
		}
		r.Yesterday.AsOf = r.Today.Day
		for _, items := range [][]ItemFigures{r.Today.KeyItems, r.Yesterday.KeyItems} {
			for i := range items {
				items[i].DaysLeft = -1
			}
		}
	}
	return r, nil
}

// LatestIssued is the newest version issued for a day; ErrNotFound if the
// day was never issued.
func (db *DB) LatestIssued(ctx context.Context, day time.Time) (DailyReport, error) {
	id, err := db.latestID(ctx, "daily_reports", day)
	if err != nil {
		return DailyReport{}, err
	}
	return db.IssuedReport(ctx, id)
}

// latestID is the newest version of a day's report in table; ErrNotFound
// if the day was never issued.
func (db *DB) latestID(ctx context.Context, table string, day time.Time) (int64, error) {
	var id int64
	err := db.reader(ctx).QueryRowContext(ctx, "SELECT id FROM "+table+" WHERE day = ? ORDER BY version DESC LIMIT 1",
		formatDate(StartOfDay(day))).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("latest report of %s: %w", formatDate(day), err)
	}
	return id, nil
}

// IssuedReportLine is one issued report in the list.
type IssuedReportLine struct {
	ID       int64
	Day      time.Time
	Number   int
	Version  int
	Backfill bool
	IssuedAt time.Time
	Operator string
}

// IssuedReports lists every issued report, newest first.
func (db *DB) IssuedReports(ctx context.Context) ([]IssuedReportLine, error) {
	return db.issuedLines(ctx, "daily_reports")
}

// issuedLines lists the reports issued in table, newest first.
func (db *DB) issuedLines(ctx context.Context, table string) ([]IssuedReportLine, error) {
	return queryAll(ctx, db, "list issued reports", func(row scanner) (IssuedReportLine, error) {
		var l IssuedReportLine
		var day, at string
		err := row.Scan(&l.ID, &day, &l.Number, &l.Version, &l.Backfill, &at, &l.Operator)
		l.Day, l.IssuedAt = parseDate(day), parseTime(at)
		return l, err
	}, "SELECT id, day, number, version, backfill, issued_at, operator FROM "+table+" ORDER BY day DESC, version DESC")
}
