package reports

import (
	"context"
	"io"
	"os"
	"testing"
	"time"

	"fangkong/data"
)

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
