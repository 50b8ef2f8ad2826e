package data

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestEveryKindOfChangeIsAudited(t *testing.T) {
	db := openTest(t)
	ctx := WithOperator(context.Background(), Operator{ID: 7, Name: "值班员李娜"})
	siteID, rooms := siteWithRooms(t, db)
	db.SaveSite(ctx, Site{ID: siteID, Name: "城关镇隔离点(改名)"})
	staffID, _ := db.SaveStaff(ctx, Staff{Name: "张三", Phone: "13912345678", Active: true})
	db.SaveStaff(ctx, Staff{ID: staffID, Name: "张三", Phone: "13912345678", Unit: "派出所", Active: true})
	db.SetStaffActive(ctx, staffID, false)
	db.SavePostInfo(ctx, PostInfo{Township: "城关镇", PostName: "城关镇疫情防控指挥部", DutyPhone: "0913-2345678"})
	db.SaveIsolationRules(ctx, IsolationRules{DaysByCategory: map[string]int{"密切接触者": 10}, TestDays: []int{1, 5}})
	gid, err := db.CheckIn(ctx, guest(rooms["201"], "赵一", "11010519491231002X"))
	if err != nil {
		t.Fatal(err)
	}
	db.RecordTemperature(ctx, gid, fixedNow, 36.6)
	tests, _ := db.GuestTests(ctx, gid)
	db.RecordTestResult(ctx, tests[0].ID, fixedNow, "阴性")
	db.ChangeRelease(ctx, gid, fixedNow.AddDate(0, 0, 20), "延长观察")
	db.MoveGuest(ctx, gid, rooms["202"], fixedNow.Add(time.Hour))
	db.EndIsolation(ctx, gid, "解除隔离", fixedNow.Add(2*time.Hour), "")
	db.Disinfect(ctx, rooms["201"], fixedNow.Add(3*time.Hour), "消杀组")
	db.SetRoomOutOfService(ctx, rooms["201"], true)
	db.LogAccess(ctx, "show unmasked", "隔离人员名单")

	entries, err := db.Audit(ctx, AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	actions := map[Action]AuditEntry{}
	for _, e := range entries {
		if _, seen := actions[e.Action]; !seen {
			actions[e.Action] = e
		}
	}
	for _, want := range []Action{"add site", "edit site", "add rooms", "add staff", "edit staff", "deactivate staff",
		"save post info", "save isolation rules", "check in", "record temperature", "record test", "change release",
		"move guest", "end isolation", "disinfect", "set room out of service", "show unmasked"} {
		e, ok := actions[want]
		if !ok {
			t.Errorf("no audit entry for %q", want)
			continue
		}
		if want != "add site" && want != "add rooms" && e.Operator != "值班员李娜" {
			t.Errorf("%q recorded by %q", want, e.Operator)
		}
	}
	edit := actions["edit staff"]
	if !strings.Contains(edit.Old, `"Unit":""`) || !strings.Contains(edit.New, `"Unit":"派出所"`) {
		t.Errorf("edit staff old %s new %s", edit.Old, edit.New)
	}
	if got, _ := db.Audit(ctx, AuditQuery{Text: "派出所"}); len(got) != 1 {
		t.Errorf("search 派出所: %d entries", len(got))
	}

	// The program can't rewrite history, even with SQL of its own.
	if _, err := db.sql.Exec("UPDATE audit SET operator = '别人'"); err == nil {
		t.Fatal("the audit trail was updated")
	}
	if _, err := db.sql.Exec("DELETE FROM audit"); err == nil {
		t.Fatal("the audit trail was deleted")
	}
}

func TestOperatorsSignIn(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	staffID, _ := db.SaveStaff(ctx, Staff{Name: "李娜", Phone: "13912345678", Active: true})
	if err := db.SaveOperator(ctx, staffID, true, "123"); !errors.Is(err, ErrBadPIN) {
		t.Fatalf("3-character PIN: %v", err)
	}
	if err := db.SaveOperator(ctx, staffID, false, "2468"); err != nil { // the first is made admin
		t.Fatal(err)
	}
	ops, _ := db.Operators(ctx)
	if len(ops) != 1 || ops[0].Name != "李娜" || !ops[0].Admin {
		t.Fatalf("operators %+v", ops)
	}
	if _, err := db.SignIn(ctx, ops[0].ID, "1357"); !errors.Is(err, ErrWrongPIN) {
		t.Fatalf("wrong PIN: %v", err)
	}
	op, err := db.SignIn(ctx, ops[0].ID, "2468")
	if err != nil || op.Name != "李娜" || !op.Admin {
		t.Fatalf("sign in: %+v, %v", op, err)
	}
	var stored []byte
	db.sql.QueryRow("SELECT pin_hash FROM operators").Scan(&stored)
	if strings.Contains(string(stored), "2468") || !strings.HasPrefix(string(stored), "$2a$") {
		t.Fatalf("PIN stored as %q", stored)
	}
	var trail string
	db.sql.QueryRow("SELECT group_concat(new_value) FROM audit").Scan(&trail)
	if strings.Contains(trail, "2468") {
		t.Fatal("the PIN reached the audit trail")
	}
	// A deactivated person can no longer sign in.
	db.SetStaffActive(ctx, staffID, false)
	if _, err := db.SignIn(ctx, ops[0].ID, "2468"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deactivated operator: %v", err)
	}
}

// A line of the trail reads as the fields that changed, records named
// rather than numbered, unset times and unused parts left out; it can be
// narrowed to an operator, an area and a day.
func TestAuditReadsAsChangedFields(t *testing.T) {
	db := openTest(t)
	li := WithOperator(context.Background(), Operator{ID: 7, Name: "李娜"})
	wang := WithOperator(context.Background(), Operator{ID: 8, Name: "王强"})
	staffID, _ := db.SaveStaff(li, Staff{Name: "张三", Phone: "13912345678", Active: true})
	db.SaveStaff(li, Staff{ID: staffID, Name: "张三", Phone: "13912345679", Unit: "派出所", Active: true})
	_, rooms := siteWithRooms(t, db)
	gid, err := db.CheckIn(wang, guest(rooms["201"], "赵一", "11010519491231002X"))
	if err != nil {
		t.Fatal(err)
	}
	db.MoveGuest(wang, gid, rooms["202"], fixedNow.Add(time.Hour))
	cp, _ := db.SaveCheckpoint(li, Checkpoint{Name: "G65高速城关出口", Kind: "交通卡口", StaffPerShift: 2,
		Shifts: TwoShifts.Shifts(), OpenedOn: StartOfDay(fixedNow)})

	entries, err := db.Audit(li, AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	byAction := map[Action]AuditEntry{}
	for _, e := range entries {
		byAction[e.Action] = e
	}
	text := func(a Action) string {
		var parts []string
		for _, c := range byAction[a].Changes {
			parts = append(parts, c.Field+":"+c.Old+"→"+c.New)
		}
		return byAction[a].Subject + " " + strings.Join(parts, " ")
	}
	for a, want := range map[Action]string{
		ActEditStaff:      "张三 Phone:13912345678→13912345679 Unit:→派出所",
		ActMoveGuest:      "赵一 Room:3号楼201→3号楼202",
		ActSaveCheckpoint: "G65高速城关出口 ID:→" + strconv.FormatInt(cp, 10) + " Name:→G65高速城关出口 Kind:→交通卡口 OpenedOn:→2026-11-25 Shifts.1:→08:00-20:00 Shifts.2:→20:00-08:00 StaffPerShift:→2",
	} {
		if got := text(a); got != want {
			t.Errorf("%s reads\n%s\nnot\n%s", a, got, want)
		}
	}
	if c := text(ActCheckIn); !strings.Contains(c, "RoomID:→3号楼201") || strings.Contains(c, "0001") || strings.Contains(c, "SpecialNeeds") {
		t.Errorf("check in reads %s", c)
	}

	count := func(q AuditQuery) int {
		got, err := db.Audit(li, q)
		if err != nil {
			t.Fatal(err)
		}
		return len(got)
	}
	var byWang, isolation int
	db.sql.QueryRow("SELECT count(*) FROM audit WHERE operator = '王强'").Scan(&byWang)
	db.sql.QueryRow("SELECT count(*) FROM audit WHERE action IN ('add site', 'add rooms', 'check in', 'move guest')").Scan(&isolation)
	if n := count(AuditQuery{Operator: "王强"}); n != byWang || n != 2 {
		t.Errorf("王强's lines: %d, SQL %d", n, byWang)
	}
	if n := count(AuditQuery{Area: AreaIsolation}); n != isolation {
		t.Errorf("isolation lines: %d, SQL %d", n, isolation)
	}
	if n := count(AuditQuery{Area: AreaIsolation, Operator: "王强"}); n != 2 {
		t.Errorf("isolation lines of 王强: %d", n)
	}
	if n := count(AuditQuery{From: fixedNow.AddDate(0, 0, 1)}); n != 0 {
		t.Errorf("lines from tomorrow: %d", n)
	}
	if ops, _ := db.AuditOperators(li); strings.Join(ops, ",") != "李娜,王强" {
		t.Errorf("operators %v", ops)
	}
}
