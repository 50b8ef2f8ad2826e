package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fangkong/data"
)

func names(t *testing.T, a *App) []string {
	t.Helper()
	list, err := a.DB.Staff(context.Background(), data.StaffQuery{IncludeInactive: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range list {
		out = append(out, s.Name)
	}
	return out
}

func TestRestoreRoundTrip(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTest(t, &now)
	ctx := context.Background()
	a.DB.SaveStaff(ctx, data.Staff{Name: "甲", Phone: "13912345678", Active: true})
	backup, err := a.Backup(ctx, filepath.Join(t.TempDir(), "U盘"))
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Minute)
	a.DB.SaveStaff(ctx, data.Staff{Name: "乙", Phone: "13812345678", Active: true})

	sum, err := data.Summarize(ctx, backup)
	if err != nil || sum.Staff != 1 {
		t.Fatalf("preview %+v, %v", sum, err)
	}
	saved, err := a.Restore(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(t, a); len(got) != 1 || got[0] != "甲" {
		t.Fatalf("after restore: %v", got)
	}
	// The data replaced was backed up first, and the restore is on record.
	sum, err = data.Summarize(ctx, saved)
	if err != nil || sum.Staff != 2 {
		t.Fatalf("pre-restore backup %s: %+v, %v", saved, sum, err)
	}
	if entries, _ := a.DB.Audit(ctx, data.AuditQuery{Text: "restore"}); len(entries) != 1 {
		t.Fatalf("restore not audited: %v", entries)
	}
	if _, err := os.Stat(a.DB.Path() + ".restore"); !os.IsNotExist(err) {
		t.Fatal("temporary restore file left behind")
	}
}

func TestRestoreRefusesBadFilesAndChangesNothing(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTest(t, &now)
	ctx := context.Background()
	a.DB.SaveStaff(ctx, data.Staff{Name: "甲", Phone: "13912345678", Active: true})
	bad := filepath.Join(t.TempDir(), "坏备份.db")
	os.WriteFile(bad, []byte("SQLite format 3\x00 and then garbage"), 0o644)
	text := filepath.Join(t.TempDir(), "说明.db")
	os.WriteFile(text, []byte("不是数据库"), 0o644)
	for _, f := range []string{bad, text} {
		if _, err := a.Restore(ctx, f); !errors.Is(err, data.ErrDamaged) && !errors.Is(err, data.ErrNotDatabase) {
			t.Fatalf("restore %s: %v", f, err)
		}
	}
	if got := names(t, a); len(got) != 1 || got[0] != "甲" {
		t.Fatalf("current data changed: %v", got)
	}
}
