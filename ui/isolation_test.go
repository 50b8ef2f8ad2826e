package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// isolationWithRooms opens 隔离点 on a site with rooms 3号楼201–203.
func isolationWithRooms(t *testing.T) (*shell, *isolation, *app.App) {
	t.Helper()
	a := openTestApp(t, false)
	ctx := context.Background()
	siteID, err := a.DB.SaveSite(ctx, data.Site{Name: "城关镇隔离点一"})
	if err != nil {
		t.Fatal(err)
	}
	rooms, _ := data.RoomBatch{SiteID: siteID, Building: "3号楼", FromFloor: 2, ToFloor: 2, FromNo: 1, ToNo: 3, Capacity: 1}.Rooms()
	if err := a.DB.AddRooms(ctx, rooms); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	return s, pageOf[*isolation](t, s), a
}

func tile(t *testing.T, iso *isolation, number string) *roomTile {
	t.Helper()
	for _, o := range test.LaidOutObjects(iso.board) {
		if rt, ok := o.(*roomTile); ok && rt.room.Number == number {
			return rt
		}
	}
	t.Fatalf("no tile %s", number)
	return nil
}

func topOverlay(t *testing.T, s *shell) fyne.CanvasObject {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	return top
}

func entriesIn(o fyne.CanvasObject) []*textField {
	var out []*textField
	for _, obj := range test.LaidOutObjects(o) {
		if e, ok := obj.(*textField); ok {
			out = append(out, e)
		}
	}
	return out
}

func TestCheckInByTypingTurnsTileOccupied(t *testing.T) {
	s, iso, a := isolationWithRooms(t)
	if tile(t, iso, "201").room.State != data.RoomVacant {
		t.Fatal("201 should start vacant")
	}
	test.Tap(tile(t, iso, "201"))
	test.Tap(findButton(t, topOverlay(t, s), "入住登记"))
	form := topOverlay(t, s)
	fields := entriesIn(form)
	test.Type(fields[0], "孙丽")                 // name
	test.Type(fields[1], "440524198001010013") // ID number: fills sex and birth date
	test.Type(fields[2], "13812345678")        // phone
	if !findLabel(form, "男,出生于1980年1月1日") {
		t.Fatal("the ID number did not fill in sex and birth date")
	}
	if !findLabel(form, "2026年12月9日 星期三") {
		t.Fatal("the planned release date is not shown")
	}
	test.Tap(findButton(t, form, "入住登记"))

	guests, err := a.DB.Guests(context.Background(), data.GuestQuery{Status: "in"})
	if err != nil || len(guests) != 1 || guests[0].Name != "孙丽" || guests[0].Room.Number != "201" || guests[0].Sex != "男" {
		t.Fatalf("guests after check-in: %+v, %v", guests, err)
	}
	rt := tile(t, iso, "201")
	if rt.room.State != data.RoomOccupied {
		t.Fatalf("tile 201 is %s", rt.room.State)
	}
	if first, second, _ := rt.lines(); first != "201" || second != "孙丽 余14天" {
		t.Fatalf("tile reads %q / %q", first, second)
	}
	if !strings.Contains(iso.counts.Text, "已入住 1") {
		t.Fatalf("counts %q", iso.counts.Text)
	}
}

func TestRefusedCheckInSaysWhyAndSavesNothing(t *testing.T) {
	s, iso, a := isolationWithRooms(t)
	ctx := context.Background()
	board, _ := a.DB.RoomBoard(ctx, iso.site.ID, a.Now())
	if _, err := a.DB.CheckIn(ctx, data.CheckIn{RoomID: board[0].ID, Name: "孙丽", IDNumber: "440524198001010013",
		Category: "密切接触者", PlannedDays: 14}); err != nil {
		t.Fatal(err)
	}
	iso.refresh()

	test.Tap(tile(t, iso, "202"))
	test.Tap(findButton(t, topOverlay(t, s), "入住登记"))
	form := topOverlay(t, s)
	fields := entriesIn(form)
	test.Type(fields[0], "孙丽")
	test.Type(fields[1], "440524198001010013")
	test.Tap(findButton(t, form, "入住登记"))

	if !findLabel(form, "此人(同一身份证号)已在隔离中,不能重复入住。") {
		t.Fatal("no Chinese reason shown beside the ID number")
	}
	if s.win.Canvas().Overlays().Top() != form || fields[0].Text != "孙丽" {
		t.Fatal("the form closed or lost what was typed")
	}
	if guests, _ := a.DB.Guests(ctx, data.GuestQuery{}); len(guests) != 1 {
		t.Fatalf("%d guests saved, want 1", len(guests))
	}
	if tile(t, iso, "202").room.State != data.RoomVacant {
		t.Fatal("202 changed state after a refused check-in")
	}
}

func TestIsolationRulesInSettings(t *testing.T) {
	a := openTestApp(t, false)
	s := newTestShell(t, a)
	s.nav.Select(7)
	set := pageOf[*settings](t, s)
	r := set.rules
	if r.days["密切接触者"].Text != "14" || r.testDays.Text != "1, 4, 7, 14" {
		t.Fatalf("defaults shown: %q, %q", r.days["密切接触者"].Text, r.testDays.Text)
	}
	r.days["次密切接触者"].SetText("五")
	test.Tap(findButton(t, r.box, "保存"))
	if msg := r.form.errs["days.次密切接触者"]; !msg.Visible() || msg.Text != "数字超出允许范围。" {
		t.Fatalf("bad days message %q", msg.Text)
	}
	if rules, _ := a.DB.IsolationRules(context.Background()); rules.DaysByCategory["次密切接触者"] != 7 {
		t.Fatal("a refused save changed the rules")
	}
	r.days["次密切接触者"].SetText("１０")
	r.testDays.SetText("7,1，3")
	test.Tap(findButton(t, r.box, "保存"))
	rules, _ := a.DB.IsolationRules(context.Background())
	if rules.DaysByCategory["次密切接触者"] != 10 || !slices.Equal(rules.TestDays, []int{1, 3, 7}) {
		t.Fatalf("saved rules %+v", rules)
	}
	if r.testDays.Text != "1, 3, 7" || set.unsaved() {
		t.Fatalf("after saving: %q, unsaved %v", r.testDays.Text, set.unsaved())
	}
}

func TestTemperatureRoundForAFloor(t *testing.T) {
	s, iso, a := isolationWithRooms(t)
	ctx := context.Background()
	board, _ := a.DB.RoomBoard(ctx, iso.site.ID, a.Now())
	for i, name := range []string{"孙丽", "周强"} {
		if _, err := a.DB.CheckIn(ctx, data.CheckIn{RoomID: board[i].ID, Name: name, Sex: "女",
			Category: "密切接触者", PlannedDays: 14}); err != nil {
			t.Fatal(err)
		}
	}
	f := showFloorTemps(s.win, a, iso.site, iso.refresh)
	if len(f.entries) != 2 || s.win.Canvas().Focused() != f.entries[0] {
		t.Fatalf("%d entries; first focused: %v", len(f.entries), s.win.Canvas().Focused() == f.entries[0])
	}
	test.Type(f.entries[0], "36.5")
	f.entries[0].OnSubmitted(f.entries[0].Text) // Enter
	if s.win.Canvas().Focused() != f.entries[1] {
		t.Fatal("Enter did not move to the next person")
	}
	if f.entries[0].Text != "36.5" || f.entries[1].PlaceHolder != "" || findLabel(f.rows, "体温异常") {
		t.Fatal("an empty row shows a value, or 36.5 is marked")
	}
	test.Type(f.entries[1], "45")
	enter(f.entries[1]) // Enter on the last row saves
	if !findLabel(f.rows, "不是体温读数") || !dialogOpen(s.win) {
		t.Fatal("a reading of 45 ℃ was not marked as typed, or was accepted")
	}
	if !f.errs[1].Visible() || f.errs[0].Visible() || f.entries[0].Text != "36.5" {
		t.Fatal("the bad row is not marked, or typed values were lost")
	}
	for _, g := range []string{"孙丽", "周强"} {
		guests, _ := a.DB.Guests(ctx, data.GuestQuery{Text: g})
		if temps, _ := a.DB.GuestTemperatures(ctx, guests[0].ID); len(temps) != 0 {
			t.Fatalf("%s has readings after a refused round", g)
		}
	}
	f.entries[1].SetText("３７．５")
	if !findLabel(f.rows, "体温异常") {
		t.Fatal("37.5 is not marked 体温异常 as it is typed")
	}
	enter(f.entries[1])
	if dialogOpen(s.win) {
		t.Fatalf("corrected round refused: %s", f.msg.Text)
	}
	guests, _ := a.DB.Guests(ctx, data.GuestQuery{Text: "周强"})
	temps, _ := a.DB.GuestTemperatures(ctx, guests[0].ID)
	if len(temps) != 1 || temps[0].Celsius != 37.5 || !temps[0].Fever() {
		t.Fatalf("周强's readings: %+v", temps)
	}
}

func TestBoardOnAPastDate(t *testing.T) {
	_, iso, a := isolationWithRooms(t)
	ctx := context.Background()
	board, _ := a.DB.RoomBoard(ctx, iso.site.ID, a.Now())
	id, err := a.DB.CheckIn(ctx, data.CheckIn{RoomID: board[0].ID, Name: "孙丽", Sex: "女", Category: "密切接触者",
		PlannedDays: 14, At: time.Date(2026, 11, 1, 10, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.DB.EndIsolation(ctx, id, "解除隔离", time.Date(2026, 11, 15, 9, 0, 0, 0, time.Local), ""); err != nil {
		t.Fatal(err)
	}
	iso.asOf.SetText("2026-11-03")
	iso.showBoard()
	rt := tile(t, iso, "201")
	if rt.room.State != data.RoomOccupied || rt.onTap != nil || !strings.HasPrefix(iso.counts.Text, "2026年11月3日中午:") {
		t.Fatalf("11月3日: %s, tappable %v, %q", rt.room.State, rt.onTap != nil, iso.counts.Text)
	}
	iso.asOf.SetText("")
	iso.showBoard()
	if rt := tile(t, iso, "201"); rt.room.State != data.RoomAwaitsClean || rt.onTap == nil {
		t.Fatalf("now: %s", rt.room.State)
	}
}

func TestGuestListMasksUnlessAdminChooses(t *testing.T) {
	_, iso, a := isolationWithRooms(t)
	ctx := context.Background()
	board, _ := a.DB.RoomBoard(ctx, iso.site.ID, a.Now())
	a.DB.CheckIn(ctx, data.CheckIn{RoomID: board[0].ID, Name: "孙丽", IDNumber: "440524198001010013",
		Phone: "13812345678", Category: "密切接触者", PlannedDays: 14})
	iso.refresh()
	l := iso.guests
	if cellText(l.table.view, 0, 4) != "440***********0013" || cellText(l.table.view, 0, 5) != "138****5678" {
		t.Fatalf("masked cells %q %q", cellText(l.table.view, 0, 4), cellText(l.table.view, 0, 5))
	}
	// A clerk may not unmask.
	a.SignIn(data.Operator{ID: 2, Name: "王强"})
	l.full.SetChecked(true)
	if l.full.Checked || cellText(l.table.view, 0, 5) != "138****5678" {
		t.Fatal("a clerk unmasked the list")
	}
	// An administrator may, and it is logged.
	a.SignIn(data.Operator{ID: 1, Name: "李娜", Admin: true})
	l.full.SetChecked(true)
	if cellText(l.table.view, 0, 4) != "440524198001010013" || cellText(l.table.view, 0, 5) != "13812345678" {
		t.Fatal("the administrator's choice did not unmask")
	}
	entries, _ := a.DB.Audit(ctx, data.AuditQuery{Text: "show unmasked"})
	if len(entries) != 1 || entries[0].Operator != "李娜" {
		t.Fatalf("unmasking not logged: %+v", entries)
	}
}

// A check-in half typed in its dialog survives a restart: the next start
// reopens the room's check-in with what was typed.
func TestCheckInDraftSurvivesARestart(t *testing.T) {
	s, iso, a := isolationWithRooms(t)
	board, _ := a.DB.RoomBoard(context.Background(), iso.site.ID, a.Now())
	c := iso.openCheckIn(board[1].Room)
	test.Type(c.name, "孙丽")
	test.Type(c.idNumber, "440524198001010013")
	c.category.SetSelected("入境人员")
	s.saveDrafts(map[string]map[string]string{})
	next := newTestShell(t, a)
	dlg := topOverlay(t, next)
	if !findLabel(dlg, "入住登记 3号楼202: 孙丽") {
		t.Fatal("the restart does not offer the check-in back")
	}
	test.Tap(findButton(t, dlg, "恢复"))
	iso2 := findPage[*isolation](t, next)
	if iso2.checkIn == nil || iso2.checkIn.name.Text != "孙丽" || iso2.checkIn.idNumber.Text != "440524198001010013" ||
		iso2.checkIn.category.Selected != "入境人员" || iso2.checkIn.room.ID != board[1].ID {
		t.Fatal("the check-in was not reopened with what was typed")
	}
	// Cancelled, the form is no longer kept.
	test.Tap(findButton(t, topOverlay(t, next), "取消"))
	if form, fields := iso2.draft(); fields != nil {
		t.Fatalf("a cancelled check-in is still a draft: %s %v", form, fields)
	}
}

// 结束隔离 on day 10 of 14 with a test not taken says so in red before
// the release is confirmed, and the release still goes through when it is;
// a transfer to hospital is not warned of.
func TestEarlyReleaseIsWarned(t *testing.T) {
	s, iso, a := isolationWithRooms(t)
	ctx := context.Background()
	board, _ := a.DB.RoomBoard(ctx, iso.site.ID, a.Now())
	id, err := a.DB.CheckIn(ctx, data.CheckIn{RoomID: board[0].ID, Name: "孙丽", Sex: "女", Category: "密切接触者",
		PlannedDays: 14, At: a.Now().AddDate(0, 0, -9)})
	if err != nil {
		t.Fatal(err)
	}
	showGuest(s.win, a, id, iso.refresh)
	end := findButton(t, topOverlay(t, s), "结束隔离…")
	if end.Importance == widget.HighImportance {
		t.Fatal("结束隔离 is the primary action of the card")
	}
	test.Tap(end)
	dlg := topOverlay(t, s)
	for _, want := range []string{"比计划解除日期提前5天", "第4天核酸", "未采样", "第7天核酸"} {
		if !findLabel(dlg, want) {
			t.Errorf("the release does not warn %q", want)
		}
	}
	choiceIn(t, dlg).SetSelected("转院")
	if findLabel(dlg, "提前") {
		t.Error("a transfer to hospital is warned of as an early release")
	}
	choiceIn(t, dlg).SetSelected("解除隔离")
	test.Tap(findButton(t, dlg, "确认"))
	g, _ := a.DB.GuestByID(ctx, id)
	if g.InIsolation() || g.Outcome != data.Released {
		t.Fatalf("the warned release did not go through: %+v", g)
	}
}
