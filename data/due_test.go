package data

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestDueList(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	siteID, rooms := siteWithRooms(t, db)
	// 赵一 came 13 days ago: due out tomorrow, and the day-14 test is due today.
	a := guest(rooms["201"], "赵一", "11010519491231002X")
	a.At = fixedNow.AddDate(0, 0, -13)
	idA, err := db.CheckIn(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	// 钱二 came 3 days ago: the day-4 test is due today; a fever this morning.
	b := guest(rooms["202"], "钱二", "440524198001010013")
	b.At = fixedNow.AddDate(0, 0, -3)
	idB, err := db.CheckIn(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.RecordTemperature(ctx, idB, fixedNow.Add(-time.Hour), 38.2); err != nil {
		t.Fatal(err)
	}
	// Earlier tests of both were done; 赵一's day-7 test was not.
	rows, _ := db.sql.Query("SELECT id, guest_id, day FROM tests WHERE due_date < ?", formatDate(fixedNow))
	type test struct{ id, guest, day int64 }
	var done []test
	for rows.Next() {
		var x test
		rows.Scan(&x.id, &x.guest, &x.day)
		done = append(done, x)
	}
	rows.Close()
	for _, x := range done {
		if x.guest == idA && x.day == 7 {
			continue
		}
		if err := db.RecordTestResult(ctx, x.id, fixedNow.AddDate(0, 0, -1), "阴性"); err != nil {
			t.Fatal(err)
		}
	}

	items, err := db.Due(ctx, siteID, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	got := map[DueKind][]string{}
	for _, it := range items {
		got[it.Kind] = append(got[it.Kind], it.Name+it.Room)
	}
	want := map[DueKind][]string{
		DueFever:           {"钱二3号楼202"},
		DueTestOverdue:     {"赵一3号楼201"},
		DueTestToday:       {"赵一3号楼201", "钱二3号楼202"},
		DueTemperature:     {"赵一3号楼201"},
		DueReleaseTomorrow: {"赵一3号楼201"},
	}
	if len(got) != len(want) {
		t.Fatalf("due list %v, want %v", got, want)
	}
	for k, w := range want {
		if strings.Join(got[k], ",") != strings.Join(w, ",") {
			t.Errorf("%s: %v, want %v", k, got[k], w)
		}
	}
	if items[0].Kind != DueFever {
		t.Errorf("the fever should come first, got %s", items[0].Kind)
	}

	// Releasing 赵一 drops their items and puts the room on the list.
	if err := db.EndIsolation(ctx, idA, "解除隔离", fixedNow, ""); err != nil {
		t.Fatal(err)
	}
	items, _ = db.Due(ctx, siteID, fixedNow.Add(time.Minute))
	for _, it := range items {
		if it.GuestID == idA {
			t.Errorf("released guest still due: %+v", it)
		}
	}
	if last := items[len(items)-1]; last.Kind != DueDisinfection || last.Room != "3号楼201" {
		t.Errorf("last item %+v, want 3号楼201 待消杀", last)
	}

	sums, err := db.SiteSummaries(ctx, fixedNow.Add(time.Minute))
	if err != nil || len(sums) != 1 {
		t.Fatal(err)
	}
	s := sums[0]
	if s.Rooms != 3 || s.Counts[RoomOccupied] != 1 || s.Counts[RoomAwaitsClean] != 1 || s.Counts[RoomVacant] != 1 || s.InGuests != 1 {
		t.Fatalf("summary %+v", s)
	}
	// 钱二 is due out in 11 days: the next three days keep two rooms free.
	if s.VacantSoon != [3]int{2, 2, 2} {
		t.Fatalf("vacant soon %v", s.VacantSoon)
	}
}
