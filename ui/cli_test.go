package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fangkong/app"
	"fangkong/data"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = RunCommand(args, &out, &errb)
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
