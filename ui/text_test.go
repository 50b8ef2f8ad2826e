package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/lang"

	"fangkong/assets"
	"fangkong/data"
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

// Every action the audit trail records has a Chinese name of its own in
// 操作日志.
func TestEveryAuditedActionHasALabel(t *testing.T) {
	seen := map[string]data.Action{}
	for _, a := range data.Actions {
		label := actionLabel(a)
		if label == "Audit: "+string(a) {
			t.Errorf("audited action %q has no Chinese name in assets/zh.json (key %q)", a, "Audit: "+string(a))
		}
		if other, ok := seen[label]; ok {
			t.Errorf("actions %q and %q are both called %q", other, a, label)
		}
		seen[label] = a
	}
	for _, ar := range data.AuditAreas {
		if label := areaLabel(ar); label == "Area: "+string(ar) {
			t.Errorf("area %q has no Chinese name in assets/zh.json", ar)
		}
	}
}
