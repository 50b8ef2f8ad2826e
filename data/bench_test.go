package data

import (
	"context"
	"fmt"
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
	compared(b, benchDB(b), func(db *DB) error {
		list, err := db.Staff(context.Background(), StaffQuery{IncludeInactive: true})
		return atLeast(len(list), 100, err)
	})
}

// atLeast is err, or an error when a benchmark found fewer than want.
func atLeast(n, want int, err error) error {
	if err == nil && n < want {
		err = fmt.Errorf("%d found, want at least %d", n, want)
	}
	return err
}

func BenchmarkStaffSearch(b *testing.B) {
	compared(b, benchDB(b), func(db *DB) error {
		_, err := db.Staff(context.Background(), StaffQuery{Text: "zh"})
		return err
	})
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
	compared(b, db, func(db *DB) error {
		board, err := db.RoomBoard(context.Background(), site, time.Now())
		return atLeast(len(board), 100, err)
	})
}

func BenchmarkDueListAllSites(b *testing.B) {
	compared(b, benchDB(b), func(db *DB) error {
		_, err := db.Due(context.Background(), 0, time.Now())
		return err
	})
}

func BenchmarkGuestSearchByIDSuffix(b *testing.B) {
	compared(b, benchDB(b), func(db *DB) error {
		_, err := db.Guests(context.Background(), GuestQuery{Text: "3302"})
		return err
	})
}

// The registration searches as the 查询 tab runs them: the first page,
// newest first.
func benchSearch(b *testing.B, text string) {
	compared(b, benchDB(b), func(db *DB) error {
		got, err := db.SearchRegistrations(context.Background(), RegistrationQuery{Text: text})
		return atLeast(len(got), 1, err)
	})
}

func BenchmarkRegistrationSearchByIDSuffix(b *testing.B) { benchSearch(b, "0013") }
func BenchmarkRegistrationSearchByPlate(b *testing.B)    { benchSearch(b, "陕G54321") }
func BenchmarkRegistrationSearchByName(b *testing.B)     { benchSearch(b, "王建") }

func BenchmarkRegisterOne(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	var post int64
	if err := db.sql.QueryRow("SELECT id FROM checkpoints WHERE closed_on IS NULL LIMIT 1").Scan(&post); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := db.Register(ctx, Registration{CheckpointID: post, Direction: "进", Name: "赵建国",
			IDNumber: "11010519491231002X", Phone: "13912345678", Plate: "陕G12345", Celsius: 36.5}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDayTotalsAllCheckpoints(b *testing.B) {
	compared(b, benchDB(b), func(db *DB) error {
		days, err := db.DayTotals(context.Background(), time.Now().AddDate(0, 0, -1))
		return atLeast(len(days), 12, err)
	})
}

// BenchmarkStockTable is the full stock view: every item at every location
// with its days of supply.
func BenchmarkStockTable(b *testing.B) {
	compared(b, benchDB(b), func(db *DB) error {
		view, err := db.Stock(context.Background(), time.Now())
		return atLeast(len(view.Lines), 100, err)
	})
}

// BenchmarkItemHistory is the history of the most moved item.
func BenchmarkItemHistory(b *testing.B) {
	db := benchDB(b)
	var item int64
	if err := db.sql.QueryRow("SELECT item_id FROM stock_moves GROUP BY item_id ORDER BY count(*) DESC LIMIT 1").Scan(&item); err != nil {
		b.Fatal(err)
	}
	compared(b, db, func(db *DB) error {
		hist, err := db.ItemHistory(context.Background(), item)
		return atLeast(len(hist), 100, err)
	})
}

// BenchmarkRoster120StaffOneMonth rosters 31 days for the 12 checkpoints
// (three shifts each here) and the command post, with 120 staff, in a
// fresh copy of that setup each time.
func BenchmarkRoster120StaffOneMonth(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, b.TempDir()+"/roster.db", time.Now)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	kinds := []string{"民警/辅警", "干部", "网格员", "志愿者", "医务人员", "党员"}
	for i := range 120 {
		if _, err := db.SaveStaff(ctx, Staff{Name: fmt.Sprintf("值班员%03d", i), Phone: fmt.Sprintf("139%08d", i),
			Kind: kinds[i%len(kinds)], MayLead: i%8 == 0, Active: true}); err != nil {
			b.Fatal(err)
		}
	}
	three := ThreeShifts.Shifts()
	for i := range 12 {
		kind := ""
		if i < 4 {
			kind = "民警/辅警"
		}
		if _, err := db.SaveCheckpoint(ctx, Checkpoint{Name: fmt.Sprintf("卡口%02d", i), Kind: "交通卡口", Shifts: three,
			StaffPerShift: 2, RequiredKind: kind, OpenedOn: time.Now().AddDate(0, -1, 0)}); err != nil {
			b.Fatal(err)
		}
	}
	from := StartOfDay(time.Now())
	for b.Loop() {
		if _, err := db.ClearRoster(ctx, from, from.AddDate(0, 0, 31)); err != nil {
			b.Fatal(err)
		}
		res, err := db.Roster(ctx, from, from.AddDate(0, 0, 31))
		if err != nil || res.Added < 31*12*3*2 {
			b.Fatalf("added %d, %d holes, %v", res.Added, len(res.Holes), err)
		}
	}
}

func BenchmarkRosterWeek(b *testing.B) {
	db := benchDB(b)
	for b.Loop() {
		w, err := db.RosterWeek(context.Background(), time.Now(), 7)
		if err != nil || len(w.Rows) < 20 {
			b.Fatalf("%d rows, %v", len(w.Rows), err)
		}
	}
}

// BenchmarkDailyFiguresBusyDay computes the daily report of yesterday,
// a full day of the year's data, with the day before for comparison.
// Beside it, the sqlite3 tool's time for the same statements.
func BenchmarkDailyFiguresBusyDay(b *testing.B) {
	db := benchDB(b)
	day := StartOfDay(time.Now()).AddDate(0, 0, -1)
	compareWithFloor(b, db.Path(), func(db *DB) error {
		_, err := db.DraftReport(context.Background(), day, ReportInput{})
		return err
	})
	for b.Loop() {
		r, err := db.DraftReport(context.Background(), day, ReportInput{})
		if err != nil || r.Today.PostsTotal.People < 1000 {
			b.Fatalf("%d people, %v", r.Today.PostsTotal.People, err)
		}
	}
}

// BenchmarkCountyDay gathers yesterday across the county demo's twelve
// townships with the month's reporting rate (`demo --scale county`, which
// `make bench` prepares), beside the sqlite3 tool on the same statements.
func BenchmarkCountyDay(b *testing.B) {
	path := os.Getenv("FANGKONG_COUNTY_DB")
	if path == "" {
		b.Skip("FANGKONG_COUNTY_DB not set: run make bench")
	}
	db, err := Open(context.Background(), path, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	day := StartOfDay(time.Now()).AddDate(0, 0, -1)
	compareWithFloor(b, path, func(db *DB) error {
		_, err := db.CountyDay(context.Background(), day)
		return err
	})
	for b.Loop() {
		c, err := db.CountyDay(context.Background(), day)
		if err != nil || len(c.Townships) != 12 {
			b.Fatalf("%d townships, %v", len(c.Townships), err)
		}
	}
}

// BenchmarkOpenCasesOnOverview is what 总览 reads of the cases: how many
// are open and overdue, the oldest, and the first five to chase.
func BenchmarkOpenCasesOnOverview(b *testing.B) {
	db := benchDB(b)
	compareWithFloor(b, db.Path(), func(db *DB) error {
		_, err := db.OpenCasesNow(context.Background(), 5)
		return err
	})
	for b.Loop() {
		s, err := db.OpenCasesNow(context.Background(), 5)
		if err != nil || s.Open == 0 || len(s.First) == 0 {
			b.Fatalf("%+v, %v", s, err)
		}
	}
}

// BenchmarkCaseListThirtyDays is 异常情况's list of the last 30 days.
func BenchmarkCaseListThirtyDays(b *testing.B) {
	db := benchDB(b)
	from := StartOfDay(time.Now()).AddDate(0, 0, -29)
	for b.Loop() {
		list, err := db.Cases(context.Background(), CaseQuery{From: from})
		if err != nil || len(list) < 100 {
			b.Fatalf("%d cases, %v", len(list), err)
		}
	}
}

// BenchmarkPostTrendFortnight is 总览's charts: the key figures of the
// thirteen days before today, beside the sqlite3 tool on the same
// statements.
func BenchmarkPostTrendFortnight(b *testing.B) {
	db := benchDB(b)
	yesterday := StartOfDay(time.Now()).AddDate(0, 0, -1)
	compareWithFloor(b, db.Path(), func(db *DB) error {
		_, err := db.PostTrend(context.Background(), yesterday, 13)
		return err
	})
	for b.Loop() {
		points, err := db.PostTrend(context.Background(), yesterday, 13)
		if err != nil || points[12].Registered < 1000 {
			b.Fatalf("%+v, %v", points[12], err)
		}
	}
}

// scaleDB is the bench database with three more years of passages before
// its year (about 2.9 million in all): the year's passages again, a year
// earlier each time, written by the program's own SQL. It is made once at
// the path FANGKONG_SCALE_DB names (`make bench` names one) and kept.
func scaleDB(b *testing.B) *DB {
	b.Helper()
	path := os.Getenv("FANGKONG_SCALE_DB")
	if path == "" {
		b.Skip("FANGKONG_SCALE_DB not set: run make bench")
	}
	if _, err := os.Stat(path); err != nil {
		year := benchDB(b)
		if _, err := year.sql.Exec("VACUUM INTO ?", path); err != nil {
			b.Fatal(err)
		}
		db, err := Open(context.Background(), path, time.Now)
		if err != nil {
			b.Fatal(err)
		}
		for years := 1; years <= 3; years++ {
			shift := fmt.Sprintf("-%d days", 365*years)
			if _, err := db.sql.Exec(`INSERT INTO registrations (checkpoint_id, at, direction, name, id_number, id_reversed,
					id_override, phone, plate, passengers, came_from, going_to, celsius, health_code, outcome, note, voided_at,
					void_reason, created_at, registered_by)
				SELECT checkpoint_id, datetime(at, ?1), direction, name, id_number, id_reversed, id_override, phone, plate,
					passengers, came_from, going_to, celsius, health_code, outcome, note, datetime(voided_at, ?1), void_reason,
					datetime(created_at, ?1), registered_by
				FROM registrations WHERE at >= datetime(?2, ?1)`, shift, formatTime(time.Now().AddDate(-1, 0, 0))); err != nil {
				b.Fatal(err)
			}
		}
		db.Close()
	}
	db, err := Open(context.Background(), path, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	var n int
	if err := db.sql.QueryRow("SELECT count(*) FROM registrations").Scan(&n); err != nil || n < 2_500_000 {
		b.Fatalf("%d passages in the scale database, %v", n, err)
	}
	return db
}

// The searches' first page on four years of passages: what a clerk waits
// for does not grow with what matches.
func benchScaleSearch(b *testing.B, text string) {
	compared(b, scaleDB(b), func(db *DB) error {
		got, err := db.SearchRegistrations(context.Background(), RegistrationQuery{Text: text})
		return atLeast(len(got), 1, err)
	})
}

func BenchmarkScaleSearchByIDSuffix(b *testing.B)   { benchScaleSearch(b, "0013") }
func BenchmarkScaleSearchByPlateStart(b *testing.B) { benchScaleSearch(b, "陕G5") }
func BenchmarkScaleSearchByName(b *testing.B)       { benchScaleSearch(b, "王建") }
func BenchmarkScaleSearchBySurname(b *testing.B)    { benchScaleSearch(b, "王") }

// BenchmarkScaleDailyFigures is yesterday's figures on four years of
// passages: a day's figures stay as flat as the day.
func BenchmarkScaleDailyFigures(b *testing.B) {
	day := StartOfDay(time.Now()).AddDate(0, 0, -1)
	compared(b, scaleDB(b), func(db *DB) error {
		_, err := db.DailyFigures(context.Background(), day)
		return err
	})
}

// The lists a clerk opens without typing anything: every guest a site ever
// had, the audit trail's newest page, a month of the ledger.
func BenchmarkGuestListLargestSite(b *testing.B) {
	db := benchDB(b)
	site := largestSite(b, db)
	compared(b, db, func(db *DB) error {
		got, err := db.Guests(context.Background(), GuestQuery{SiteID: site, Limit: GuestPage})
		return atLeast(len(got), 100, err)
	})
}

func BenchmarkAuditFirstPage(b *testing.B) {
	compared(b, benchDB(b), func(db *DB) error {
		got, err := db.Audit(context.Background(), AuditQuery{})
		return atLeast(len(got), 100, err)
	})
}

func BenchmarkAuditSearchRare(b *testing.B) {
	compared(b, benchDB(b), func(db *DB) error {
		_, err := db.Audit(context.Background(), AuditQuery{Text: "调错卡口"})
		return err
	})
}

func BenchmarkLedgerWeek(b *testing.B)  { benchLedger(b, 0, -7) }
func BenchmarkLedgerMonth(b *testing.B) { benchLedger(b, -1, 0) }

// benchLedger reads the ledger of the span before today, as 物资's
// 出入库记录 does (a week unless dates are typed).
func benchLedger(b *testing.B, months, days int) {
	compared(b, benchDB(b), func(db *DB) error {
		upto := StartOfDay(time.Now())
		got, err := db.Ledger(context.Background(), LedgerQuery{From: upto.AddDate(0, months, days), Upto: upto})
		return atLeast(len(got), 100, err)
	})
}
