package data

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"
)

// registered is a township with its key, registered on db.
func registered(t *testing.T, db *DB, name string, since time.Time) (Township, ed25519.PrivateKey) {
	t.Helper()
	pub, key, _ := ed25519.GenerateKey(nil)
	id, err := db.SaveTownship(context.Background(), Township{Name: name, Phone: "0913-6110000", PublicKey: pub, Since: since, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	return Township{ID: id, Name: name, PublicKey: pub, Since: since, Active: true}, key
}

// file is a report file as the county reads it (the signature was checked
// before: here only what the county keeps is tested).
func file(key ed25519.PrivateKey, s Submission) ReceivedFile {
	b, _ := json.Marshal(s)
	return ReceivedFile{Name: fmt.Sprintf("%s-%s-v%d.fkrpt", s.Township, s.Day.Format("0102"), s.Version),
		Digest: fmt.Sprintf("%x", ed25519.Sign(key, b))[:64], Key: key.Public().(ed25519.PublicKey), Report: s, Signed: b}
}

func TestReceiveReportsKeepsWhatItCanAndSaysWhy(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.Local)
	_, east := registered(t, db, "东关镇", day.AddDate(0, 0, -10))
	_, stranger, _ := ed25519.GenerateKey(nil)
	first := file(east, Submission{Township: "东关镇", Day: day, Number: 5, Version: 1, IssuedAt: day.Add(30 * time.Hour)})
	other := first
	other.Digest = "another file under the same version"
	future := file(east, Submission{Township: "东关镇", Day: day.AddDate(0, 0, 2), Number: 6, Version: 1})
	foreign := file(stranger, Submission{Township: "外县某镇", Day: day, Number: 1, Version: 1})
	got, err := db.ReceiveReports(ctx, []ReceivedFile{first, foreign, future, first, other})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		outcome FileOutcome
		err     error
	}{{Received, nil}, {Refused, ErrUnknownTownship}, {Refused, ErrReportFileFuture}, {AlreadyReceived, nil}, {Refused, ErrVersionConflict}}
	for i, w := range want {
		if got[i].Outcome != w.outcome || !errors.Is(got[i].Err, w.err) {
			t.Errorf("file %d: %v %v, want %v %v", i, got[i].Outcome, got[i].Err, w.outcome, w.err)
		}
	}
	var n int
	db.sql.QueryRow("SELECT count(*) FROM received_reports").Scan(&n)
	if n != 1 {
		t.Fatalf("%d files kept, want 1", n)
	}
	if _, err := db.sql.Exec("UPDATE received_reports SET number = 9"); err == nil {
		t.Fatal("a received report was changed")
	}
}

// On time is judged by the first version's issue against the deadline; a
// township is expected from its first day; the newest version counts.
func TestReportingStatusAndRate(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	d := func(day int) time.Time { return time.Date(2026, 11, day, 0, 0, 0, 0, time.Local) }
	east, eastKey := registered(t, db, "东关镇", d(1))
	_, westKey := registered(t, db, "西岭镇", d(20)) // reports from the 20th
	_, southKey := registered(t, db, "南川镇", d(1))
	if err := db.SaveDeadline(ctx, Deadline{NextDay: true, Minutes: 13 * 60}); err != nil {
		t.Fatal(err)
	}
	deadline := d(23).AddDate(0, 0, 1).Add(13 * time.Hour)
	files := []ReceivedFile{
		// 东关镇: on the dot, then re-issued late with more people.
		file(eastKey, Submission{Township: "东关镇", Day: d(23), Number: 23, Version: 1, IssuedAt: deadline,
			PostsTotal: SubmittedCounts{People: 100}}),
		file(eastKey, Submission{Township: "东关镇", Day: d(23), Number: 23, Version: 2, IssuedAt: deadline.Add(5 * time.Hour),
			PostsTotal: SubmittedCounts{People: 140}, Events: "补录"}),
		// 西岭镇: a minute late, a zero report.
		file(westKey, Submission{Township: "西岭镇", Day: d(23), Number: 4, Version: 1, IssuedAt: deadline.Add(time.Minute),
			Zero: true, PostsTotal: SubmittedCounts{People: 60}}),
		// 南川镇 sends nothing for the 23rd; the 22nd on time.
		file(southKey, Submission{Township: "南川镇", Day: d(22), Number: 22, Version: 1, IssuedAt: d(22).Add(20 * time.Hour)}),
	}
	if _, err := db.ReceiveReports(ctx, files); err != nil {
		t.Fatal(err)
	}
	c, err := db.CountyDay(ctx, d(23))
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]TownshipDay{}
	for _, x := range c.Townships {
		status[x.Township.Name] = x
	}
	if e := status["东关镇"]; e.Status != Reported || !e.OnTime || e.Versions != 2 || e.Report.PostsTotal.People != 140 {
		t.Errorf("东关镇: %v on time %v, %d versions, %d people", e.Status, e.OnTime, e.Versions, e.Report.PostsTotal.People)
	}
	if w := status["西岭镇"]; w.Status != ZeroReported || w.OnTime {
		t.Errorf("西岭镇: %v on time %v", w.Status, w.OnTime)
	}
	if s := status["南川镇"]; s.Status != NotReported || len(c.Missing()) != 1 {
		t.Errorf("南川镇: %v, %d missing", s.Status, len(c.Missing()))
	}
	if r := c.Rate(); r != (Rate{Expected: 3, Actual: 2, OnTime: 1}) {
		t.Errorf("day rate %+v", r)
	}
	posts, _, _ := c.Totals()
	if posts.People != 200 {
		t.Errorf("county people %d, want 140 + 60", posts.People)
	}
	// The month up to the 23rd, counted by hand: 东关镇 and 南川镇 expected
	// 23 days each, 西岭镇 from the 20th (4 days): 50. Received: 东关镇 the
	// 23rd, 西岭镇 the 23rd, 南川镇 the 22nd: 3, on time 2.
	if c.Month != (Rate{Expected: 50, Actual: 3, OnTime: 2}) {
		t.Errorf("month rate %+v", c.Month)
	}
	// No longer expected: not counted, not named missing.
	east.Active = false
	if _, err := db.SaveTownship(ctx, east); err != nil {
		t.Fatal(err)
	}
	if c, _ := db.CountyDay(ctx, d(24)); len(c.Townships) != 2 || c.Rate().Expected != 2 {
		t.Errorf("with 东关镇 stopped: %d townships, %+v", len(c.Townships), c.Rate())
	}
}

// A township on a new PC signs with a new key: once it is registered,
// files with the old key are refused and those received stay its own.
func TestReplacedKey(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	day := time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)
	east, old := registered(t, db, "东关镇", day)
	if _, err := db.ReceiveReports(ctx, []ReceivedFile{file(old, Submission{Township: "东关镇", Day: day, Number: 1, Version: 1})}); err != nil {
		t.Fatal(err)
	}
	pub, key, _ := ed25519.GenerateKey(nil)
	if err := db.ReplaceTownshipKey(ctx, east.ID, pub); err != nil {
		t.Fatal(err)
	}
	got, err := db.ReceiveReports(ctx, []ReceivedFile{
		file(old, Submission{Township: "东关镇", Day: day.AddDate(0, 0, 1), Number: 2, Version: 1}),
		file(key, Submission{Township: "东关镇", Day: day.AddDate(0, 0, 1), Number: 2, Version: 1, Events: "新电脑"}),
	})
	if err != nil || !errors.Is(got[0].Err, ErrUnknownTownship) || got[1].Outcome != Received {
		t.Fatalf("after the new key: %+v %v", got, err)
	}
	days, _ := db.CountyDays(ctx, day, day.AddDate(0, 0, 1))
	if days[0].Townships[0].Status != Reported || days[1].Townships[0].Report.Events != "新电脑" {
		t.Fatalf("the township's days: %+v", days)
	}
}
