package ui

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"fangkong/data"
)

// A site's guest list shows the most recently admitted first, a page at a
// time: 更多 adds the next page until every guest is shown, in the order
// plain SQL gives, however many were admitted in the same minute.
func TestGuestListPagesMostRecentFirst(t *testing.T) {
	a := openTestApp(t, false)
	s := newTestShell(t, a)
	ctx := context.Background()
	siteID, err := a.DB.SaveSite(ctx, data.Site{Name: "城关镇隔离点一"})
	if err != nil {
		t.Fatal(err)
	}
	rooms, _ := data.RoomBatch{SiteID: siteID, Building: "1号楼", FromFloor: 1, ToFloor: 4, FromNo: 1, ToNo: 50, Capacity: 2}.Rooms()
	if err := a.DB.AddRooms(ctx, rooms); err != nil {
		t.Fatal(err)
	}
	board, err := a.DB.RoomBoard(ctx, siteID, a.Now())
	if err != nil {
		t.Fatal(err)
	}
	n := data.GuestPage + data.GuestPage/2 + 7
	start := a.Now().Add(-48 * time.Hour)
	for i := range n {
		if _, err := a.DB.CheckIn(ctx, data.CheckIn{RoomID: board[i/2].ID, Name: fmt.Sprintf("入住者%03d", i), Sex: "女",
			Category: "密切接触者", PlannedDays: 14, At: start.Add(time.Duration(i/3) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}

	l := newGuestList(s.win, a, func() {})
	l.show(siteID)
	if got := len(l.table.shown()); got != data.GuestPage || l.pages.more.Disabled() {
		t.Fatalf("the first page shows %d guests, 更多 disabled: %v", got, l.pages.more.Disabled())
	}
	if !strings.Contains(l.pages.count.Text, strconv.Itoa(data.GuestPage)) || !strings.Contains(l.pages.count.Text, "更多") {
		t.Errorf("the count reads %q", l.pages.count.Text)
	}
	for !l.pages.more.Disabled() {
		test.Tap(l.pages.more)
	}
	var want []int64
	conn, err := sql.Open("sqlite", a.DB.Path()+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, "SELECT id FROM guests WHERE site_id = ? ORDER BY checked_in_at DESC, id DESC", siteID)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		want = append(want, id)
	}
	rows.Close()
	shown := l.table.shown()
	if len(shown) != n || len(want) != n {
		t.Fatalf("%d guests shown after 更多 to the end, SQL %d, admitted %d", len(shown), len(want), n)
	}
	for i, g := range shown {
		if g.ID != want[i] {
			t.Fatalf("guest %d is %d, SQL's %d", i, g.ID, want[i])
		}
	}
	if l.pages.count.Text != fmt.Sprintf("共 %d 人", n) {
		t.Errorf("the count reads %q", l.pages.count.Text)
	}
	// A search starts again at the most recent.
	test.Type(l.search, "入住者00")
	if got := l.table.shown(); len(got) != 10 || got[0].Name != "入住者009" || !l.pages.more.Disabled() {
		t.Fatalf("a search shows %d guests, first %q", len(got), got[0].Name)
	}
}
