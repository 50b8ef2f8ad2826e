package app

import (
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	"fangkong/data"
	"fangkong/reports"
)

// countyBench is a county database with the demo's month: twelve
// townships and their report files.
func countyBench(b *testing.B) (*App, []string) {
	b.Helper()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTest(b, &now)
	if err := a.Demo(context.Background(), ScaleCounty); err != nil {
		b.Fatal(err)
	}
	files, err := ReportFilesIn(filepath.Join(a.SubmissionsDir(), "演示"))
	if err != nil || len(files) < 12*28 {
		b.Fatalf("%d demo files: %v", len(files), err)
	}
	return a, files
}

// BenchmarkImportCountyMonth imports the twelve townships' month of report
// files (about 360) into a county database where they are registered.
func BenchmarkImportCountyMonth(b *testing.B) {
	_, files := countyBench(b)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
		county := openTest(b, &now)
		seen := map[string]bool{}
		for _, f := range files {
			t, err := TownshipFromFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if !seen[t.Name] {
				seen[t.Name] = true
				if _, err := county.DB.SaveTownship(ctx, t); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.StartTimer()
		receipts, err := county.ImportReportFiles(ctx, files)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range receipts {
			if r.Outcome != data.Received {
				b.Fatalf("%s: %v %v", r.File, r.Outcome, r.Err)
			}
		}
	}
	b.ReportMetric(float64(len(files)), "files/op")
}

// BenchmarkCountyReportDay gathers a day across the county (with the
// month's reporting rate) and prints the county report.
func BenchmarkCountyReportDay(b *testing.B) {
	a, _ := countyBench(b)
	ctx := context.Background()
	day := a.Now().AddDate(0, 0, -1)
	for b.Loop() {
		r, err := a.DB.DraftCountyReport(ctx, day, data.ReportInput{})
		if err != nil {
			b.Fatal(err)
		}
		if err := reports.CountyReportPDF(io.Discard, r, a.Now()); err != nil {
			b.Fatal(err)
		}
	}
}
