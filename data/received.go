package data

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ReceivedFile is a township's report file as read and checked for its
// signature: what the county keeps of it.
type ReceivedFile struct {
	Name   string // the file's name, for the list and the messages
	Digest string // SHA-256 of the file: the same file twice is one
	Key    ed25519.PublicKey
	Report Submission
	Signed []byte // the report's JSON exactly as signed
}

// FileReceipt says what became of one file of an import.
type FileReceipt struct {
	File     string
	Township string
	Day      time.Time
	Version  int
	Outcome  FileOutcome
	Err      error // why it was refused
}

// FileOutcome is what an import did with a file.
type FileOutcome int

const (
	Received        FileOutcome = iota // new, and kept
	AlreadyReceived                    // this very file was received before
	Refused                            // bad, foreign or conflicting: see Err
)

// ReceiveReports keeps every file that can be kept, in one transaction,
// and says for each what became of it: a file signed by a township not
// registered here, for a day not yet begun, or a different file under a
// version already received is refused; the rest are kept all together.
func (db *DB) ReceiveReports(ctx context.Context, files []ReceivedFile) ([]FileReceipt, error) {
	out := make([]FileReceipt, len(files))
	err := db.write(ctx, "receive reports", func(tx *sql.Tx) error {
		byKey := map[string]Township{}
		ts, err := queryAll(context.WithValue(ctx, batchKey{}, tx), db, "list townships", scanTownship,
			"SELECT "+townshipColumns+" FROM townships")
		if err != nil {
			return err
		}
		for _, t := range ts {
			byKey[string(t.PublicKey)] = t
		}
		now := db.now()
		received := 0
		for i, f := range files {
			r := &out[i]
			*r = FileReceipt{File: f.Name, Township: f.Report.Township, Day: StartOfDay(f.Report.Day), Version: f.Report.Version}
			t, ok := byKey[string(f.Key)]
			if !ok {
				r.Outcome, r.Err = Refused, ErrUnknownTownship
				continue
			}
			r.Township = t.Name
			if f.Report.Version < 1 || f.Report.Number < 1 {
				r.Outcome, r.Err = Refused, ErrNotReportFile
				continue
			}
			if r.Day.After(now) {
				r.Outcome, r.Err = Refused, ErrReportFileFuture
				continue
			}
			var had string
			err := tx.QueryRowContext(ctx, "SELECT digest FROM received_reports WHERE digest = ? OR (township_id = ? AND day = ? AND version = ?)",
				f.Digest, t.ID, formatDate(r.Day), f.Report.Version).Scan(&had)
			switch {
			case err == nil && had == f.Digest:
				r.Outcome = AlreadyReceived
				continue
			case err == nil:
				r.Outcome, r.Err = Refused, ErrVersionConflict
				continue
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO received_reports (township_id, day, number, version, issued_at, zero,
				digest, figures, file_name, received_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				t.ID, formatDate(r.Day), f.Report.Number, f.Report.Version, formatTime(f.Report.IssuedAt), boolInt(f.Report.Zero),
				f.Digest, string(f.Signed), f.Name, formatTime(now), OperatorFrom(ctx).Name); err != nil {
				return err
			}
			received++
		}
		if received == 0 {
			return nil
		}
		return db.audit(ctx, tx, ActReceiveReports, "received_reports", 0, nil, received)
	})
	return out, err
}

// ReportStatus is where a township stands with a day's report (报送情况).
type ReportStatus int

const (
	NotReported  ReportStatus = iota // 未报
	Reported                         // 已报
	ZeroReported                     // 零报告: reported, nothing abnormal
)

// TownshipDay is a township's report of a day as the county has it: the
// newest version received counts.
type TownshipDay struct {
	Township   Township
	Status     ReportStatus
	OnTime     bool      // the first version was issued by the deadline
	FirstAt    time.Time // when the first version was issued
	Versions   int       // how many versions were received
	ReceivedAt time.Time // when the counted version was received
	Report     Submission
}

// CountyDay is a day across the county: every township expected to
// report (registered, active, reporting since the day or before) and any
// other that did, by name.
type CountyDay struct {
	Day       time.Time
	AsOf      time.Time // the files received by this moment count
	County    PostInfo
	Deadline  time.Time
	Townships []TownshipDay
	Month     Rate // the reporting rate of the month up to the day (CountyDay only)
}

// CountyDay gathers a day's received reports as they stand now, with the
// month's reporting rate up to the day.
func (db *DB) CountyDay(ctx context.Context, day time.Time) (CountyDay, error) {
	day = StartOfDay(day)
	days, err := db.countyDays(ctx, day.AddDate(0, 0, 1-day.Day()), day, day)
	if err != nil {
		return CountyDay{}, err
	}
	c := days[len(days)-1]
	for _, d := range days {
		c.Month.Add(d.Rate())
	}
	return c, nil
}

// CountyDays gathers the received reports of every day from first to
// last, in one read.
func (db *DB) CountyDays(ctx context.Context, first, last time.Time) ([]CountyDay, error) {
	return db.countyDays(ctx, first, last, first)
}

// countyDays reads the reports' figures from the day figuresFrom on; the
// days before it get their statuses only, for a reporting rate.
func (db *DB) countyDays(ctx context.Context, first, last, figuresFrom time.Time) ([]CountyDay, error) {
	first, last = StartOfDay(first), StartOfDay(last)
	post, err := db.PostInfo(ctx)
	if err != nil {
		return nil, err
	}
	deadline, err := db.Deadline(ctx)
	if err != nil {
		return nil, err
	}
	townships, err := db.Townships(ctx)
	if err != nil {
		return nil, err
	}
	type key struct {
		township int64
		day      string
	}
	latest := map[key]TownshipDay{}
	type row struct {
		key
		versions       int
		first, receive string
		zero           bool
		figures        string
	}
	// The newest version of each township's day, with how many there are
	// and when the first was issued: one pass over the day index.
	rows, err := queryAll(ctx, db, "read received reports", func(s scanner) (row, error) {
		var r row
		err := s.Scan(&r.township, &r.day, &r.versions, &r.first, &r.receive, &r.zero, &r.figures)
		return r, err
	}, `SELECT r.township_id, r.day, v.n, v.first, r.received_at, r.zero, CASE WHEN r.day >= ?3 THEN r.figures ELSE '' END
		FROM (SELECT township_id, day, count(*) AS n, max(version) AS top, min(issued_at) AS first
		      FROM received_reports WHERE day BETWEEN ?1 AND ?2 GROUP BY township_id, day) v
		JOIN received_reports r ON r.township_id = v.township_id AND r.day = v.day AND r.version = v.top`,
		formatDate(first), formatDate(last), formatDate(StartOfDay(figuresFrom)))
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		var s Submission
		if r.figures != "" {
			if err := json.Unmarshal([]byte(r.figures), &s); err != nil {
				return nil, fmt.Errorf("read received report of %s: %w", r.day, err)
			}
		}
		d := TownshipDay{Status: Reported, Versions: r.versions, FirstAt: parseTime(r.first), ReceivedAt: parseTime(r.receive), Report: s}
		if r.zero {
			d.Status = ZeroReported
		}
		latest[r.key] = d
	}
	now := db.now()
	var out []CountyDay
	for day := first; !day.After(last); day = day.AddDate(0, 0, 1) {
		c := CountyDay{Day: day, AsOf: now, County: post, Deadline: deadline.For(day)}
		for _, t := range townships {
			d, ok := latest[key{t.ID, formatDate(day)}]
			if !ok && (!t.Active || t.Since.After(day)) {
				continue
			}
			d.Township = t
			d.OnTime = ok && !d.FirstAt.After(c.Deadline)
			c.Townships = append(c.Townships, d)
		}
		out = append(out, c)
	}
	return out, nil
}

// Rate is a reporting-rate summary as DHIS2 gives it: reports expected,
// received, and received on time.
type Rate struct{ Expected, Actual, OnTime int }

// Rate sums a day's reporting.
func (c CountyDay) Rate() Rate {
	var r Rate
	for _, t := range c.Townships {
		if t.Township.Active && !t.Township.Since.After(c.Day) {
			r.Expected++
		}
		if t.Status != NotReported {
			r.Actual++
			if t.OnTime {
				r.OnTime++
			}
		}
	}
	return r
}

// Add sums rates.
func (r *Rate) Add(o Rate) {
	r.Expected += o.Expected
	r.Actual += o.Actual
	r.OnTime += o.OnTime
}

// Missing names the townships that have not reported.
func (c CountyDay) Missing() []TownshipDay {
	var out []TownshipDay
	for _, t := range c.Townships {
		if t.Status == NotReported {
			out = append(out, t)
		}
	}
	return out
}

// CountyItem is a key item summed over the townships that reported it.
type CountyItem struct {
	Item      string
	Unit      string
	OnHand    int
	In, Out   int
	DailyUse  float64
	Townships int
}

// DaysLeft is the county's days of supply: all stock over all use; -1
// when none was used.
func (i CountyItem) DaysLeft() float64 {
	if i.DailyUse <= 0 {
		return -1
	}
	return float64(i.OnHand) / i.DailyUse
}

// Totals sums the reports of the day: the checkpoints, the isolation
// sites and the key items (in the order the townships list them).
func (c CountyDay) Totals() (posts SubmittedCounts, sites SubmittedSite, items []CountyItem) {
	at := map[string]int{}
	var all []Submission
	for _, t := range c.Townships {
		if t.Status != NotReported {
			all = append(all, t.Report)
		}
	}
	for _, s := range all {
		p := s.PostsTotal
		posts.Vehicles += p.Vehicles
		posts.People += p.People
		posts.TurnedBack += p.TurnedBack
		posts.Fevers += p.Fevers
		posts.HandedOver += p.HandedOver
		sites = sumSubmittedSites(append([]SubmittedSite{sites}, s.Sites...))
		for _, it := range s.Items {
			k := it.Item + "|" + it.Unit
			i, ok := at[k]
			if !ok {
				i = len(items)
				at[k] = i
				items = append(items, CountyItem{Item: it.Item, Unit: it.Unit})
			}
			x := &items[i]
			x.OnHand += it.OnHand
			x.In += it.In
			x.Out += it.Out
			x.DailyUse += it.DailyUse
			x.Townships++
		}
	}
	return posts, sites, items
}
