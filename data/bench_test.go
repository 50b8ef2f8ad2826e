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

// largestSite is the site with the most rooms in the bench database.
func largestSite(b *testing.B, db *DB) int64 {
	var id int64
	err := db.sql.QueryRow("SELECT site_id FROM rooms GROUP BY site_id ORDER BY count(*) DESC LIMIT 1").Scan(&id)
	if err != nil {
		b.Fatal(err)
	}
	return id
}

func BenchmarkRoomBoardLargestSite(b *testing.B) {
	db := benchDB(b)
	site := largestSite(b, db)
	for b.Loop() {
		board, err := db.RoomBoard(context.Background(), site, time.Now())
		if err != nil || len(board) < 100 {
			b.Fatalf("%d rooms, %v", len(board), err)
		}
	}
}

func BenchmarkDueListAllSites(b *testing.B) {
	db := benchDB(b)
	for b.Loop() {
		if _, err := db.Due(context.Background(), 0, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGuestSearchByIDSuffix(b *testing.B) {
	db := benchDB(b)
	for b.Loop() {
		if _, err := db.Guests(context.Background(), GuestQuery{Text: "3302"}); err != nil {
			b.Fatal(err)
		}
	}
}
