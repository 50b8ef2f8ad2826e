package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// A county clerk's day, through the screens: the program set up as the
// county's roll-up, a township registered from its report file, a folder
// of files imported (an altered one refused with its reason, the rest
// kept), who has reported, and the county report issued and printed.
func TestCountyRollUpThroughTheScreens(t *testing.T) {
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.Local)
	day := time.Date(2026, 11, 19, 0, 0, 0, 0, time.Local)
	ctx := context.Background()

	// The township: its report of the day issued, its file written.
	town := openTestAppAt(t, true, &now)
	if err := town.Demo(ctx, app.ScaleSmall); err != nil {
		t.Fatal(err)
	}
	issued, err := town.IssueDailyReport(ctx, day, data.ReportInput{Events: "东村卡口转运发热人员1人。"}, app.ReportFiles{})
	if err != nil {
		t.Fatal(err)
	}
	file := town.SubmissionPath(issued)

	county := openTestAppAt(t, true, &now)
	s := newTestShell(t, county)
	setupForm := s.root.Objects[0]
	var entries []*textField
	for _, o := range test.LaidOutObjects(setupForm) {
		switch o := o.(type) {
		case *textField:
			entries = append(entries, o)
		case *widget.Select:
			o.SetSelectedIndex(int(data.CountyMode))
		}
	}
	test.Type(entries[0], "秦川县")
	test.Type(entries[1], "秦川县疫情防控指挥部")
	test.Type(entries[2], "0913-6123456")
	test.Tap(findButton(t, setupForm, "保存并开始使用"))
	if mode, _ := county.DB.Mode(ctx); mode != data.CountyMode || len(s.entries) != 5 {
		t.Fatalf("mode %v with %d screens after choosing 县级汇总", mode, len(s.entries))
	}

	tw := pageOf[*townships](t, s)
	tw.registerFrom(file)
	dlg := topOverlay(t, s)
	print, _, _ := town.DB.ReportFingerprint(ctx)
	if print == "" || !findLabel(dlg, print) {
		t.Fatal("the registration does not show the key's fingerprint to check")
	}
	for _, o := range test.LaidOutObjects(dlg) {
		if e, ok := o.(*textField); ok && e.Text == "" {
			test.Type(e, "王建国") // the contact, the first empty field
			break
		}
	}
	test.Tap(findButton(t, dlg, "保存"))
	registered, _ := county.DB.Townships(ctx)
	if len(registered) != 1 || registered[0].Name != "城关镇" || registered[0].Contact != "王建国" {
		t.Fatalf("registered %+v", registered)
	}

	// A USB stick: the file, a copy altered after issue, and a note.
	stick := t.TempDir()
	b, _ := os.ReadFile(file)
	os.WriteFile(filepath.Join(stick, filepath.Base(file)), b, 0o644)
	os.WriteFile(filepath.Join(stick, "改过.fkrpt"), bytes.Replace(b, []byte(`"events": "东村`), []byte(`"events": "西村`), 1), 0o644)
	os.WriteFile(filepath.Join(stick, "说明.txt"), []byte("U盘"), 0o644)
	rep := pageOf[*reporting](t, s)
	rep.day.entry.SetText("2026-11-19")
	rep.refresh()
	if got := cellText(rep.table.view, 0, 1); got != "未报" {
		t.Fatalf("before the import the township is %q", got)
	}
	rep.importFolder(stick)
	pick := topOverlay(t, s)
	if !findLabel(pick, "找到2份上报文件") {
		t.Fatal("the folder's two report files are not offered")
	}
	test.Tap(findButton(t, pick, "导入"))
	result := topOverlay(t, s)
	if !findLabel(result, "已导入1份,此前已有0份,拒收1份") {
		t.Fatal("the import's outcome is not summed up")
	}
	found := false
	for _, o := range test.LaidOutObjects(result) {
		if tb, ok := o.(*widget.Table); ok {
			for row := range 2 {
				c := tb.CreateCell()
				tb.UpdateCell(widget.TableCellID{Row: row, Col: 4}, c)
				if text := c.(*tableCell).Text; text == "拒收:该文件在乡镇签发后被改动过(签名不符),请乡镇重新发送。" {
					found = true
				}
			}
		}
	}
	if !found {
		t.Fatal("the altered file is not refused with its reason")
	}
	if got := cellText(rep.table.view, 0, 1); got != "已报" || cellText(rep.table.view, 0, 2) != "按时" {
		t.Fatalf("after the import the township is %q %q", got, cellText(rep.table.view, 0, 2))
	}

	cr := pageOf[*countyReports](t, s)
	cr.day.entry.SetText("2026-11-19")
	cr.signedBy.SetText("李县长")
	cr.refresh()
	test.Tap(findButton(t, cr.box, "签发并打印…"))
	test.Tap(findButton(t, topOverlay(t, s), "签发并打印"))
	r, err := county.DB.LatestCountyReport(ctx, day)
	if err != nil || r.Number != 1 || r.SignedBy != "李县长" || len(r.Day.Townships) != 1 {
		t.Fatalf("county report %+v: %v", r, err)
	}
	if r.Day.Townships[0].Report.Events != "东村卡口转运发热人员1人。" {
		t.Fatalf("the county report carries %q", r.Day.Townships[0].Report.Events)
	}
	pdfs, _ := filepath.Glob(filepath.Join(county.ReportsDir(), "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("%d PDFs printed", len(pdfs))
	}

	// The township re-issues its day; the county's re-issue shows what
	// changes and asks why.
	revised, err := town.IssueDailyReport(ctx, day, data.ReportInput{Events: "东村卡口转运发热人员1人,已排除。", RevisionNote: "补充处置结果"}, app.ReportFiles{})
	if err != nil {
		t.Fatal(err)
	}
	rep.importFiles([]string{town.SubmissionPath(revised)})
	test.Tap(findButton(t, topOverlay(t, s), "确定"))
	cr.refresh()
	test.Tap(findButton(t, cr.box, "签发并打印…"))
	dlg = topOverlay(t, s)
	shown := false
	for _, o := range test.LaidOutObjects(dlg) {
		if tb, ok := o.(*widget.Table); ok {
			rows, _ := tb.Length()
			for row := range rows {
				c := tb.CreateCell()
				tb.UpdateCell(widget.TableCellID{Row: row, Col: 2}, c)
				shown = shown || c.(*tableCell).Text == "东村卡口转运发热人员1人,已排除。"
			}
		}
	}
	if !shown {
		t.Fatal("the county's re-issue does not show the township's changed 重要情况")
	}
	test.Tap(findButton(t, dlg, "签发并打印"))
	if r, _ := county.DB.LatestCountyReport(ctx, day); r.Version != 1 {
		t.Fatalf("re-issued without a 修订说明: version %d", r.Version)
	}
	for _, o := range test.LaidOutObjects(dlg) {
		if e, ok := o.(*textField); ok && e.PlaceHolder == "重新签发的原因,如:东关镇补报" {
			test.Type(e, "城关镇补充处置结果")
		}
	}
	test.Tap(findButton(t, dlg, "签发并打印"))
	if r, _ := county.DB.LatestCountyReport(ctx, day); r.Version != 2 || r.RevisionNote != "城关镇补充处置结果" {
		t.Fatalf("county re-issue: version %d, note %q", r.Version, r.RevisionNote)
	}
}
