package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"fangkong/assets"
)

// Every string a person reads goes through lang.L with a key in
// assets/zh.json; a missing key would show the English key instead.
func TestEveryKeyIsTranslated(t *testing.T) {
	keys := assets.Keys()
	call := regexp.MustCompile(`lang\.[LX]\(("(?:[^"\\]|\\.)*")`)
	found := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".go" {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			key, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Errorf("%s: %v", path, err)
				continue
			}
			found++
			if !keys[key] {
				t.Errorf("%s: lang key %q is missing from assets/zh.json", path, key)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 50 {
		t.Fatalf("found only %d lang.L calls; the scan is broken", found)
	}
}

// Fyne's own buttons read Chinese whatever the system language.
func TestFyneStringsAreChinese(t *testing.T) {
	for key, want := range map[string]string{"Cancel": "取消", "OK": "确定", "Save": "保存", "AppName": "防控指挥台"} {
		if got := lang.L(key); got != want {
			t.Errorf("lang.L(%q) = %q, want %q", key, got, want)
		}
	}
}

// Every action the data layer audits has a Chinese name in 操作日志.
func TestEveryAuditedActionHasALabel(t *testing.T) {
	call := regexp.MustCompile(`db\.audit\(ctx, tx, "([^"]+)"|LogAccess\([^,]+, "([^"]+)"|LogAccess\(a\.Ctx\(\), "([^"]+)"`)
	seen := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".go" || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			action := m[1] + m[2] + m[3]
			seen++
			if actionLabel(action) == action {
				t.Errorf("%s: audited action %q has no Chinese label in ui/audit.go", path, action)
			}
		}
		return nil
	})
	if err != nil || seen < 15 {
		t.Fatalf("found %d audited actions: %v", seen, err)
	}
}
