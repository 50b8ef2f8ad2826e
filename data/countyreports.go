package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// CountyReport is the county's 全县疫情防控工作日报 of a day: the townships'
// reports as received, numbered in the county's own series.
type CountyReport struct {
	ID       int64
	Number   int
	Version  int
	Backfill bool
	Day      CountyDay
	ReportInput
	IssuedAt time.Time
}

// Revised reports whether this is a re-issue.
func (r CountyReport) Revised() bool { return r.Version > 1 }

// DraftCountyReport is a day's county report as it would be issued now.
func (db *DB) DraftCountyReport(ctx context.Context, day time.Time, in ReportInput) (CountyReport, error) {
	r := CountyReport{ReportInput: ReportInput{Events: clean(in.Events), FilledBy: clean(in.FilledBy),
		ReviewedBy: clean(in.ReviewedBy), SignedBy: clean(in.SignedBy), RevisionNote: clean(in.RevisionNote)}}
	day = StartOfDay(day)
	if day.After(db.now()) {
		return r, fmt.Errorf("draft county report %s: %w", formatDate(day), ErrFutureDay)
	}
	var err error
	if r.Day, err = db.CountyDay(ctx, day); err != nil {
		return r, err
	}
	r.Number, r.Version, r.Backfill, err = db.nextNumber(ctx, db.reader(ctx), "county_reports", day)
	return r, err
}

// IssueCountyReport freezes the county's report of a day as it stands now
// and hands it to write (its files) before anything is kept. A re-issue
// needs a 修订说明.
func (db *DB) IssueCountyReport(ctx context.Context, day time.Time, in ReportInput, write func(CountyReport) error) (CountyReport, error) {
	r, err := db.DraftCountyReport(ctx, day, in)
	if err != nil {
		return r, err
	}
	figures, err := json.Marshal(r.Day)
	if err != nil {
		return r, fmt.Errorf("issue county report: %w", err)
	}
	r.ID, err = db.issue(ctx, ActIssueCountyReport, "county_reports", r.Day.Day, r.ReportInput, figures, func(is issued) error {
		r.Number, r.Version, r.Backfill, r.RevisionNote, r.IssuedAt = is.number, is.version, is.backfill, is.note, is.at
		return write(r)
	})
	return r, err
}

// IssuedCountyReport reads a county report back as it was issued.
func (db *DB) IssuedCountyReport(ctx context.Context, id int64) (CountyReport, error) {
	var r CountyReport
	var figures, issued string
	err := db.reader(ctx).QueryRowContext(ctx, `SELECT id, number, version, backfill, figures, events, filled_by, reviewed_by,
		signed_by, revision_note, issued_at FROM county_reports WHERE id = ?`, id).Scan(&r.ID, &r.Number, &r.Version,
		&r.Backfill, &figures, &r.Events, &r.FilledBy, &r.ReviewedBy, &r.SignedBy, &r.RevisionNote, &issued)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err == nil {
		err = json.Unmarshal([]byte(figures), &r.Day)
	}
	if err != nil {
		return r, fmt.Errorf("read county report %d: %w", id, err)
	}
	r.IssuedAt = parseTime(issued)
	return r, nil
}

// IssuedCountyReports lists the county's issued reports, newest first.
func (db *DB) IssuedCountyReports(ctx context.Context) ([]IssuedReportLine, error) {
	return db.issuedLines(ctx, "county_reports")
}

// LatestCountyReport is the newest version issued for a day; ErrNotFound
// if the day was never issued.
func (db *DB) LatestCountyReport(ctx context.Context, day time.Time) (CountyReport, error) {
	id, err := db.latestID(ctx, "county_reports", day)
	if err != nil {
		return CountyReport{}, err
	}
	return db.IssuedCountyReport(ctx, id)
}
