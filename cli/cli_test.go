package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCLIDemoAndBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "演示 数据", "fangkong.db")
	if code, out, errs := runCLI("demo", "--db", db, "--scale", "small"); code != 0 || !strings.Contains(out, "演示数据已写入") {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	// A second demo on the same file is refused: it already holds records.
	if code, _, errs := runCLI("demo", "--db", db); code != 1 || !strings.Contains(errs, "数据库中已有数据") {
		t.Fatalf("second demo: %d %q", code, errs)
	}
	to := filepath.Join(dir, "U盘")
	code, out, errs := runCLI("backup", "--db", db, "--to", to)
	if code != 0 || !strings.Contains(out, "备份已写入") {
		t.Fatalf("backup: %d %q %q", code, out, errs)
	}
	files, _ := os.ReadDir(to)
	if len(files) != 1 || !strings.HasPrefix(files[0].Name(), "备份-fangkong-") {
		t.Fatalf("backup folder holds %v", files)
	}
}

func TestCLIRefusals(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "笔记.txt")
	os.WriteFile(text, []byte("这不是数据库"), 0o644)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"backup", "--db", text, "--to", dir}, 1, "这个文件不是本程序的数据库,未对它做任何改动。"},
		{[]string{"demo"}, 2, "请用 --db 指定数据库文件。"},
		{[]string{"demo", "--db", filepath.Join(dir, "a.db"), "--scale", "huge"}, 1, "规模只能是 small 或 year。"},
		{[]string{"backup", "--db", filepath.Join(dir, "a.db")}, 2, "请用 --to 指定备份文件夹。"},
		{[]string{"print"}, 2, "用法:"},
		{[]string{"demo", "--nonsense"}, 2, "用法:"},
	}
	for _, c := range cases {
		code, out, errs := runCLI(c.args...)
		if code != c.code || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, code, out, errs, c.code, c.want)
		}
	}
	if b, _ := os.ReadFile(text); string(b) != "这不是数据库" {
		t.Fatal("the text file was changed")
	}
}

func TestCLIVersion(t *testing.T) {
	code, out, _ := runCLI("version")
	if code != 0 || out != "防控指挥台 "+app.Version+"\n" {
		t.Fatalf("version: %d %q", code, out)
	}
}

func TestCLISelfCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "用户 张三")
	os.MkdirAll(dir, 0o755)
	logFile := filepath.Join(dir, "自检.txt")
	code, out, errs := runCLI("selfcheck", "--dir", dir, "--keep", "--log", logFile)
	if code != 0 || !strings.HasSuffix(out, "自检通过。\n") || strings.Count(out, "✓") != 5 {
		t.Fatalf("selfcheck: %d\n%s\n%s", code, out, errs)
	}
	if b, _ := os.ReadFile(logFile); string(b) != out {
		t.Fatalf("log file differs from output:\n%s", b)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "自检 数据 *", "报表", "人员通讯录-*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("PDF not kept: %v", pdfs)
	}
}

func TestCLIOperatorResetsPIN(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fangkong.db")
	runCLI("demo", "--db", db)
	if code, _, errs := runCLI("operator", "--db", db, "--name", "无此人", "--pin", "2468"); code != 1 || !strings.Contains(errs, "现有 0 位") {
		t.Fatalf("unknown name: %d %q", code, errs)
	}
	a, _ := app.Open(context.Background(), db, time.Now)
	list, _ := a.DB.Staff(context.Background(), data.StaffQuery{})
	a.Close()
	name := list[0].Name
	if code, out, errs := runCLI("operator", "--db", db, "--name", name, "--pin", "2468"); code != 0 || !strings.Contains(out, "已设为操作员") {
		t.Fatalf("operator: %d %q %q", code, out, errs)
	}
	a, _ = app.Open(context.Background(), db, time.Now)
	defer a.Close()
	ops, _ := a.DB.Operators(context.Background())
	if len(ops) != 1 || ops[0].Name != name || !ops[0].Admin {
		t.Fatalf("operators %+v", ops)
	}
	if _, err := a.DB.SignIn(context.Background(), ops[0].ID, "2468"); err != nil {
		t.Fatalf("sign in with the new PIN: %v", err)
	}
}

func TestCLIHelpPrintsUsageWithoutAWindow(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		if !IsCommand([]string{arg}) {
			t.Errorf("%s would open the window", arg)
		}
		code, out, errs := runCLI(arg)
		if code != 0 || !strings.HasPrefix(out, "用法:") || errs != "" {
			t.Errorf("%s: exit %d, %q, %q", arg, code, out, errs)
		}
	}
	if code, out, _ := runCLI("backup", "--help"); code != 0 || !strings.HasPrefix(out, "用法:") {
		t.Errorf("backup --help: %d %q", code, out)
	}
	if IsCommand([]string{"--db", "x.db"}) {
		t.Error("--db PATH is the window's, not a command")
	}
}

// TestCLIMistakesDoNoHarm: a mistyped path, option, date or folder gets
// one Chinese sentence and changes nothing.
func TestCLIMistakesDoNoHarm(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "fangkong.db")
	if code, _, errs := runCLI("demo", "--db", good); code != 0 {
		t.Fatal(errs)
	}
	typo := filepath.Join(dir, "fangkogn.db")
	out := filepath.Join(dir, "日报.pdf")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", "daily", "--db", typo, "--out", out}, 1, "找不到数据库文件 " + typo + ",未创建任何文件。"},
		{[]string{"report", "weekly", "--db", typo, "--out", out}, 1, "找不到数据库文件"},
		{[]string{"backup", "--db", typo, "--to", dir}, 1, "找不到数据库文件"},
		{[]string{"operator", "--db", typo, "--name", "张三", "--pin", "2468"}, 1, "找不到数据库文件"},
		{[]string{"report", "daily", "--db", good, "--out", filepath.Join(dir, "无此文件夹", "日报.pdf")}, 1,
			"文件夹 " + filepath.Join(dir, "无此文件夹") + " 不存在,未写入任何文件,也未签发。"},
		{[]string{"report", "daily", "--db", good, "--date", "2099-01-01", "--out", out}, 1, "该日期尚未到来"},
		{[]string{"report", "daily", "--db", good, "--date", "明天", "--out", out}, 2, "请输入日期"},
		{[]string{"backup", "--db", good, "--to", dir, "--pin", "1234"}, 2, "该命令没有这个选项。"},
		{[]string{"report", "weekly", "--db", good, "--scale", "year", "--out", out}, 2, "该命令没有这个选项。"},
		{[]string{"version", "--db", good}, 2, "该命令没有这个选项。"},
		{[]string{"report", "monthly", "--db", good}, 2, "用法:"},
	}
	for _, c := range cases {
		code, stdout, errs := runCLI(c.args...)
		if code != c.code || !strings.Contains(errs, c.want) || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, code, stdout, errs, c.code, c.want)
		}
	}
	if _, err := os.Stat(typo); err == nil {
		t.Fatal("a mistyped --db created a database")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*.pdf")); len(left) != 0 {
		t.Fatalf("files written by refused commands: %v", left)
	}
	a, _ := app.Open(context.Background(), good, time.Now)
	list, _ := a.DB.IssuedReports(context.Background())
	a.Close()
	if len(list) != 0 {
		t.Fatalf("a refused report was issued: %+v", list)
	}
}

func TestCLIReportsForAScheduledTask(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fangkong.db")
	runCLI("demo", "--db", db)
	day := time.Now().AddDate(0, 0, -1).Format("2006-01-02")
	pdf, xlsx := filepath.Join(dir, "日报.pdf"), filepath.Join(dir, "日报.xlsx")
	for range 2 { // run twice: one version only
		if code, out, errs := runCLI("report", "daily", "--db", db, "--date", day, "--out", pdf, "--xlsx", xlsx); code != 0 || !strings.Contains(out, "报表已写入") {
			t.Fatalf("report daily: %d %q %q", code, out, errs)
		}
	}
	a, _ := app.Open(context.Background(), db, time.Now)
	list, _ := a.DB.IssuedReports(context.Background())
	a.Close()
	if len(list) != 1 || list[0].Version != 1 {
		t.Fatalf("a scheduled task run twice issued %+v", list)
	}
	text := pdfText(t, pdf)
	if !strings.Contains(text, "城关镇疫情防控工作日报") || !strings.Contains(text, "第1期") {
		t.Fatalf("daily PDF: %.200s", text)
	}
	// 重要情况 drafted from yesterday's cases: the one reopened and the one
	// checked in at a site from its case, both open at the day's end.
	for _, want := range []string{"孙志强", "重新打开:返家后再次发热,村医报告", "马丽娟", "结果:转集中隔离", "入住城关镇第一集中隔离点",
		"尚未办结。"} {
		if !strings.Contains(text, want) {
			t.Errorf("the scheduled report's 重要情况 lacks %q", want)
		}
	}
	if strings.Contains(text, "今日无新增异常情况") {
		t.Error("a day with open cases carries the zero-report line")
	}
	weekly := filepath.Join(dir, "周报.xlsx")
	if code, _, errs := runCLI("report", "weekly", "--db", db, "--date", day, "--xlsx", weekly); code != 0 {
		t.Fatal(errs)
	}
	f, err := os.Open(weekly)
	if err != nil {
		t.Fatalf("weekly workbook not written: %v", err)
	}
	defer f.Close()
	book, err := reports.ReadXLSX(f)
	if err != nil || len(book) != 1 || len(book[0].Rows) != 8 {
		t.Fatalf("weekly workbook: %+v, %v", book, err)
	}
}

// A township's scheduled report writes its report file for the county and
// says where; a county database makes the county's report, and refuses a
// township's weekly summary with a sentence, writing nothing.
func TestCLIReportFilesAndTheCounty(t *testing.T) {
	dir := t.TempDir()
	town := filepath.Join(dir, "镇", "fangkong.db")
	runCLI("demo", "--db", town)
	day := time.Now().AddDate(0, 0, -1)
	code, out, errs := runCLI("report", "daily", "--db", town, "--date", day.Format("2006-01-02"), "--out", filepath.Join(dir, "日报.pdf"))
	files, _ := filepath.Glob(filepath.Join(dir, "镇", "上报文件", "*.fkrpt"))
	if code != 0 || len(files) != 1 || !strings.Contains(out, "上报文件(报县级汇总):"+files[0]) {
		t.Fatalf("report daily: %d %q %q, report files %v", code, out, errs, files)
	}
	if _, err := app.ReadReportFile(files[0]); err != nil {
		t.Fatalf("the report file does not read back: %v", err)
	}

	county := filepath.Join(dir, "县", "fangkong.db")
	if code, _, errs := runCLI("demo", "--db", county, "--scale", "county"); code != 0 {
		t.Fatalf("county demo: %s", errs)
	}
	pdf := filepath.Join(dir, "全县日报.pdf")
	if code, _, errs := runCLI("report", "daily", "--db", county, "--date", day.Format("2006-01-02"), "--out", pdf); code != 0 {
		t.Fatalf("county report: %s", errs)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "秦川县疫情防控工作日报") || !strings.Contains(text, "未报送:北塬镇、马道镇(共2个)") {
		t.Fatalf("county PDF: %.300s", text)
	}
	weekly := filepath.Join(dir, "周报.pdf")
	code, _, errs = runCLI("report", "weekly", "--db", county, "--out", weekly)
	if _, err := os.Stat(weekly); code != 1 || !strings.Contains(errs, "县级汇总模式") || err == nil {
		t.Fatalf("weekly on a county database: %d %q, file written: %v", code, errs, err == nil)
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

// Each command takes only its own options: one of another command's is
// refused with the usage, and nothing runs.
func TestEveryCommandRefusesAnotherCommandsOption(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fangkong.db")
	foreign := map[string]string{"demo": "--to", "backup": "--scale", "selfcheck": "--db", "operator": "--out",
		"report daily": "--name", "report weekly": "--keep", "version": "--date"}
	if len(foreign) != len(commands) {
		t.Fatalf("%d commands, %d tried", len(commands), len(foreign))
	}
	for name, option := range foreign {
		args := append(strings.Fields(name), option, "x", "--db", db)
		code, stdout, errs := runCLI(args...)
		if code != 2 || stdout != "" || !strings.Contains(errs, "该命令没有这个选项。") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, errs)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("a refused command created a database")
	}
}
