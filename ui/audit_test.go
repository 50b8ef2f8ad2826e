package ui

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// 操作日志 on the small demo and a few edits by two operators: every line
// in Chinese, the fields that changed as 字段:旧 → 新, narrowed by
// operator, area and day to what plain SQL counts, a line opened in full.
func TestAuditTrailReadsInChinese(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	if err := a.Demo(ctx, app.ScaleSmall); err != nil {
		t.Fatal(err)
	}
	li := data.WithOperator(ctx, data.Operator{ID: 1, Name: "李娜"})
	wang := data.WithOperator(ctx, data.Operator{ID: 2, Name: "王强"})
	people, _ := a.DB.Staff(ctx, data.StaffQuery{})
	p := people[0]
	oldPhone := p.Phone
	p.Phone = "13900001111"
	p.Note = "调往卫生院"
	if _, err := a.DB.SaveStaff(li, p); err != nil {
		t.Fatal(err)
	}
	rules, _ := a.DB.IsolationRules(ctx)
	rules.TestDays = []int{1, 3, 7, 14}
	if err := a.DB.SaveIsolationRules(wang, rules); err != nil {
		t.Fatal(err)
	}
	if err := a.DB.SaveDutyRules(wang, data.DutyRules{CommandShifts: data.ThreeShifts.Shifts(), CommandStaff: 2, MinRestHours: 10}); err != nil {
		t.Fatal(err)
	}
	if err := a.DB.SaveOperator(wang, people[1].ID, true, "2468"); err != nil {
		t.Fatal(err)
	}

	s := newTestShell(t, a)
	trail := showAudit(s.win, a)
	// Area by area, so that the newest page of each kind is read.
	kinds := map[data.Action]bool{}
	for i := range trail.area.Options {
		trail.area.SetSelectedIndex(i)
		for _, e := range trail.table.shown() {
			kinds[e.Action] = true
			for _, text := range []string{actionLabel(e.Action), subjectText(e), strings.Join(changeLines(e), ";")} {
				if w := foreignWords(text); len(w) > 0 {
					t.Fatalf("%s reads %q: %v", e.Action, text, w)
				}
			}
		}
	}
	if len(kinds) < 20 {
		t.Errorf("only %d kinds of line read", len(kinds))
	}
	// Guests' ID numbers and phones read masked, as on every list: any
	// operator may open the trail.
	trail.area.SetSelected("隔离点")
	var shownText strings.Builder
	for _, e := range trail.table.shown() {
		shownText.WriteString(strings.Join(changeLines(e), ";"))
	}
	guests, err := a.DB.Guests(ctx, data.GuestQuery{})
	if err != nil || len(guests) == 0 {
		t.Fatalf("%d guests, %v", len(guests), err)
	}
	for _, g := range guests {
		if strings.Contains(shownText.String(), g.IDNumber) || strings.Contains(shownText.String(), g.Phone) {
			t.Fatalf("the trail shows %s's ID number or phone in full", g.Name)
		}
	}
	if !strings.Contains(shownText.String(), "身份证号:"+data.MaskID(guests[0].IDNumber)) {
		t.Errorf("no masked ID number in %.300s", shownText.String())
	}
	trail.area.SetSelectedIndex(0)
	rows := trail.table.shown()
	if len(rows) != data.AuditPage {
		t.Fatalf("%d lines shown", len(rows))
	}
	if lines := strings.Join(changeLines(rows[0]), ";"); lines != "名称:"+people[1].Name+";角色:管理员" {
		t.Errorf("the operator set up reads %q", lines)
	}
	edit := rows[3]
	if edit.Action != data.ActEditStaff || subjectText(edit) != "人员与设置 "+p.Name ||
		strings.Join(changeLines(edit), ";") != "电话:"+oldPhone+" → 13900001111;备注:调往卫生院" {
		t.Fatalf("the staff edit reads %q %q", subjectText(edit), changeLines(edit))
	}
	if lines := strings.Join(changeLines(rows[1]), ";"); lines != "指挥部班次·第1项:08:00-20:00 → 00:00-08:00;"+
		"指挥部班次·第2项:20:00-08:00 → 08:00-16:00;指挥部班次·第3项:16:00-00:00;每班人数:1 → 2;两班间最少休息(小时):12 → 10" {
		t.Errorf("the duty rules read %q", lines)
	}

	conn, err := sql.Open("sqlite", a.DB.Path()+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sqlCount := func(where string, args ...any) int {
		var n int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM audit WHERE "+where, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return min(n, data.AuditPage)
	}
	trail.operator.SetSelected("王强")
	if got := len(trail.table.shown()); got != sqlCount("operator = '王强'") || got != 3 {
		t.Errorf("王强's lines: %d", got)
	}
	trail.operator.SetSelectedIndex(0)
	trail.area.SetSelected("隔离点")
	want := sqlCount(`action IN ('save isolation rules', 'add site', 'edit site', 'add rooms', 'set room out of service',
		'disinfect', 'check in', 'move guest', 'change release', 'end isolation', 'record temperature', 'record test')`)
	if got := len(trail.table.shown()); got != want {
		t.Errorf("隔离点 lines: %d, SQL %d", got, want)
	}
	trail.area.SetSelectedIndex(0)
	trail.from.SetText(a.Now().Format("2006-01-02"))
	trail.from.OnSubmitted(trail.from.Text)
	today := data.StartOfDay(a.Now()).Format("2006-01-02 15:04:05")
	if got := len(trail.table.shown()); got != sqlCount("at >= ?", today) {
		t.Errorf("lines from today: %d, SQL %d", got, sqlCount("at >= ?", today))
	}

	trail.from.SetText("")
	trail.from.OnSubmitted("")
	// 更多 adds the next page below, each page the next-newest entries as
	// SQL orders them, until the trail ends.
	var total int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM audit").Scan(&total); err != nil {
		t.Fatal(err)
	}
	if total <= 2*data.AuditPage {
		t.Fatalf("the demo's trail has %d entries, too few to page", total)
	}
	for !trail.pages.more.Disabled() {
		test.Tap(trail.pages.more)
	}
	shown := trail.table.shown()
	idRows, err := conn.QueryContext(ctx, "SELECT id FROM audit ORDER BY id DESC")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for idRows.Next() {
		var id int64
		idRows.Scan(&id)
		ids = append(ids, id)
	}
	idRows.Close()
	if len(shown) != total || len(ids) != total {
		t.Fatalf("%d entries shown after 更多 to the end, SQL %d", len(shown), total)
	}
	for i, e := range shown {
		if e.ID != ids[i] {
			t.Fatalf("entry %d is %d, SQL's %d", i, e.ID, ids[i])
		}
	}
	if want := fmt.Sprintf("共%d条", total); !strings.HasPrefix(trail.pages.count.Text, want) {
		t.Errorf("the count reads %q", trail.pages.count.Text)
	}
	trail.search.SetText("")
	trail.area.SetSelectedIndex(0) // a new search starts again at the newest page
	if got := len(trail.table.shown()); got != data.AuditPage || trail.pages.more.Disabled() {
		t.Fatalf("a new search shows %d entries", got)
	}
	trail.table.view.Select(widget.TableCellID{Row: 3, Col: 0})
	detail := topOverlay(t, s)
	for _, want := range []string{"操作记录", "操作员:李娜", "改动内容", "电话:" + oldPhone + " → 13900001111"} {
		if !findLabel(detail, want) {
			t.Errorf("the line opened does not show %q", want)
		}
	}
}
