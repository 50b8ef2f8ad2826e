package reports

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"fangkong/data"
)

// The workbook's figures are numbers Excel and WPS can compute with, its
// dates dates, its header frozen.
func TestDailyWorkbookCellsAreNumbers(t *testing.T) {
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)
	posts := []data.CheckpointFigures{
		{Name: "G65高速城关出口", Total: data.Counts{Vehicles: 120, People: 340, TurnedBack: 3}},
		{Name: "东村村口", Total: data.Counts{Vehicles: 5, People: 60}},
		{Name: "河湾村村口", Unfiled: true, Status: data.NotFiled},
	}
	r := data.DailyReport{Number: 12, Version: 1, IssuedAt: day.Add(17*time.Hour + 5*time.Minute),
		Today: data.DailyFigures{Day: day, AsOf: day.AddDate(0, 0, 1), Checkpoints: posts, PostsTotal: data.Counts{Vehicles: 125, People: 400, TurnedBack: 3},
			KeyItems: []data.ItemFigures{{Item: "N95口罩(KN95级)", Unit: "只", OnHand: 916, Out: 10, Warning: 500, DaysLeft: 91.6}}},
		Yesterday: data.DailyFigures{Day: day.AddDate(0, 0, -1), AsOf: day, PostsTotal: data.Counts{People: 390},
			Checkpoints: []data.CheckpointFigures{{Name: "G65高速城关出口", Total: data.Counts{People: 390}}}}}
	var buf bytes.Buffer
	if err := DailyReportWorkbook(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := "卡口"
	// Rows 2–4 are the posts (the unfiled one empty), row 5 all posts; column D is 人员.
	if err := f.SetCellFormula(sheet, "J1", "SUM(D2:D4)"); err != nil {
		t.Fatal(err)
	}
	if got, err := f.CalcCellValue(sheet, "J1"); err != nil || got != "400" {
		t.Fatalf("SUM of the posts' people = %q, %v: not numbers", got, err)
	}
	if v, _ := f.GetCellValue(sheet, "B4"); v != "未填报" {
		t.Fatalf("unfiled post: %q", v)
	}
	if v, _ := f.GetCellValue(sheet, "D4"); v != "" {
		t.Fatalf("unfiled post's people: %q, want empty (not 0)", v)
	}
	// The day before and the change, as numbers: 400 − 390.
	if got, _ := f.GetCellValue(sheet, "D7"); got != "10" {
		t.Fatalf("change in people %q", got)
	}
	if typ, _ := f.GetCellType(sheet, "D7"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Fatal("the change is text")
	}
	// Days of supply keep their decimal; the date is a date cell.
	if err := f.SetCellFormula("物资", "J1", "G2*10"); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.CalcCellValue("物资", "J1"); got != "916" {
		t.Fatalf("days of supply ×10 = %q", got)
	}
	if v, _ := f.GetCellValue("日报信息", "B3"); v != "2026-11-25" {
		t.Fatalf("date cell shows %q", v)
	}
	if raw, _ := f.GetCellValue("日报信息", "B3", excelize.Options{RawCellValue: true}); raw != "46351" {
		t.Fatalf("date cell holds %q, want the serial date 46351", raw)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Fatalf("header not frozen: %+v %v", panes, err)
	}
}

// The Word document carries the masthead, the number and the figures as
// text Word and WPS can edit.
func TestDailyReportDocx(t *testing.T) {
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)
	r := data.DailyReport{Number: 12, Version: 2, ReportInput: data.ReportInput{RevisionNote: "补录夜班台账", SignedBy: "欧阳建国"},
		Today: data.DailyFigures{Day: day, AsOf: day.AddDate(0, 0, 1), Post: data.PostInfo{Township: "城关镇", PostName: "城关镇疫情防控指挥部", SendTo: "县疫情防控指挥部"},
			Checkpoints: []data.CheckpointFigures{{Name: "G65高速城关出口", Total: data.Counts{Vehicles: 120, People: 340}}},
			PostsTotal:  data.Counts{Vehicles: 120, People: 340}}}
	var buf bytes.Buffer
	if err := DailyReportDocx(&buf, r); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("not a .docx (zip): %v", err)
	}
	var body string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			body = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(b), "")
		}
	}
	for _, want := range []string{"城关镇疫情防控工作日报", "第12期 (修订 第2版)", "修订说明:补录夜班台账", "今日要情",
		"G65高速城关出口120340", "报:县疫情防控指挥部", "签发人:欧阳建国"} {
		if !strings.Contains(body, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
}
