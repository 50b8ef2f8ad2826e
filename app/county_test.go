package app

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"fangkong/data"
	"fangkong/reports"
)

// township is one township's program for the county test: its own
// database made by the demo, renamed, with its figures for the day
// recomputed by SQL apart from the code that makes the report.
type township struct {
	name string
	app  *App
	q    func(string, ...any) float64
}

func newTownship(t *testing.T, name string, now *time.Time) township {
	t.Helper()
	a := openTest(t, now)
	ctx := context.Background()
	if err := a.Demo(ctx, ScaleSmall); err != nil {
		t.Fatal(err)
	}
	post, _ := a.DB.PostInfo(ctx)
	post.Township, post.PostName = name, name+"疫情防控指挥部"
	if err := a.DB.SavePostInfo(ctx, post); err != nil {
		t.Fatal(err)
	}
	conn, err := sql.Open("sqlite", a.DB.Path()+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	q := func(query string, args ...any) float64 {
		t.Helper()
		var v sql.NullFloat64
		if err := conn.QueryRow(query, args...).Scan(&v); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return v.Float64
	}
	return township{name: name, app: a, q: q}
}

// register adds n people passing the township's first checkpoint on day,
// so the townships' figures differ.
func (tw township) register(t *testing.T, day time.Time, n int) {
	t.Helper()
	var post int64
	q2(t, tw.app, "SELECT id FROM checkpoints ORDER BY id LIMIT 1").Scan(&post)
	for i := range n {
		if _, err := tw.app.DB.Register(context.Background(), data.Registration{CheckpointID: post, Direction: "进",
			Name: fmt.Sprintf("测试%d", i), At: day.Add(10*time.Hour + time.Duration(i)*time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
}

// issue issues the township's report of day and returns its report file.
func (tw township) issue(t *testing.T, day time.Time, note string) string {
	t.Helper()
	dir := t.TempDir()
	var path string
	r, err := tw.app.IssueDailyReport(context.Background(), day, data.ReportInput{FilledBy: "填报员", RevisionNote: note},
		ReportFiles{PDF: filepath.Join(dir, "日报.pdf")})
	if err != nil {
		t.Fatal(err)
	}
	path = tw.app.SubmissionPath(r)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("issuing wrote no report file: %v", err)
	}
	return path
}

// sqlDay is a township's day recomputed with SQL: people checked at its
// checkpoints and people in isolation at the day's end.
func (tw township) sqlDay(t *testing.T, day time.Time) (people, inIsolation int) {
	t.Helper()
	d := day.Format("2006-01-02")
	var names []string
	rows, err := sqlConn(t, tw.app).Query("SELECT name FROM checkpoints WHERE opened_on <= ? AND (closed_on IS NULL OR closed_on > ?)", d, d)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	for _, n := range names {
		people += sqlPostCounts(t, tw.app, tw.q, n, day).People
	}
	end := day.AddDate(0, 0, 1).Add(-time.Second).Format("2006-01-02 15:04:05")
	inIsolation = int(tw.q("SELECT count(*) FROM stays WHERE start_at <= ?1 AND (end_at IS NULL OR end_at > ?1)", end))
	return people, inIsolation
}

func sqlConn(t *testing.T, a *App) *sql.DB {
	conn, err := sql.Open("sqlite", a.DB.Path()+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// TestCountyRollsUpTheTownships issues reports in three township
// databases, imports their files into a county database, and reads the
// county report's PDF for each township's figures and the totals, both
// recomputed here with SQL on the townships' own files.
func TestCountyRollsUpTheTownships(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 30, 0, 0, time.Local)
	day := time.Date(2026, 11, 19, 0, 0, 0, 0, time.Local)
	ctx := context.Background()
	towns := []township{newTownship(t, "东关镇", &now), newTownship(t, "西岭镇", &now), newTownship(t, "南川镇", &now)}
	towns[1].register(t, day, 7)
	towns[2].register(t, day.AddDate(0, 0, -1), 3)
	var first []string // the day before: every township reports, and registers by it
	for _, tw := range towns {
		checkReportAgainstSQL(t, tw.app, tw.q, day)
		first = append(first, tw.issue(t, day.AddDate(0, 0, -1), ""))
	}
	east := towns[0].issue(t, day, "")
	west := towns[1].issue(t, day, "") // 南川镇 does not report the day

	county := openTest(t, &now)
	if err := county.DB.SavePostInfo(ctx, data.PostInfo{Township: "秦川县", PostName: "秦川县疫情防控指挥部", DutyPhone: "0913-6123456"}); err != nil {
		t.Fatal(err)
	}
	if err := county.DB.SaveMode(ctx, data.CountyMode); err != nil {
		t.Fatal(err)
	}
	for _, path := range first {
		tw, err := TownshipFromFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := county.DB.SaveTownship(ctx, tw); err != nil {
			t.Fatal(err)
		}
	}

	// An altered file (one figure changed after signing), a file that is
	// not a report file, and one from a township not registered here.
	dir := t.TempDir()
	b, _ := os.ReadFile(east)
	altered := filepath.Join(dir, "改过的.fkrpt")
	people := fmt.Sprintf(`"people": %d`, towns[0].app.mustDraft(t, day).Today.PostsTotal.People)
	if !bytes.Contains(b, []byte(people)) {
		t.Fatalf("the report file lacks %s", people)
	}
	os.WriteFile(altered, bytes.Replace(b, []byte(people), []byte(`"people": 1`), 1), 0o644)
	foreign := filepath.Join(dir, "照片.fkrpt")
	os.WriteFile(foreign, []byte("\x89PNG\r\n"), 0o644)
	_, stranger, _ := ed25519.GenerateKey(nil)
	unknown := filepath.Join(dir, "外县.fkrpt")
	f, _ := os.Create(unknown)
	reports.WriteSubmission(f, data.Submission{Township: "外县某镇", Day: day, Number: 1, Version: 1, IssuedAt: now}, stranger)
	f.Close()

	receipts, err := county.ImportReportFiles(ctx, append(first, east, altered, foreign, unknown, west, east))
	if err != nil {
		t.Fatal(err)
	}
	wantOutcome := []struct {
		outcome data.FileOutcome
		err     error
	}{{data.Received, nil}, {data.Received, nil}, {data.Received, nil}, {data.Received, nil},
		{data.Refused, data.ErrReportFileAltered}, {data.Refused, data.ErrNotReportFile}, {data.Refused, data.ErrUnknownTownship},
		{data.Received, nil}, {data.AlreadyReceived, nil}}
	for i, w := range wantOutcome {
		if receipts[i].Outcome != w.outcome || !errors.Is(receipts[i].Err, w.err) {
			t.Errorf("file %d (%s): %v %v, want %v %v", i, receipts[i].File, receipts[i].Outcome, receipts[i].Err, w.outcome, w.err)
		}
	}

	// 西岭镇 re-issues the day with more registrations: the newer version
	// counts, the older is kept.
	towns[1].register(t, day.Add(time.Hour), 5)
	revised := towns[1].issue(t, day, "补录卡口登记")
	if receipts, err = county.ImportReportFiles(ctx, []string{revised}); err != nil || receipts[0].Outcome != data.Received {
		t.Fatalf("re-issue: %+v %v", receipts, err)
	}
	var kept int
	sqlConn(t, county).QueryRow("SELECT count(*) FROM received_reports r JOIN townships t ON t.id = r.township_id WHERE t.name = '西岭镇' AND day = '2026-11-19'").Scan(&kept)
	if kept != 2 {
		t.Errorf("%d versions of 西岭镇's day kept, want 2", kept)
	}

	path := filepath.Join(t.TempDir(), "全县日报.pdf")
	book := filepath.Join(t.TempDir(), "全县日报.xlsx")
	r, err := county.IssueCountyReport(ctx, day, data.ReportInput{FilledBy: "县指挥部"}, ReportFiles{PDF: path, XLSX: book})
	if err != nil {
		t.Fatal(err)
	}
	if r.Number != 1 || len(r.Day.Townships) != 3 || len(r.Day.Missing()) != 1 {
		t.Fatalf("county report: number %d, %d townships, %d missing", r.Number, len(r.Day.Townships), len(r.Day.Missing()))
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	flat := strings.Join(strings.Fields(text), "")
	if !strings.Contains(flat, "未报送:南川镇(共1个)") {
		t.Errorf("the county report does not name 南川镇 as not reported:\n%s", text)
	}
	var totalPeople, totalIn int
	for _, tw := range towns[:2] {
		p, in := tw.sqlDay(t, day)
		totalPeople, totalIn = totalPeople+p, totalIn+in
		if !rowHas(text, tw.name, p) || !rowHas(text, tw.name, in) {
			t.Errorf("the county report's rows of %s lack its SQL figures (people %d, in isolation %d)", tw.name, p, in)
		}
	}
	if p, _ := towns[1].sqlDay(t, day); p != r.Day.Townships[indexOf(r.Day, "西岭镇")].Report.PostsTotal.People {
		t.Errorf("西岭镇 counts %d people, SQL %d: the re-issue did not replace the first version", r.Day.Townships[indexOf(r.Day, "西岭镇")].Report.PostsTotal.People, p)
	}
	if !strings.Contains(flat, fmt.Sprintf("人员%d人次", totalPeople)) || !rowHas(text, "全县合计", totalPeople) || !rowHas(text, "全县合计", totalIn) {
		t.Errorf("the county totals (people %d, in isolation %d) are not in the report:\n%s", totalPeople, totalIn, text)
	}
	checkCountyWorkbook(t, book, totalPeople)
	if err := exec.Command("qpdf", "--check", path).Run(); err != nil {
		t.Errorf("qpdf --check: %v", err)
	}
}

func (a *App) mustDraft(t *testing.T, day time.Time) data.DailyReport {
	t.Helper()
	r, err := a.DB.LatestIssued(context.Background(), day)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func indexOf(c data.CountyDay, name string) int {
	for i, t := range c.Townships {
		if t.Township.Name == name {
			return i
		}
	}
	return -1
}

// rowHas reports whether some line of a table printed by pdftotext starts
// with the name and carries the number as a cell of its own.
func rowHas(text, name string, n int) bool {
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] != name {
			continue
		}
		for _, cell := range f[1:] {
			if cell == fmt.Sprint(n) {
				return true
			}
		}
	}
	return false
}

// checkCountyWorkbook reads the county workbook back: on 卡口 the people
// are numbers, one per township that reported, summing to the total row.
func checkCountyWorkbook(t *testing.T, path string, people int) {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("卡口")
	if err != nil {
		t.Fatal(err)
	}
	sum, total := 0, -1
	for i, row := range rows[1:] {
		cell, _ := excelize.CoordinatesToCellName(4, i+2) // 人员
		typ, _ := x.GetCellType("卡口", cell)
		if len(row) < 4 || typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			continue // a township not reported: 未报
		}
		n, err := strconv.Atoi(row[3])
		if err != nil {
			t.Fatalf("卡口 %s: %q is not a number", cell, row[3])
		}
		if row[0] == "全县合计" {
			total = n
		} else {
			sum += n
		}
	}
	if total != people || sum != people {
		t.Errorf("the workbook's 卡口: townships sum to %d, total row %d, SQL %d", sum, total, people)
	}
}
