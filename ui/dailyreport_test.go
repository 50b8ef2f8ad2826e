package ui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
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
	two := data.TwoShifts.Shifts()
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
	return s, pageOf[*dailyReports](t, s)
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

// issueFromScreen taps 签发并打印…, checks what the confirmation says,
// types the revision note when one is asked for, and issues.
func issueFromScreen(t *testing.T, s *shell, r *dailyReports, note string, says ...string) {
	t.Helper()
	test.Tap(findButton(t, r.box, "签发并打印…"))
	dlg := topOverlay(t, s)
	for _, want := range says {
		if !findLabel(dlg, want) {
			t.Fatalf("the confirmation does not say %q", want)
		}
	}
	if note != "" {
		entries := entriesIn(dlg)
		test.Type(entries[len(entries)-1], note)
	}
	test.Tap(findButton(t, dlg, "签发并打印"))
}

func TestDailyReportPrintsTheRecordedNumbers(t *testing.T) {
	a := openTestApp(t, false)
	reportDay(t, a)
	s, r := reportsScreen(t, a)
	test.Type(r.checkBy, "王小红")
	test.Type(r.signedBy, "欧阳建国")
	issueFromScreen(t, s, r, "", "签发2026年11月25日 星期三日报 第1期?", "当日尚未结束:统计截至09:00")
	text := printedText(t, a)
	for _, want := range []string{
		"城关镇疫情防控工作日报", "第1期", "城关镇疫情防控指挥部2026年11月25日(统计截至09:00)",
		"今日要情", "卡口查验:3个卡口中2个已报数,共查验车辆1辆、人员5人次,劝返1人,体温异常1人,转送1人。",
		"带班领导:周卫东13912345001",
		// Vehicles, people (3 + 2 passengers), turned back, fevers, handed over, night people.
		"G65高速城关出口151110",
		// The gate with nothing yet in its running shift, and the gate with a tally of zeros.
		"河湾村村口进行中", "东村村口000000",
		// At 09:00 yesterday nothing had been entered anywhere: nothing to compare with.
		"全部卡口151110",
		"括号内为较昨日同时段(截至09:00)增减。前一日有卡口未填报(未填报不等于0),卡口合计不作比较。",
		// Rooms, occupied, vacant, awaiting disinfection; then the people.
		"城关镇第一集中隔离点4220",
		"城关镇第一集中隔离点22001001",
		"密切接触者1人、入境人员1人",
		"医用外科口罩(独立包装)800只10002002000",
		// 重要情况 drafted from the day's two cases, both still open.
		"异常情况:今日新增2起,办结0起,尚未办结2起。",
		"1.11月25日08:10,G65高速城关出口卡口发热37.8℃,钱二;尚未办结。",
		"2.11月25日08:40,城关镇第一集中隔离点3号楼201隔离点发热37.6℃,李建国;尚未办结。",
		"签发人:欧阳建国", "审核人:王小红",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q in %s", want, text)
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
	first, err := a.IssueDailyReport(ctx, day, data.ReportInput{FilledBy: "刘芳"}, app.ReportFiles{})
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
	draft, _ := a.DB.DraftReport(ctx, day, data.ReportInput{})
	if draft.Today.PostsTotal.Fevers != 0 || draft.Today.PostsTotal.People != 4 {
		t.Fatalf("the correction is not in the new figures: %+v", draft.Today.PostsTotal)
	}
	// Re-issuing shows what changes, figure by figure, and asks why.
	s, r := reportsScreen(t, a)
	test.Tap(findButton(t, r.box, "签发并打印…"))
	dlg := topOverlay(t, s)
	if !findLabel(dlg, "签发2026年11月25日 星期三日报 第1期 (修订 第2版)?") {
		t.Fatal("the confirmation does not name the revision")
	}
	var table *widget.Table
	for _, o := range test.LaidOutObjects(dlg) {
		if tb, ok := o.(*widget.Table); ok {
			table = tb
		}
	}
	if table == nil {
		t.Fatal("no table of changes")
	}
	rows, _ := table.Length()
	var shown []string
	for row := range rows {
		shown = append(shown, tableText(table, row))
	}
	all := strings.Join(shown, "\n")
	for _, want := range []string{"卡口 · G65高速城关出口 · 人员 5 4", "卡口 · G65高速城关出口 · 体温异常 1 0"} {
		if !strings.Contains(all, want) {
			t.Errorf("changes lack %q:\n%s", want, all)
		}
	}
	// Without a reason nothing is issued; the reason is asked beside its field.
	test.Tap(findButton(t, dlg, "签发并打印"))
	if !findLabel(dlg, "请填写原因") {
		t.Fatal("a revision without a note was not refused beside the field")
	}
	if list, _ := a.DB.IssuedReports(ctx); len(list) != 1 {
		t.Fatalf("issued without a note: %+v", list)
	}
	entries := entriesIn(dlg)
	test.Type(entries[len(entries)-1], "钱二体温录错,已作废")
	test.Tap(findButton(t, dlg, "签发并打印"))
	text := printedText(t, a)
	for _, want := range []string{"第1期(修订第2版)", "修订说明:钱二体温录错,已作废"} {
		if !strings.Contains(text, want) {
			t.Fatalf("revision lacks %q: %q", want, text[:300])
		}
	}
	list, _ := a.DB.IssuedReports(ctx)
	if len(list) != 2 || list[0].Version != 2 || list[1].Version != 1 || list[0].Number != 1 || list[1].Number != 1 {
		t.Fatalf("issued %+v", list)
	}
	// The next day takes the next number.
	next, err := a.IssueDailyReport(ctx, day.AddDate(0, 0, 1), data.ReportInput{}, app.ReportFiles{})
	if !errors.Is(err, data.ErrFutureDay) {
		t.Fatalf("a day not begun was issued: %+v, %v", next, err)
	}
}

// tableText is a row of a table as shown, cells joined by spaces.
// cellText is what a table's cell shows.
func cellText(tb *widget.Table, row, col int) string {
	o := tb.CreateCell()
	tb.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return o.(*tableCell).Text
}

func tableText(tb *widget.Table, row int) string {
	_, cols := tb.Length()
	var cells []string
	for col := range cols {
		o := tb.CreateCell()
		tb.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
		for _, obj := range test.LaidOutObjects(o) {
			switch l := obj.(type) {
			case *tableCell:
				cells = append(cells, l.Text)
			case *widget.Label:
				cells = append(cells, l.Text)
			}
		}
	}
	return strings.Join(cells, " ")
}

func TestReportNumbersFollowTheDatesAndBackfillIsMarked(t *testing.T) {
	now := time.Date(2026, 12, 1, 18, 0, 0, 0, time.Local)
	a := openTestAppAt(t, false, &now)
	ctx := context.Background()
	issue := func(day time.Time) data.DailyReport {
		t.Helper()
		r, err := a.IssueDailyReport(ctx, day, data.ReportInput{}, app.ReportFiles{PDF: filepath.Join(t.TempDir(), "日报.pdf")})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	d := func(m time.Month, day int) time.Time { return time.Date(2026, m, day, 0, 0, 0, 0, time.Local) }
	for _, c := range []struct {
		day      time.Time
		number   int
		backfill bool
	}{{d(11, 29), 1, false}, {d(12, 1), 2, false}, {d(11, 30), 3, true}, {d(10, 1), 4, true}} {
		r := issue(c.day)
		if r.Number != c.number || r.Backfill != c.backfill {
			t.Fatalf("%s: 第%d期 backfill %v, want 第%d期 %v", c.day.Format("1-2"), r.Number, r.Backfill, c.number, c.backfill)
		}
	}
	// A revision of a late day keeps its number and its mark.
	r, err := a.IssueDailyReport(ctx, d(11, 30), data.ReportInput{RevisionNote: "补录台账"}, app.ReportFiles{})
	if err != nil || r.Number != 3 || !r.Backfill || r.Version != 2 {
		t.Fatalf("revision of a late day: %+v, %v", r, err)
	}
	path := filepath.Join(t.TempDir(), "补报.pdf")
	if err := a.WriteDailyReport(r, app.ReportFiles{PDF: path}); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, path); !strings.Contains(text, "第3期(补报)(修订第2版)") {
		t.Fatalf("late revision's number line: %q", text[:200])
	}
}

// pdfText is a PDF's text without spaces.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func TestNothingIsIssuedUnlessItsFileIsWritten(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	missing := filepath.Join(t.TempDir(), "没有这个文件夹", "日报.pdf")
	_, err := a.IssueDailyReport(ctx, a.Now(), data.ReportInput{}, app.ReportFiles{PDF: missing})
	var folder *app.FolderError
	if !errors.As(err, &folder) || !strings.Contains(say.Message(err), "没有这个文件夹") {
		t.Fatalf("missing folder: %v (%s)", err, say.Message(err))
	}
	if list, _ := a.DB.IssuedReports(ctx); len(list) != 0 {
		t.Fatalf("issued although its file was not written: %+v", list)
	}
	// The PDF was fine but the workbook's folder is missing: nothing is
	// issued and the PDF is not left behind either.
	dir := t.TempDir()
	_, err = a.IssueDailyReport(ctx, a.Now(), data.ReportInput{}, app.ReportFiles{PDF: filepath.Join(dir, "日报.pdf"),
		XLSX: filepath.Join(dir, "无", "日报.xlsx")})
	if err == nil {
		t.Fatal("issued with the workbook's folder missing")
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("files left behind: %v", left)
	}
	if list, _ := a.DB.IssuedReports(ctx); len(list) != 0 {
		t.Fatalf("issued although its workbook was not written: %+v", list)
	}
}

func TestPartDayComparesWithTheSameTimeYesterday(t *testing.T) {
	now := time.Date(2026, 11, 25, 15, 36, 0, 0, time.Local)
	a := openTestAppAt(t, false, &now)
	ctx := context.Background()
	day := data.StartOfDay(now)
	three := data.ThreeShifts.Shifts()
	post, err := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: "G65高速城关出口", Kind: "交通卡口", Shifts: three, StaffPerShift: 1, OpenedOn: day.AddDate(0, 0, -5)})
	if err != nil {
		t.Fatal(err)
	}
	// Yesterday: people through every shift, 6 of them before 15:36.
	for _, h := range []int{1, 3, 7, 9, 12, 15, 16, 18, 20, 23} {
		if _, err := a.DB.Register(ctx, data.Registration{CheckpointID: post, Direction: "进", Name: "路人", At: day.AddDate(0, 0, -1).Add(time.Duration(h) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	// Today so far: 4.
	for _, h := range []int{2, 6, 10, 14} {
		if _, err := a.DB.Register(ctx, data.Registration{CheckpointID: post, Direction: "进", Name: "路人", At: day.Add(time.Duration(h) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	r, err := a.DB.DraftReport(ctx, day, data.ReportInput{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Today.PartDay() || r.Yesterday.AsOf != now.AddDate(0, 0, -1) || r.Yesterday.PostsTotal.People != 6 || r.Today.PostsTotal.People != 4 {
		t.Fatalf("today %d as of %s, yesterday %d as of %s", r.Today.PostsTotal.People, r.Today.AsOf, r.Yesterday.PostsTotal.People, r.Yesterday.AsOf)
	}
	// The shift that starts at 16:00 has not begun today.
	if got := r.Today.Checkpoints[0].Shifts[2].Source; got != data.NotStarted {
		t.Fatalf("16:00 shift: %s", got)
	}
	path := filepath.Join(t.TempDir(), "日报.pdf")
	if err := a.WriteDailyReport(r, app.ReportFiles{PDF: path}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, path)
	for _, want := range []string{"(统计截至15:36)", "全部卡口0(+0)4(-2)", "括号内为较昨日同时段(截至15:36)增减"} {
		if !strings.Contains(text, want) {
			t.Errorf("part-day report lacks %q", want)
		}
	}
	// The same report the next morning is the whole day, against the whole day before.
	now = day.AddDate(0, 0, 1).Add(9 * time.Hour)
	r, _ = a.DB.DraftReport(ctx, day, data.ReportInput{})
	if r.Today.PartDay() || r.Yesterday.PostsTotal.People != 10 {
		t.Fatalf("whole day: part %v, yesterday %d", r.Today.PartDay(), r.Yesterday.PostsTotal.People)
	}
}

func TestUnfiledPreviousDayIsNotCountedAsZero(t *testing.T) {
	now := time.Date(2026, 11, 26, 8, 30, 0, 0, time.Local)
	a := openTestAppAt(t, false, &now)
	ctx := context.Background()
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)
	two := data.TwoShifts.Shifts()
	post, _ := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: "河湾村村口", Kind: "村口/小区卡口", Shifts: two, StaffPerShift: 1, OpenedOn: day.AddDate(0, 0, -3)})
	for _, sh := range two {
		if err := a.DB.SaveTally(ctx, data.Tally{CheckpointID: post, ShiftStart: day, Shift: sh, Counts: data.Counts{People: 11}}); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := a.DB.DraftReport(ctx, day, data.ReportInput{})
	if r.Yesterday.PostsFiled() {
		t.Fatal("a day with nothing entered counts as filed")
	}
	path := filepath.Join(t.TempDir(), "日报.pdf")
	a.WriteDailyReport(r, app.ReportFiles{PDF: path})
	text := pdfText(t, path)
	if !strings.Contains(text, "全部卡口0220001") || !strings.Contains(text, "卡口合计不作比较") || strings.Contains(text, "+22") {
		t.Fatalf("unfiled day compared as zero: %s", text)
	}
}

func TestUnfiledIsNotZero(t *testing.T) {
	now := time.Date(2026, 11, 25, 21, 0, 0, 0, time.Local)
	a := openTestAppAt(t, false, &now)
	ctx := context.Background()
	day := data.StartOfDay(a.Now())
	two := data.TwoShifts.Shifts()
	gate, _ := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: "河湾村村口", Kind: "村口/小区卡口", Shifts: two, StaffPerShift: 1, OpenedOn: day.AddDate(0, 0, -2)})
	f, err := a.DB.DailyFigures(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Checkpoints[0].Unfiled || !slices.Contains(f.Unfiled, "河湾村村口 08:00-20:00") {
		t.Fatalf("nothing entered: %+v, unfiled %v", f.Checkpoints[0], f.Unfiled)
	}
	// The night shift is running: not missing yet.
	if slices.Contains(f.Unfiled, "河湾村村口 20:00-08:00") || f.Checkpoints[0].Shifts[1].Source != data.InProgress {
		t.Fatalf("a running shift is listed as unfiled: %+v", f.Checkpoints[0].Shifts[1])
	}
	// A tally of zeros is a zero, and a quiet day gets the zero-report line.
	if err := a.DB.SaveTally(ctx, data.Tally{CheckpointID: gate, ShiftStart: day, Shift: two[0]}); err != nil {
		t.Fatal(err)
	}
	s, r := reportsScreen(t, a)
	issueFromScreen(t, s, r, "")
	text := printedText(t, a)
	if !strings.Contains(text, "河湾村村口000000") || strings.Contains(text, "河湾村村口未填报") {
		t.Fatal("a zero tally does not print as 0")
	}
	if !strings.Contains(text, "今日无新增异常情况") {
		t.Fatal("a quiet day lacks the zero-report line")
	}
	// The front page lists what is still unfiled.
	s = newTestShell(t, a)
	o := pageOf[*overview](t, s)
	o.refresh()
	if !strings.Contains(o.unfiled.Text, "带班领导") || strings.Contains(o.unfiled.Text, "河湾村村口") {
		t.Fatalf("front page unfiled: %q", o.unfiled.Text)
	}
}

// One figure, one definition: 总览, its own screen, the report's figures
// and the printed report show the same number at the same moment.
func TestOneFigureOnEveryScreenAndTheReport(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	if err := a.Demo(ctx, app.ScaleSmall); err != nil {
		t.Fatal(err)
	}
	// A positive result for a guest in isolation.
	guests, _ := a.DB.Guests(ctx, data.GuestQuery{Status: "in"})
	tests, _ := a.DB.GuestTests(ctx, guests[0].ID)
	if err := a.DB.RecordTestResult(ctx, tests[0].ID, a.Now().Add(-time.Hour), data.TestPositive); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	o := pageOf[*overview](t, s)
	o.refresh()
	m := pageOf[*materials](t, s)
	r, err := a.DB.DraftReport(ctx, a.Now(), data.ReportInput{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "日报.pdf")
	if err := a.WriteDailyReport(r, app.ReportFiles{PDF: path}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, path)

	// 低于警戒线: 总览's card, 物资's summary, the report, the PDF.
	short := strconv.Itoa(len(r.Today.ShortItems))
	if len(r.Today.ShortItems) == 0 {
		t.Fatal("the small demo has no item under its level: nothing compared")
	}
	if got := o.tiles[4].number; got != short {
		t.Errorf("总览 低于警戒线 %s, report %s", got, short)
	}
	if !strings.HasPrefix(m.summary.Text, short+"项低于警戒线") {
		t.Errorf("物资 says %q, report %s", m.summary.Text, short)
	}
	if !strings.Contains(text, "物资保障:"+short+"项低于警戒线") {
		t.Errorf("the PDF lacks %s items under their level", short)
	}
	// 可用天数 of N95 masks: 物资's table and the report.
	var screen string
	for _, l := range m.stock {
		if l.Item.Name == "N95口罩" && l.LocationID == 0 {
			screen = daysLeft(l.DaysLeft)
		}
	}
	var report string
	for _, it := range r.Today.KeyItems {
		if strings.HasPrefix(it.Item, "N95口罩") {
			report = data.FormatDays(it.DaysLeft)
		}
	}
	if screen == "" || report != screen+"天" && !(screen == "—" && report == "—") {
		t.Errorf("N95 可用天数: 物资 %q, report %q", screen, report)
	}
	// 在隔离阳性人员: 总览's to-do and the report.
	pos := 0
	for _, s := range r.Today.Sites {
		pos += s.PositiveInIsolation
	}
	if pos != 1 || !findLabel(o.todo, "在隔离阳性 1") || !strings.Contains(text, "在隔离阳性人员1人") || o.tiles[0].note != "其中阳性1人" {
		t.Errorf("在隔离阳性: report %d, 总览 %q", pos, o.tiles[0].note)
	}
	// The day's new positives are another figure, under another name.
	if !strings.Contains(text, "今日新增阳性") {
		t.Error("the report does not name 今日新增阳性 apart")
	}
	// 在隔离 on 总览 and in the report.
	if got, want := o.tiles[0].number, strconv.Itoa(r.Today.InIsolation()); got != want {
		t.Errorf("在隔离: 总览 %s, report %s", got, want)
	}
}
