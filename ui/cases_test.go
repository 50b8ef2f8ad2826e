package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// choiceIn is the first choice in o.
func choiceIn(t *testing.T, o fyne.CanvasObject) *choice {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if r, ok := obj.(*choice); ok {
			return r
		}
	}
	t.Fatal("no choice in the dialog")
	return nil
}

// gateAndSite makes a road checkpoint and a site with rooms 3号楼201–203.
func gateAndSite(t *testing.T, a *app.App) {
	t.Helper()
	ctx := context.Background()
	shifts := data.TwoShifts.Shifts()
	if _, err := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: "G65高速城关出口", Kind: "交通卡口", Shifts: shifts,
		StaffPerShift: 2, OpenedOn: a.Now().AddDate(0, 0, -1)}); err != nil {
		t.Fatal(err)
	}
	siteID, err := a.DB.SaveSite(ctx, data.Site{Name: "城关镇隔离点一"})
	if err != nil {
		t.Fatal(err)
	}
	rooms, _ := data.RoomBatch{SiteID: siteID, Building: "3号楼", FromFloor: 2, ToFloor: 2, FromNo: 1, ToNo: 3, Capacity: 1}.Rooms()
	if err := a.DB.AddRooms(ctx, rooms); err != nil {
		t.Fatal(err)
	}
}

// newestFile is the latest file written into dir.
func newestFile(t *testing.T, dir string) string {
	t.Helper()
	files, _ := os.ReadDir(dir)
	if len(files) == 0 {
		t.Fatalf("nothing in %s", dir)
	}
	var newest os.DirEntry
	var at time.Time
	for _, f := range files {
		if info, err := f.Info(); err == nil && !info.ModTime().Before(at) {
			newest, at = f, info.ModTime()
		}
	}
	return filepath.Join(dir, newest.Name())
}

// A person with a fever at the gate, followed through the real screens
// until their case is settled: each step on the case, on the slip and in
// the day's report.
func TestCaseFromAFeverAtTheGateToTheHospital(t *testing.T) {
	now := time.Date(2026, 11, 25, 8, 10, 0, 0, time.Local)
	a := openTestAppAt(t, false, &now)
	gateAndSite(t, a)
	s := newTestShell(t, a)

	// 37.8 ℃ typed at the gate and saved with Enter.
	c := pageOf[*checkpoints](t, s)
	test.Type(c.reg.name, "赵建国")
	test.Type(c.reg.idNumber, "11010519491231002X")
	test.Type(c.reg.phone, "13912345678")
	test.Type(c.reg.cameFrom, "西安市雁塔区")
	test.Type(c.reg.celsius, "37.8")
	enter(c.reg.celsius)
	if !strings.HasPrefix(c.reg.saved.Text, "已保存") {
		t.Fatalf("passage not saved: %q", c.reg.saved.Text)
	}

	// The case is on 异常情况, open, its ID number masked.
	now = now.Add(20 * time.Minute)
	cs := pageOf[*casesScreen](t, s)
	if rows := cs.table.shown(); len(rows) != 1 || rows[0].Source != data.CheckpointFever || !rows[0].Open {
		t.Fatalf("case list: %+v", rows)
	}
	cs.table.view.Select(widget.TableCellID{Row: 0, Col: 0})
	if !strings.Contains(cs.facts.Text, "110***********002X") || strings.Contains(cs.facts.Text, "11010519491231002X") ||
		!strings.Contains(cs.facts.Text, "卡口发热 37.8℃") {
		t.Fatalf("case facts: %q", cs.facts.Text)
	}

	// 移交 to the fever clinic, with the receiver, at 08:20.
	test.Tap(findButton(t, cs.box, "移交…"))
	dlg := topOverlay(t, s)
	if choiceIn(t, dlg).Selected != "发热门诊" || s.win.Canvas().Focused() == nil {
		t.Fatal("the hand-over does not start on 发热门诊 with the cursor in a field")
	}
	e := entriesIn(dlg)
	test.Type(e[0], "王医生")
	test.Type(e[1], "0913-6123456")
	test.Type(e[2], "08:20")
	test.Tap(findButton(t, dlg, "保存"))

	// Result: to central isolation; the check-in is offered at once.
	now = now.Add(40 * time.Minute)
	test.Tap(findButton(t, cs.box, "结果…"))
	dlg = topOverlay(t, s)
	choiceIn(t, dlg).SetSelected("转集中隔离")
	test.Tap(findButton(t, dlg, "保存"))
	test.Tap(findButton(t, topOverlay(t, s), "是"))
	test.Tap(findButton(t, topOverlay(t, s), "继续")) // the first room that can take someone
	iso := findPage[*isolation](t, s)
	form := iso.checkIn
	if form == nil || form.name.Text != "赵建国" || form.idNumber.Text != "11010519491231002X" ||
		form.phone.Text != "13912345678" || form.cameFrom.Text != "西安市雁塔区" || form.caseID != cs.chosen {
		t.Fatalf("check-in form not filled from the case: %+v", form)
	}
	test.Tap(findButton(t, topOverlay(t, s), "入住登记"))
	guests, _ := a.DB.Guests(context.Background(), data.GuestQuery{Text: "赵建国"})
	if len(guests) != 1 || guests[0].CaseID != cs.chosen {
		t.Fatalf("the stay does not point back to its case: %+v", guests)
	}

	// On the guest's card: a positive result, then 转院.
	now = now.Add(3 * time.Hour)
	showGuest(s.win, a, guests[0].ID, iso.refresh)
	test.Tap(findButton(t, topOverlay(t, s), "录入结果"))
	dlg = topOverlay(t, s)
	choiceIn(t, dlg).SetSelected("阳性")
	test.Tap(findButton(t, dlg, "保存"))
	now = now.Add(30 * time.Minute)
	showGuest(s.win, a, guests[0].ID, iso.refresh)
	test.Tap(findButton(t, topOverlay(t, s), "结束隔离…"))
	dlg = topOverlay(t, s)
	choiceIn(t, dlg).SetSelected("转院")
	test.Type(entriesIn(dlg)[0], "120送市定点医院")
	test.Tap(findButton(t, dlg, "确认"))

	// 办结 on the case screen.
	now = now.Add(time.Hour)
	cs = pageOf[*casesScreen](t, s)
	test.Tap(findButton(t, cs.box, "办结…"))
	dlg = topOverlay(t, s)
	test.Type(entriesIn(dlg)[0], "已转市定点医院救治")
	test.Tap(findButton(t, dlg, "办结"))
	want := []string{"移交发热门诊(接收人 王医生 0913-6123456)", "结果:转集中隔离", "入住城关镇隔离点一 3号楼201",
		"核酸检测阳性", "结果:转院(120送市定点医院)", "办结:已转市定点医院救治"}
	for _, step := range want {
		if !findLabel(cs.steps, step) {
			t.Errorf("the case does not show the step %q", step)
		}
	}
	if !strings.Contains(cs.title.String(), "已办结") || len(cs.table.shown()) != 0 {
		t.Fatalf("after settling: %q, %d still listed as open", cs.title.String(), len(cs.table.shown()))
	}

	// The 转运交接单, read back.
	test.Tap(findButton(t, cs.box, "打印转运交接单"))
	test.Tap(findButton(t, topOverlay(t, s), "继续"))
	slip := pdfText(t, newestFile(t, a.ReportsDir()))
	for _, w := range []string{"转运交接单", "赵建国", "110***********002X", "139****5678", "G65高速城关出口", "发热门诊",
		"王医生0913-6123456", "2026年11月25日08:20", "移交人(签名)", "接收人(签名)"} {
		if !strings.Contains(slip, w) {
			t.Errorf("the slip lacks %q: %s", w, slip)
		}
	}
	if strings.Contains(slip, "11010519491231002X") {
		t.Error("the slip shows the ID number in full")
	}

	// That day's report: 重要情况 drafted with every step, issued, printed.
	s2, r := reportsScreen(t, a)
	for _, step := range append(want, "赵建国", "卡口发热37.8℃") {
		if !strings.Contains(strings.ReplaceAll(r.events.Text, " ", ""), strings.ReplaceAll(step, " ", "")) {
			t.Errorf("重要情况 draft lacks %q: %s", step, r.events.Text)
		}
	}
	issueFromScreen(t, s2, r, "")
	text := pdfText(t, newestFile(t, a.ReportsDir()))
	if !strings.Contains(text, "异常情况:今日新增1起,办结1起,尚未办结0起。") || !strings.Contains(text, "移交发热门诊(接收人王医生0913-6123456)") ||
		strings.Contains(text, "今日无新增异常情况") {
		t.Fatalf("the issued report: %s", text)
	}
}

// The overdue limit is set in 设置; a case past it stands first in red,
// on 总览 and in 待办 too, and the duty handover note lists it.
func TestOverdueLimitAndTheHandoverNote(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTestAppAt(t, false, &now)
	ctx := context.Background()
	early, _ := a.DB.OpenCase(ctx, data.Case{Name: "李四", What: "村民来电:邻居发热", Place: "东村", OpenedAt: now.Add(-3 * time.Hour)})
	late, _ := a.DB.OpenCase(ctx, data.Case{Name: "王五", What: "返乡未报备", Place: "西村", OpenedAt: now.Add(-30 * time.Minute)})
	s := newTestShell(t, a)

	set := pageOf[*settings](t, s)
	set.cases.entry.SetText("0")
	test.Tap(findButton(t, set.cases.box, "保存"))
	if msg := set.cases.form.errs["overdue_hours"]; !msg.Visible() || msg.Text != "请填写1至72之间的整数小时。" {
		t.Fatalf("0 hours: %q", msg.Text)
	}
	set.cases.entry.SetText("1")
	test.Tap(findButton(t, set.cases.box, "保存"))
	if d, _ := a.DB.CaseOverdue(ctx); d != time.Hour {
		t.Fatalf("limit saved as %v", d)
	}

	cs := pageOf[*casesScreen](t, s)
	rows := cs.table.shown()
	if len(rows) != 2 || rows[0].ID != early || cs.mark(rows[0]) != widget.DangerImportance || cs.mark(rows[1]) != widget.WarningImportance {
		t.Fatalf("open cases: %+v", rows)
	}
	if got := tableText(cs.table.view, 0); !strings.Contains(got, "已3小时未跟进") {
		t.Fatalf("overdue case says %q", got)
	}
	if got := tableText(cs.table.view, 1); !strings.Contains(got, "未办结 已30分钟") {
		t.Fatalf("open case says %q", got)
	}

	o := pageOf[*overview](t, s)
	if cases := o.tiles[len(o.tiles)-1]; cases.number != "2" || cases.state != tileDanger {
		t.Fatal("总览 does not show the two open cases in red")
	}
	if !findLabel(o.cases, "东村 李四") || !findLabel(o.todo, "异常情况:未办结2起,最久已3小时,1起超过1小时未跟进") {
		t.Fatal("总览 does not list the open cases and what to do")
	}

	d := pageOf[*duty](t, s)
	d.log.add("交接班")
	note := entriesIn(topOverlay(t, s))[0]
	if !strings.HasPrefix(note.Text, "未办结异常情况2起:") || !strings.Contains(note.Text, "王五 西村") ||
		!strings.Contains(note.Text, "最新:(尚未处置)") {
		t.Fatalf("handover note: %q", note.Text)
	}
	_ = late
}

// A matter in the duty log becomes a case, its text, officer and time
// carried over.
func TestDutyLogMatterBecomesACase(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTestAppAt(t, false, &now)
	ctx := context.Background()
	if _, err := a.DB.LogDuty(ctx, data.DutyLogEntry{At: now.Add(-time.Hour), Kind: "记录", Caller: "东村村民",
		Matter: "邻居从外地返乡,发热未报备", Handling: "已通知网格员", Officer: "张伟"}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	d := pageOf[*duty](t, s)
	d.log.refresh()
	d.log.table.view.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(findButton(t, topOverlay(t, s), "登记为异常情况…"))
	dlg := topOverlay(t, s)
	e := entriesIn(dlg)
	if e[0].Text != "东村村民:邻居从外地返乡,发热未报备" || e[6].Text != "张伟" || e[7].Text != "11-25 08:00" {
		t.Fatalf("carried over: %q %q %q", e[0].Text, e[6].Text, e[7].Text)
	}
	test.Type(e[1], "东村3组")
	test.Tap(findButton(t, dlg, "保存"))
	list, _ := a.DB.Cases(ctx, data.CaseQuery{})
	if len(list) != 1 || list[0].Source != data.CallReported || list[0].FoundBy != "张伟" || list[0].Place != "东村3组" ||
		!list[0].OpenedAt.Equal(now.Add(-time.Hour)) {
		t.Fatalf("case: %+v", list)
	}
}

// A bad step is refused beside its field, in Chinese, and nothing typed
// is lost.
func TestBadStepIsRefusedBesideItsField(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTestAppAt(t, false, &now)
	id, _ := a.DB.OpenCase(context.Background(), data.Case{Name: "李四", What: "村民来电", OpenedAt: now.Add(-time.Hour)})
	s := newTestShell(t, a)
	cs := pageOf[*casesScreen](t, s)
	cs.show(id)
	test.Tap(findButton(t, cs.box, "移交…"))
	dlg := topOverlay(t, s)
	e := entriesIn(dlg)
	for _, c := range []struct{ receiver, at, field, says string }{
		{"", "", "receiver", "请填写接收人。"},
		{"王医生", "25:00", "at", "请填写时间,如 14:05 或 11-25 14:05。"},
		{"王医生", "10:00", "at", "时间晚于现在,请核对。"},
		{"王医生", "07:00", "at", "时间早于发现该情况的时间,请核对。"},
	} {
		e[0].SetText(c.receiver)
		e[2].SetText(c.at)
		test.Tap(findButton(t, dlg, "保存"))
		if !findLabel(dlg, c.says) {
			t.Errorf("receiver %q at %q: no %q beside %s", c.receiver, c.at, c.says, c.field)
		}
		if e[0].Text != c.receiver || e[2].Text != c.at {
			t.Error("typed values were lost")
		}
	}
	if _, steps, _ := a.DB.CaseWithSteps(context.Background(), id); len(steps) != 0 {
		t.Fatalf("recorded despite the refusals: %+v", steps)
	}
}
