package data

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// siteWithRooms makes a site with rooms 3号楼 201–203 (203 holds two).
func siteWithRooms(t *testing.T, db *DB) (siteID int64, rooms map[string]int64) {
	t.Helper()
	ctx := context.Background()
	siteID, err := db.SaveSite(ctx, Site{Name: "城关镇隔离点一", Address: "城关镇建设路8号", Manager: "刘洋", Phone: "13912345678"})
	if err != nil {
		t.Fatal(err)
	}
	batch, err := RoomBatch{SiteID: siteID, Building: "3号楼", FromFloor: 2, ToFloor: 2, FromNo: 1, ToNo: 2, Capacity: 1}.Rooms()
	if err != nil {
		t.Fatal(err)
	}
	batch = append(batch, Room{SiteID: siteID, Building: "3号楼", Floor: 2, Number: "203", Capacity: 2})
	if err := db.AddRooms(ctx, batch); err != nil {
		t.Fatal(err)
	}
	board, err := db.RoomBoard(ctx, siteID, db.now())
	if err != nil {
		t.Fatal(err)
	}
	rooms = map[string]int64{}
	for _, r := range board {
		rooms[r.Number] = r.ID
	}
	return siteID, rooms
}

func guest(room int64, name, id string) CheckIn {
	return CheckIn{RoomID: room, Name: name, IDNumber: id, Category: "密切接触者", PlannedDays: 14, Phone: "13812345678"}
}

func states(t *testing.T, db *DB, siteID int64, at time.Time) map[string]RoomState {
	t.Helper()
	board, err := db.RoomBoard(context.Background(), siteID, at)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]RoomState{}
	for _, r := range board {
		m[r.Number] = r.State
	}
	return m
}

func TestRoomBatch(t *testing.T) {
	rooms, err := RoomBatch{Building: "3号楼", FromFloor: 2, ToFloor: 6, FromNo: 1, ToNo: 20}.Rooms()
	if err != nil || len(rooms) != 100 || rooms[0].Number != "201" || rooms[99].Number != "620" {
		t.Fatalf("3号楼 2–6层 每层 01–20: %d rooms, first %v, %v", len(rooms), rooms[0], err)
	}
	if _, err := (RoomBatch{FromFloor: 6, ToFloor: 2, FromNo: 1, ToNo: 20}).Rooms(); !errors.Is(err, ErrBadNumber) {
		t.Fatalf("reversed floors: %v", err)
	}
	db := openTest(t)
	siteID, _ := siteWithRooms(t, db)
	// A batch that clashes with an existing room adds nothing.
	clash := []Room{{SiteID: siteID, Building: "3号楼", Floor: 3, Number: "301"}, {SiteID: siteID, Building: "3号楼", Floor: 2, Number: "201"}}
	if err := db.AddRooms(context.Background(), clash); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("clashing batch: %v", err)
	}
	if len(states(t, db, siteID, fixedNow)) != 3 {
		t.Fatal("a clashing batch added rooms")
	}
}

func TestCheckInRules(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	siteID, rooms := siteWithRooms(t, db)

	id, err := db.CheckIn(ctx, guest(rooms["201"], "赵一", "11010519491231002x"))
	if err != nil {
		t.Fatal(err)
	}
	g, _ := db.GuestByID(ctx, id)
	if g.IDNumber != "11010519491231002X" || g.Sex != "女" || g.BirthDate.Format(time.DateOnly) != "1949-12-31" {
		t.Fatalf("ID details not filled: %+v", g)
	}
	if g.PlannedRelease.Format(time.DateOnly) != "2026-12-09" || g.Room.Label() != "3号楼201" {
		t.Fatalf("release %v room %v", g.PlannedRelease, g.Room.Label())
	}

	// Capacity 1: a second person is refused.
	if _, err := db.CheckIn(ctx, guest(rooms["201"], "钱二", "")); !errors.Is(err, ErrRoomFull) && !errors.Is(err, ErrBadChoice) {
		t.Fatalf("second guest in a single room: %v", err)
	}
	second := guest(rooms["201"], "钱二", "")
	second.Sex = "男"
	if _, err := db.CheckIn(ctx, second); !errors.Is(err, ErrRoomFull) {
		t.Fatalf("second guest in a single room: %v", err)
	}
	// Capacity 2: a carer and a child share.
	second.RoomID = rooms["203"]
	child := second
	child.Name, child.Sex = "钱小宝", "男"
	child.SpecialNeeds = []string{"儿童"}
	for _, in := range []CheckIn{second, child} {
		if _, err := db.CheckIn(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	third := second
	third.Name = "孙三"
	if _, err := db.CheckIn(ctx, third); !errors.Is(err, ErrRoomFull) {
		t.Fatalf("third guest in a double room: %v", err)
	}

	// The same ID number can't be in two rooms.
	again := guest(rooms["202"], "赵一", "11010519491231002X")
	var fe *FieldError
	if _, err := db.CheckIn(ctx, again); !errors.Is(err, ErrAlreadyIsolated) || !errors.As(err, &fe) || fe.Field != "id_number" {
		t.Fatalf("double check-in: %v", err)
	}
	// A bad check digit is refused for isolation.
	if _, err := db.CheckIn(ctx, guest(rooms["202"], "周四", "110105194912310021")); !errors.Is(err, ErrIDCheckDigit) {
		t.Fatalf("bad check digit: %v", err)
	}

	// Ending the stay leaves the room awaiting disinfection; only that opens it.
	later := fixedNow.Add(48 * time.Hour)
	if err := db.EndIsolation(ctx, id, "解除隔离", later, "转居家健康监测"); err != nil {
		t.Fatal(err)
	}
	if s := states(t, db, siteID, later.Add(time.Minute)); s["201"] != RoomAwaitsClean {
		t.Fatalf("after release 201 is %s", s["201"])
	}
	if _, err := db.CheckIn(ctx, guest(rooms["201"], "吴五", "440524198001010013")); !errors.Is(err, ErrRoomAwaitsCleaning) {
		t.Fatalf("check-in to a room awaiting disinfection: %v", err)
	}
	if err := db.Disinfect(ctx, rooms["202"], later, "消杀组"); !errors.Is(err, ErrRoomNotAwaitCleaning) {
		t.Fatalf("disinfecting a vacant room: %v", err)
	}
	if err := db.Disinfect(ctx, rooms["201"], later.Add(time.Hour), "消杀组 王师傅"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CheckIn(ctx, guest(rooms["201"], "赵一", "11010519491231002X")); err != nil {
		t.Fatalf("the released person re-admitted after disinfection: %v", err)
	}
	if err := db.EndIsolation(ctx, id, "解除隔离", later, ""); !errors.Is(err, ErrGuestEnded) {
		t.Fatalf("ending twice: %v", err)
	}

	// Out of service refuses check-in, and an occupied room can't be taken out.
	if err := db.SetRoomOutOfService(ctx, rooms["203"], true); !errors.Is(err, ErrRoomOccupied) {
		t.Fatalf("taking an occupied room out: %v", err)
	}
	if err := db.SetRoomOutOfService(ctx, rooms["202"], true); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CheckIn(ctx, guest(rooms["202"], "郑六", "")); !errors.Is(err, ErrRoomOutOfService) && !errors.Is(err, ErrBadChoice) {
		t.Fatalf("out of service: %v", err)
	}
	six := guest(rooms["202"], "郑六", "")
	six.Sex = "女"
	if _, err := db.CheckIn(ctx, six); !errors.Is(err, ErrRoomOutOfService) {
		t.Fatalf("out of service: %v", err)
	}
}

func TestReleaseDateArithmetic(t *testing.T) {
	cases := []struct {
		in   string
		days int
		want string
	}{
		{"2026-11-25 23:50:00", 14, "2026-12-09"},
		{"2026-01-20 08:00:00", 14, "2026-02-03"},
		{"2026-02-20 08:00:00", 14, "2026-03-06"}, // February has 28 days in 2026
		{"2028-02-20 08:00:00", 14, "2028-03-05"}, // and 29 in 2028
		{"2026-12-25 00:00:00", 7, "2027-01-01"},
	}
	for _, c := range cases {
		if got := ReleaseDate(parseTime(c.in), c.days).Format(time.DateOnly); got != c.want {
			t.Errorf("ReleaseDate(%s, %d) = %s, want %s", c.in, c.days, got, c.want)
		}
	}
}

func TestChangeReleaseKeepsOldDate(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	_, rooms := siteWithRooms(t, db)
	id, _ := db.CheckIn(ctx, guest(rooms["201"], "赵一", ""+"11010519491231002X"))
	newDate := parseDate("2026-12-16")
	if err := db.ChangeRelease(ctx, id, newDate, ""); !errors.Is(err, ErrReasonRequired) {
		t.Fatalf("no reason: %v", err)
	}
	if err := db.ChangeRelease(ctx, id, newDate, "第7天核酸待复核,延长7天"); err != nil {
		t.Fatal(err)
	}
	g, _ := db.GuestByID(ctx, id)
	if g.PlannedRelease.Format(time.DateOnly) != "2026-12-16" || g.PlannedDays != 21 {
		t.Fatalf("after extending: %v, %d days", g.PlannedRelease, g.PlannedDays)
	}
	var old, reason string
	db.sql.QueryRow("SELECT old_release, reason FROM release_changes WHERE guest_id = ?", id).Scan(&old, &reason)
	if old != "2026-12-09" || reason != "第7天核酸待复核,延长7天" {
		t.Fatalf("old release %q reason %q", old, reason)
	}
}

func TestHistoryByDateAndMoves(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	siteID, rooms := siteWithRooms(t, db)
	in := guest(rooms["201"], "赵一", "11010519491231002X")
	in.At = parseTime("2026-11-01 10:00:00")
	id, err := db.CheckIn(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.MoveGuest(ctx, id, rooms["202"], parseTime("2026-11-05 15:00:00")); err != nil {
		t.Fatal(err)
	}
	if err := db.EndIsolation(ctx, id, "解除隔离", parseTime("2026-11-15 09:00:00"), ""); err != nil {
		t.Fatal(err)
	}
	board := func(at string) map[string][]string {
		b, err := db.RoomBoard(ctx, siteID, parseTime(at))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string][]string{}
		for _, r := range b {
			for _, o := range r.Occupants {
				m[r.Number] = append(m[r.Number], o.Name)
			}
		}
		return m
	}
	if got := board("2026-11-03 12:00:00"); len(got["201"]) != 1 || len(got["202"]) != 0 {
		t.Fatalf("11月3日: %v", got)
	}
	if got := board("2026-11-10 12:00:00"); len(got["202"]) != 1 || len(got["201"]) != 0 {
		t.Fatalf("11月10日: %v", got)
	}
	if got := board("2026-11-20 12:00:00"); len(got) != 0 {
		t.Fatalf("11月20日: %v", got)
	}
	s := states(t, db, siteID, parseTime("2026-11-10 12:00:00"))
	if s["201"] != RoomAwaitsClean || s["202"] != RoomOccupied {
		t.Fatalf("states on 11月10日: %v", s)
	}
	if s := states(t, db, siteID, parseTime("2026-10-30 12:00:00")); s["201"] != RoomVacant {
		t.Fatalf("before anything 201 was %s", s["201"])
	}
}

func TestTemperaturesAndTests(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	siteID, rooms := siteWithRooms(t, db)
	id, _ := db.CheckIn(ctx, guest(rooms["201"], "赵一", "11010519491231002X"))
	for _, c := range []float64{33.9, 42.6} {
		if err := db.RecordTemperature(ctx, id, fixedNow, c); !errors.Is(err, ErrBadTemperature) {
			t.Errorf("temperature %v: %v", c, err)
		}
	}
	if err := db.RecordTemperature(ctx, id, fixedNow, 37.3); err != nil {
		t.Fatal(err)
	}
	b, _ := db.RoomBoard(ctx, siteID, fixedNow.Add(time.Minute))
	for _, r := range b {
		if r.Number == "201" && (len(r.Occupants) != 1 || !r.Occupants[0].Attention) {
			t.Fatalf("37.3 ℃ does not mark the guest: %+v", r)
		}
	}
	var days []int
	rows, _ := db.sql.Query("SELECT day FROM tests WHERE guest_id = ? ORDER BY day", id)
	for rows.Next() {
		var d int
		rows.Scan(&d)
		days = append(days, d)
	}
	rows.Close()
	if len(days) != 4 || days[3] != 14 {
		t.Fatalf("test days %v", days)
	}
	siteTests, err := db.SiteTests(ctx, siteID)
	if err != nil || len(siteTests) != 4 || siteTests[0].Guest != "赵一" || siteTests[0].Room != "3号楼201" || siteTests[3].Day != 14 {
		t.Fatalf("site tests %+v, %v", siteTests, err)
	}
	temps, err := db.SiteTemperatures(ctx, siteID)
	if err != nil || len(temps) != 1 || temps[0].Celsius != 37.3 || temps[0].Guest != "赵一" {
		t.Fatalf("site temperatures %+v, %v", temps, err)
	}
}

// A release on day 10 of 14, with the tests of days 4 and 7 not taken and day 1's
// awaiting its result, names each of them; on the planned day with every
// test negative, nothing.
func TestConcernsOfAnEarlyRelease(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	_, rooms := siteWithRooms(t, db)
	in := guest(rooms["201"], "赵一", "11010519491231002X")
	in.At = time.Date(2026, 11, 1, 10, 0, 0, 0, time.Local)
	id, err := db.CheckIn(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	tests, _ := db.GuestTests(ctx, id)
	if err := db.RecordTestResult(ctx, tests[0].ID, in.At, TestPending); err != nil {
		t.Fatal(err)
	}
	g, _ := db.GuestByID(ctx, id)
	tests, _ = db.GuestTests(ctx, id)
	c := ConcernsOfRelease(g, tests, time.Date(2026, 11, 10, 16, 0, 0, 0, time.Local))
	var unsampled []int
	for _, t := range c.Unsampled {
		unsampled = append(unsampled, t.Day)
	}
	if c.DaysEarly != 5 || fmt.Sprint(unsampled) != "[4 7]" || len(c.Pending) != 1 || c.Pending[0].Day != 1 || len(c.Positive) != 0 {
		t.Fatalf("on 11月10日: %+v (planned %s)", c, g.PlannedRelease.Format("01-02"))
	}

	for _, tt := range tests {
		if err := db.RecordTestResult(ctx, tt.ID, tt.DueDate.Add(9*time.Hour), TestNegative); err != nil {
			t.Fatal(err)
		}
	}
	tests, _ = db.GuestTests(ctx, id)
	if c := ConcernsOfRelease(g, tests, time.Date(2026, 11, 15, 9, 0, 0, 0, time.Local)); c.Any() {
		t.Fatalf("on the planned day, all negative: %+v", c)
	}
}
