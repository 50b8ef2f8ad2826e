package reports

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"fangkong/data"
)

// The masthead is set in Song when the Song face has every character of
// it, and in Hei, still drawn and not boxed, when it lacks one (亍 is in
// GB 2312 level 2, outside the Song subset).
func TestMastheadFallsBackToHei(t *testing.T) {
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)
	for _, c := range []struct {
		township, face string
	}{{"城关镇", songFamily}, {"亍口镇", fontFamily}} {
		post := data.PostInfo{Township: c.township, PostName: c.township + "疫情防控指挥部"}
		if got := NewOfficialDoc("").face(DailyTitle(post)); got != c.face {
			t.Errorf("%s: masthead face %s, want %s", c.township, got, c.face)
		}
		r := data.DailyReport{Number: 1, Version: 1, Today: data.DailyFigures{Day: day, AsOf: day.AddDate(0, 0, 1), Post: post}}
		var buf bytes.Buffer
		if err := DailyReportPDF(&buf, r, day); err != nil {
			t.Fatal(err)
		}
		text, _ := readPDF(t, buf.Bytes())
		if !strings.Contains(strings.Join(strings.Fields(text), ""), c.township+"疫情防控工作日报") {
			t.Errorf("%s: masthead not printed: %.100s", c.township, text)
		}
	}
	if NewDoc(false, "").face("城关镇") != fontFamily {
		t.Error("an ordinary document uses the Song face")
	}
}

// BenchmarkDailyReportPDF renders a busy day's report from the year of
// demo data that `make bench` prepares.
func BenchmarkDailyReportPDF(b *testing.B) {
	path := os.Getenv("FANGKONG_BENCH_DB")
	if path == "" {
		b.Skip("FANGKONG_BENCH_DB not set: run make bench")
	}
	db, err := data.Open(context.Background(), path, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	r, err := db.DraftReport(context.Background(), time.Now().AddDate(0, 0, -1), data.ReportInput{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := DailyReportPDF(io.Discard, r, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}
