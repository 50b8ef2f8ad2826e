package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"fangkong/app"
	"fangkong/data"
)

// reportDay records a morning of known figures on 2026-11-25 (the test
// clock stands at 09:00): three passages at the highway post, a tally of
// zeros at one village gate and nothing at the other, two admissions and a
// fever at the site, one test, masks in and out, and a roster. It returns
// the highway post's registration IDs.
func reportDay(t *testing.T, a *app.App) []int64 {
	t.Helper()
	ctx := context.Background()
	day := data.StartOfDay(a.Now())
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, name := range []string{"周卫东", "吴海燕", "郑志强", "王小红"} {
		_, err := a.DB.SaveStaff(ctx, data.Staff{Name: name, Phone: "1391234500" + string(rune('1'+i)), Kind: "干部", MayLead: i == 0, Active: true})
		must(err)
	}
	two, _ := data.ParseShifts(data.ShiftPatterns["两班"])
	post := func(name string) int64 {
		id, err := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: name, Kind: "交通卡口", Shifts: two, StaffPerShift: 1, OpenedOn: day.AddDate(0, 0, -2)})
		must(err)
		return id
	}
	highway, _, gate := post("G65高速城关出口"), post("河湾村村口"), post("东村村口")
	var regs []int64
	for i, r := range []data.Registration{
		{Name: "赵一", Plate: "陕G12345", Passengers: 2, Celsius: 36.5},
		{Name: "钱二", Celsius: 37.8},
		{Name: "孙三", Outcome: "劝返"},
	} {
		r.CheckpointID, r.Direction, r.At = highway, "进", day.Add(8*time.Hour+time.Duration(10*i)*time.Minute)
		id, err := a.DB.Register(ctx, r)
		must(err)
		regs = append(regs, id)
	}
	must(a.DB.SaveTally(ctx, data.Tally{CheckpointID: gate, ShiftStart: day, Shift: two[0]}))

	site, err := a.DB.SaveSite(ctx, data.Site{Name: "城关镇第一集中隔离点"})
	must(err)
	rooms, _ := data.RoomBatch{SiteID: site, Building: "3号楼", FromFloor: 2, ToFloor: 2, FromNo: 1, ToNo: 4, Capacity: 1}.Rooms()
	must(a.DB.AddRooms(ctx, rooms))
	board, _ := a.DB.RoomBoard(ctx, site, a.Now())
	var guests []int64
	for i, cat := range []string{"密切接触者", "入境人员"} {
		id, err := a.DB.CheckIn(ctx, data.CheckIn{RoomID: board[i].ID, Name: []string{"李建国", "张秀英"}[i], Sex: "男", Category: cat,
			At: day.Add(8*time.Hour + 30*time.Minute), PlannedDays: 14})
		must(err)
		guests = append(guests, id)
	}
	must(a.DB.RecordTemperature(ctx, guests[0], day.Add(8*time.Hour+40*time.Minute), 37.6))
	tests, _ := a.DB.GuestTests(ctx, guests[1])
	must(a.DB.RecordTestResult(ctx, tests[0].ID, day.Add(8*time.Hour+45*time.Minute), "阴性"))

	must(a.DB.AddStarterItems(ctx))
	items, _ := a.DB.Items(ctx, false)
	locs, _ := a.DB.Locations(ctx)
	var mask data.Item
	for _, it := range items {
		if it.Name == "医用外科口罩" {
			mask = it
		}
	}
	_, err = a.DB.Receive(ctx, data.Receipt{At: day.Add(7 * time.Hour), LocationID: locs[0].ID, Source: "上级调拨",
		Lines: []data.Line{{ItemID: mask.ID, Quantity: 1000, ExpiresOn: day.AddDate(1, 0, 0)}}})
	must(err)
	_, err = a.DB.IssueStock(ctx, data.Issue{At: day.Add(8 * time.Hour), LocationID: locs[0].ID, Recipient: "G65高速城关出口",
		Lines: []data.Line{{ItemID: mask.ID, Quantity: 200}}})
	must(err)
	_, err = a.DB.Roster(ctx, day, day.AddDate(0, 0, 1))
	must(err)
	return regs
}

// reportsScreen opens 报表.
func reportsScreen(t *testing.T, a *app.App) (*shell, *dailyReports) {
	s := newTestShell(t, a)
	for i, e := range s.entries {
		if r, ok := e.page.(*dailyReports); ok {
			s.nav.Select(i)
			return s, r
		}
	}
	t.Fatal("no 报表 screen")
	return nil, nil
}

// printedText is the text of the newest PDF in the reports folder.
func printedText(t *testing.T, a *app.App) string {
	t.Helper()
	files, _ := os.ReadDir(a.ReportsDir())
	if len(files) == 0 {
		t.Fatal("nothing printed")
	}
	out, err := exec.Command("pdftotext", "-layout", filepath.Join(a.ReportsDir(), files[len(files)-1].Name()), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func TestDailyReportPrintsTheRecordedNumbers(t *testing.T) {
	a := openTestApp(t, false)
	reportDay(t, a)
	_, r := reportsScreen(t, a)
	test.Type(r.checkBy, "王小红")
	test.Tap(findButton(t, r.box, "签发并打印"))
	text := printedText(t, a)
	for _, want := range []string{
		"城关镇疫情防控工作日报", "第1期", "2026年11月25日星期三",
		"带班领导:周卫东13912345001",
		// Vehicles, people (3 + 2 passengers), turned back, fevers, handed over, night people.
		"G65高速城关出口151110",
		// The village gate with nothing entered, and the gate with a tally of zeros.
		"河湾村村口未填报", "东村村口000000",
		"全部卡口1(+1)5(+5)1(+1)1(+1)1(+1)0(+0)",
		// Rooms, occupied, vacant, awaiting disinfection, in isolation, admitted, released, transferred, tests, positive, fevers.
		"城关镇第一集中隔离点42202200101",
		"密切接触者1人、入境人员1人",
		"医用外科口罩(独立包装)800只1000200",
		"今日有体温异常或阳性情况",
		"审核人王小红",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "今日无新增异常情况") {
		t.Error("a day with a fever carries the zero-report line")
	}
}

func TestIssuedReportStaysAsIssued(t *testing.T) {
	a := openTestApp(t, false)
	regs := reportDay(t, a)
	ctx := context.Background()
	day := data.StartOfDay(a.Now())
	first, err := a.DB.IssueReport(ctx, day, "", "刘芳", "")
	if err != nil {
		t.Fatal(err)
	}
	// A correction after issuing: the fever passage was a typing mistake.
	if err := a.DB.Void(ctx, regs[1], "体温录错"); err != nil {
		t.Fatal(err)
	}
	again, err := a.DB.IssuedReport(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.Today.PostsTotal.Fevers != 1 || again.Today.PostsTotal.People != 5 || again.Version != 1 {
		t.Fatalf("the issued report changed: %+v", again.Today.PostsTotal)
	}
	draft, _ := a.DB.DraftReport(ctx, day, "", "", "")
	if draft.Today.PostsTotal.Fevers != 0 || draft.Today.PostsTotal.People != 4 {
		t.Fatalf("the correction is not in the new figures: %+v", draft.Today.PostsTotal)
	}
	// Re-issuing makes version 2 under the same number, marked 修订; both stay.
	_, r := reportsScreen(t, a)
	test.Tap(findButton(t, r.box, "签发并打印"))
	text := printedText(t, a)
	if !strings.Contains(text, "第1期(修订第2版)") {
		t.Fatalf("re-issue not marked: %q", text[:200])
	}
	list, _ := a.DB.IssuedReports(ctx)
	if len(list) != 2 || list[0].Version != 2 || list[1].Version != 1 || list[0].Number != 1 || list[1].Number != 1 {
		t.Fatalf("issued %+v", list)
	}
	// The next day takes the next number.
	next, err := a.DB.IssueReport(ctx, day.AddDate(0, 0, 1), "", "", "")
	if err != nil || next.Number != 2 || next.Version != 1 {
		t.Fatalf("next day: %d/%d, %v", next.Number, next.Version, err)
	}
}

func TestUnfiledIsNotZero(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	day := data.StartOfDay(a.Now())
	two, _ := data.ParseShifts(data.ShiftPatterns["两班"])
	gate, _ := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: "河湾村村口", Kind: "村口/小区卡口", Shifts: two, StaffPerShift: 1, OpenedOn: day.AddDate(0, 0, -2)})
	f, err := a.DB.DailyFigures(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Checkpoints[0].Unfiled || !slices.Contains(f.Unfiled, "河湾村村口 08:00-20:00") {
		t.Fatalf("nothing entered: %+v, unfiled %v", f.Checkpoints[0], f.Unfiled)
	}
	// The night shift has not begun: not missing yet.
	if slices.Contains(f.Unfiled, "河湾村村口 20:00-08:00") {
		t.Fatal("a shift not yet begun is listed as unfiled")
	}
	// A tally of zeros is a zero, and a quiet day gets the zero-report line.
	if err := a.DB.SaveTally(ctx, data.Tally{CheckpointID: gate, ShiftStart: day, Shift: two[0]}); err != nil {
		t.Fatal(err)
	}
	_, r := reportsScreen(t, a)
	test.Tap(findButton(t, r.box, "签发并打印"))
	text := printedText(t, a)
	if !strings.Contains(text, "河湾村村口000000") || strings.Contains(text, "河湾村村口未填报") {
		t.Fatal("a zero tally does not print as 0")
	}
	if !strings.Contains(text, "今日无新增异常情况") {
		t.Fatal("a quiet day lacks the zero-report line")
	}
	// The front page lists what is still unfiled.
	s := newTestShell(t, a)
	o := s.entries[0].page.(*overview)
	o.refresh()
	if !strings.Contains(o.unfiled.Text, "带班领导") || strings.Contains(o.unfiled.Text, "河湾村村口") {
		t.Fatalf("front page unfiled: %q", o.unfiled.Text)
	}
}
