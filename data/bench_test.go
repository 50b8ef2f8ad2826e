package data

import (
	"context"
	"os"
	"testing"
	"time"
)

// benchDB opens the year of demo data that `make bench` prepares
// (`demo --scale year`); without it the benchmarks are skipped.
func benchDB(b *testing.B) *DB {
	b.Helper()
	path := os.Getenv("FANGKONG_BENCH_DB")
	if path == "" {
		b.Skip("FANGKONG_BENCH_DB not set: run make bench")
	}
	db, err := Open(context.Background(), path, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func BenchmarkOpenYearDatabase(b *testing.B) {
	path := benchDB(b).Path()
	for b.Loop() {
		db, err := Open(context.Background(), path, time.Now)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.PostInfo(context.Background()); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

func BenchmarkStaffList(b *testing.B) {
	db := benchDB(b)
	for b.Loop() {
		list, err := db.Staff(context.Background(), StaffQuery{IncludeInactive: true})
		if err != nil || len(list) < 100 {
			b.Fatalf("%d staff, %v", len(list), err)
		}
	}
}

func BenchmarkStaffSearch(b *testing.B) {
	db := benchDB(b)
	for b.Loop() {
		if _, err := db.Staff(context.Background(), StaffQuery{Text: "zh"}); err != nil {
			b.Fatal(err)
		}
	}
}
