package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
	"fangkong/reports"
)

func enter(e fyne.Focusable) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func TestRegisterThreePassagesByTyping(t *testing.T) {
	a := openTestApp(t, false)
	shifts := data.TwoShifts.Shifts()
	if _, err := a.DB.SaveCheckpoint(context.Background(), data.Checkpoint{Name: "G65高速城关出口", Kind: "交通卡口",
		Shifts: shifts, StaffPerShift: 2, OpenedOn: a.Now().AddDate(0, 0, -1)}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	c := pageOf[*checkpoints](t, s)
	r := c.reg
	people := func() string { return c.dayRows[len(c.dayRows)-2][4] } // whole day, all checkpoints
	if people() != "0" {
		t.Fatalf("before: %v", c.dayRows)
	}

	test.Type(r.name, "赵建国")
	test.Type(r.idNumber, "11010519491231002x")
	test.Type(r.plate, "陕g12345")
	test.Type(r.passengers, "２")
	enter(r.plate)
	if r.name.Text != "" || !findLabel(r.box, "已保存:赵建国 陕G·12345") {
		t.Fatalf("first passage not saved or form not cleared: %q, %s", r.name.Text, r.saved.Text)
	}

	test.Type(r.name, "钱二")
	test.Type(r.celsius, "37.8")
	if r.outcome.Selected != "转送" || r.tempInfo.Text != "体温异常" {
		t.Fatalf("fever: outcome %q, flag %q", r.outcome.Selected, r.tempInfo.Text)
	}
	enter(r.celsius)

	test.Type(r.name, "孙三")
	test.Type(r.idNumber, "110105194912310021") // wrong check digit
	if r.override.Visible() || r.idInfo.Text != "身份证号校验位不对,请对照证件核实。" {
		t.Fatalf("while typing: override shown %v, info %q", r.override.Visible(), r.idInfo.Text)
	}
	enter(r.name)
	if !r.override.Visible() || r.name.Text != "孙三" {
		t.Fatalf("a wrong check digit was not questioned, or the form was cleared: override %v, name %q, info %q, saved %q", r.override.Visible(), r.name.Text, r.idInfo.Text, r.saved.Text)
	}
	test.Type(r.override, "纸质身份证模糊,已电话核实")
	enter(r.override)

	got, _ := a.DB.RecentRegistrations(context.Background(), c.post.ID, 10)
	if len(got) != 3 || len(c.recent) != 3 {
		t.Fatalf("%d saved, %d listed", len(got), len(c.recent))
	}
	// 3 people + 2 passengers, 1 vehicle, 1 fever handed over.
	last := c.dayRows[len(c.dayRows)-2]
	if last[3] != "1" || last[4] != "5" || last[6] != "1" || last[7] != "1" {
		t.Fatalf("day totals %v", last)
	}

	// The day before had nothing; back to today, the day's sheet prints
	// the three with ID numbers masked.
	c.tabs.SelectIndex(1)
	c.day.step(-1)
	if people() != "0" || c.day.entry.Text != "2026-11-24" {
		t.Fatalf("yesterday: %s people on %q", people(), c.day.entry.Text)
	}
	test.Tap(findButton(t, c.box, "今天"))
	if people() != "5" {
		t.Fatalf("back to today: %s people", people())
	}
	test.Tap(findButton(t, c.box, "打印登记表"))
	test.Tap(findButton(t, s.win.Canvas().Overlays().Top(), "继续"))
	files, _ := os.ReadDir(a.ReportsDir())
	if len(files) != 1 {
		t.Fatalf("reports: %v", files)
	}
	out, err := exec.Command("pdftotext", filepath.Join(a.ReportsDir(), files[0].Name()), "-").Output()
	if err != nil || !strings.Contains(string(out), "赵建国") || !strings.Contains(string(out), "110***********002X") ||
		!strings.Contains(string(out), "纸质身份证模糊") {
		t.Fatalf("sheet %s: %q, %v", files[0].Name(), out, err)
	}
}

func TestSearchRegistrationsAndExport(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	shifts := data.TwoShifts.Shifts()
	post, _ := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: "河湾村村口", Kind: "村口/小区卡口", Shifts: shifts,
		StaffPerShift: 2, OpenedOn: a.Now().AddDate(0, 0, -1)})
	for _, r := range []data.Registration{
		{Name: "赵建国", IDNumber: "11010519491231002X", Plate: "陕G12345"},
		{Name: "钱二", IDNumber: "440524198001010013"},
	} {
		r.CheckpointID, r.At, r.Direction = post, a.Now(), "进"
		if _, err := a.DB.Register(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	s := newRegSearch(w, a)
	w.SetContent(s.box)
	posts, _ := a.DB.Checkpoints(ctx)
	s.setPosts(posts)
	test.Type(s.text, "002x")
	enter(s.text)
	if row := tableText(s.table.view, 0); len(s.table.shown()) != 1 || !strings.Contains(row, "河湾村村口 进 赵建国 110***********002X") {
		t.Fatalf("search 002x: %d rows, %q", len(s.table.shown()), row)
	}
	// The filters narrow the same search: a later start date finds nothing,
	// an outcome and a post find what matches them.
	s.text.SetText("")
	s.post.SetSelected("河湾村村口")
	s.outcome.SetSelected("放行")
	s.search()
	if len(s.table.shown()) != 2 {
		t.Fatalf("post and outcome filter: %d rows", len(s.table.shown()))
	}
	test.Type(s.from, a.Now().AddDate(0, 0, 1).Format("2006/1/2"))
	enter(s.from)
	if len(s.table.shown()) != 0 || s.pages.count.Text != "共 0 条登记" {
		t.Fatalf("from tomorrow: %d rows, %q", len(s.table.shown()), s.pages.count.Text)
	}
	s.from.SetText("11月3日")
	s.search()
	if !findLabel(w.Canvas().Overlays().Top(), "请输入日期,例如 2026-11-03。") {
		t.Fatal("a mistyped date was not explained")
	}
	w.Canvas().Overlays().Top().Hide()
	s.from.SetText("")
	s.text.SetText("002X")
	s.search()
	s.export()
	files, _ := os.ReadDir(a.ExportsDir())
	if len(files) != 1 {
		t.Fatalf("exports: %v", files)
	}
	f, _ := os.Open(filepath.Join(a.ExportsDir(), files[0].Name()))
	defer f.Close()
	sheets, err := reports.ReadXLSX(f)
	if err != nil || len(sheets[0].Rows) != 1 || sheets[0].Rows[0][4] != "110***********002X" {
		t.Fatalf("exported %v, %v", sheets, err)
	}
}

func TestEnterShiftTally(t *testing.T) {
	a := openTestApp(t, false)
	shifts := data.TwoShifts.Shifts()
	a.DB.SaveCheckpoint(context.Background(), data.Checkpoint{Name: "河湾村村口", Kind: "村口/小区卡口", Shifts: shifts,
		StaffPerShift: 2, OpenedOn: a.Now().AddDate(0, 0, -1)})
	s := newTestShell(t, a)
	c := pageOf[*checkpoints](t, s)
	c.enterTally()
	dlg := s.win.Canvas().Overlays().Top()
	var pick *widget.Select
	for _, o := range test.LaidOutObjects(dlg) {
		if sel, ok := o.(*widget.Select); ok {
			pick = sel
		}
	}
	pick.SetSelected(pick.Options[0]) // today 08:00-20:00
	fields := entriesIn(dlg)
	fields[0].SetText("6") // vehicles
	fields[1].SetText("十") // people: not a number
	test.Tap(findButton(t, dlg, "保存"))
	if !findLabel(dlg, "数字超出允许范围。") || s.win.Canvas().Overlays().Top() != dlg {
		t.Fatal("a bad count was not refused beside its field")
	}
	fields[1].SetText("１１")
	test.Tap(findButton(t, dlg, "保存"))
	days, _ := a.DB.DayTotals(context.Background(), a.Now())
	if days[0].Shifts[0].Source != data.FromTally || days[0].Shifts[0].People != 11 || days[0].Shifts[0].Vehicles != 6 {
		t.Fatalf("after the tally: %+v", days[0].Shifts[0])
	}
}
