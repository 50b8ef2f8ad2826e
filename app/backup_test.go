package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// openTest opens a fresh database in a temporary folder on a clock the test
// can move.
func openTest(t testing.TB, now *time.Time) *App {
	t.Helper()
	a, err := Open(context.Background(), filepath.Join(t.TempDir(), "数据 目录", "fangkong.db"), func() time.Time { return *now })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func TestDailyBackupOncePerDayKeeps30(t *testing.T) {
	now := time.Date(2026, 10, 1, 8, 0, 0, 0, time.Local)
	a := openTest(t, &now)
	ctx := context.Background()
	made, err := a.DailyBackup(ctx)
	if err != nil || !made {
		t.Fatalf("first DailyBackup = %v, %v", made, err)
	}
	if made, _ := a.DailyBackup(ctx); made {
		t.Fatal("a second backup was made the same day")
	}
	// Another database in the same folder still gets its own backup.
	other, err := Open(ctx, filepath.Join(a.DataDir(), "练习.db"), a.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if made, err := other.DailyBackup(ctx); err != nil || !made {
		t.Fatalf("second database's DailyBackup = %v, %v", made, err)
	}
	os.Remove(filepath.Join(other.BackupDir(), "自动备份-练习-2026-10-01.db"))
	for i := 0; i < 40; i++ {
		now = now.AddDate(0, 0, 1)
		if _, err := a.DailyBackup(ctx); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(a.BackupDir())
	if len(entries) != 30 {
		t.Fatalf("%d backups kept, want 30", len(entries))
	}
	if entries[0].Name() != "自动备份-fangkong-2026-10-12.db" || entries[29].Name() != "自动备份-fangkong-2026-11-10.db" {
		t.Fatalf("kept %s .. %s", entries[0].Name(), entries[29].Name())
	}
}

func TestManualBackup(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 15, 30, 0, time.Local)
	a := openTest(t, &now)
	path, err := a.Backup(context.Background(), filepath.Join(t.TempDir(), "U盘 备份"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "备份-fangkong-2026-11-25-091530.db" {
		t.Fatalf("backup named %s", path)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("backup file: %v", err)
	}
}

func TestNewestGoodBackupSkipsDamagedOnes(t *testing.T) {
	now := time.Date(2026, 11, 20, 8, 0, 0, 0, time.Local)
	a := openTest(t, &now)
	ctx := context.Background()
	if path, err := a.NewestGoodBackup(ctx); err != nil || path != "" {
		t.Fatalf("no backups yet: %q, %v", path, err)
	}
	var made []string
	for i := 0; i < 3; i++ {
		now = now.AddDate(0, 0, 1)
		if _, err := a.DailyBackup(ctx); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(a.BackupDir(), "自动备份-fangkong-"+now.Format("2006-01-02")+".db")
		os.Chtimes(path, now, now)
		made = append(made, path)
	}
	// The newest backup is damaged: the one before it is the way back.
	os.WriteFile(made[2], []byte("SQLite format 3\x00 but then nothing useful"), 0o644)
	path, err := a.NewestGoodBackup(ctx)
	if err != nil || path != made[1] {
		t.Fatalf("NewestGoodBackup = %q, %v; want %q", path, err, made[1])
	}
}
