package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fixedNow is the clock every data test runs on.
var fixedNow = time.Date(2026, 11, 25, 9, 30, 0, 0, time.Local)

// openTest opens a fresh database file in a temporary folder.
func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), func() time.Time { return fixedNow })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestMigrateFromEmpty(t *testing.T) {
	db := openTest(t)
	var version int
	if err := db.sql.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != SchemaVersion() || version == 0 {
		t.Fatalf("user_version = %d, want %d", version, SchemaVersion())
	}
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "2", "busy_timeout": "5000"} {
		var got string
		if err := db.sql.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil || got != want {
			t.Errorf("PRAGMA %s = %q, %v; want %q", pragma, got, err, want)
		}
	}
	// Opening again applies nothing and keeps the data.
	if _, err := db.SaveStaff(context.Background(), Staff{Name: "张三", Phone: "13912345678", Active: true}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	again, err := Open(context.Background(), db.Path(), db.now)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if list, _ := again.Staff(context.Background(), StaffQuery{}); len(list) != 1 {
		t.Fatalf("after reopening, %d staff, want 1", len(list))
	}
}

func TestRefuseNewerSchema(t *testing.T) {
	db := openTest(t)
	if _, err := db.sql.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(db.Path())
	_, err := Open(context.Background(), db.Path(), db.now)
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("Open = %v, want ErrSchemaTooNew", err)
	}
	after, _ := os.ReadFile(db.Path())
	if string(before) != string(after) {
		t.Fatal("a newer database was modified")
	}
}

func TestRefuseNonDatabase(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte("这不是数据库,只是一段文字。"), 0o644)
	if _, err := Open(context.Background(), text, time.Now); !errors.Is(err, ErrNotDatabase) {
		t.Fatalf("Open(text file) = %v, want ErrNotDatabase", err)
	}
	if b, _ := os.ReadFile(text); string(b) != "这不是数据库,只是一段文字。" {
		t.Fatal("the text file was changed")
	}

	// Another program's SQLite file: valid SQLite, but not ours.
	foreign := filepath.Join(dir, "foreign.db")
	other, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Exec("CREATE TABLE invoices (id INTEGER)"); err != nil {
		t.Fatal(err)
	}
	other.Close()
	before, _ := os.ReadFile(foreign)
	if _, err := Open(context.Background(), foreign, time.Now); !errors.Is(err, ErrNotDatabase) {
		t.Fatalf("Open(foreign sqlite) = %v, want ErrNotDatabase", err)
	}
	// Left exactly as it was: not turned to WAL, nothing beside it.
	if after, _ := os.ReadFile(foreign); !bytes.Equal(before, after) {
		t.Fatal("another program's database was changed")
	}
	for _, stray := range []string{foreign + "-wal", foreign + "-shm"} {
		if _, err := os.Stat(stray); err == nil {
			t.Fatalf("%s left beside another program's file", filepath.Base(stray))
		}
	}
}

func TestRolledBackWriteLeavesNothing(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	boom := errors.New("boom")
	err := db.write(ctx, "test", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO staff (name, phone, created_at, updated_at) VALUES ('李四', '13912345678', '', '')`); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("write = %v, want boom", err)
	}
	var n int
	db.sql.QueryRow("SELECT count(*) FROM staff").Scan(&n)
	if n != 0 {
		t.Fatalf("%d rows after rollback, want 0", n)
	}
}

func TestBackupTo(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	db.SaveStaff(ctx, Staff{Name: "王五", Phone: "13812345678", Active: true})
	dst := filepath.Join(t.TempDir(), "备份 2026.db")
	if err := db.BackupTo(ctx, dst); err != nil {
		t.Fatal(err)
	}
	copy, err := Open(ctx, dst, db.now)
	if err != nil {
		t.Fatal(err)
	}
	defer copy.Close()
	list, _ := copy.Staff(ctx, StaffQuery{})
	if len(list) != 1 || list[0].Name != "王五" {
		t.Fatalf("backup holds %v", list)
	}
	if _, err := os.Stat(dst + ".part"); !os.IsNotExist(err) {
		t.Fatal("temporary backup file left behind")
	}
}

// A database held by another program (a copy opened in another tool) is
// waited for, then refused with ErrBusy; nothing is half-written.
func TestHeldByAnotherProgram(t *testing.T) {
	db := openTest(t)
	other, err := sql.Open("sqlite", db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = db.SaveStaff(context.Background(), Staff{Name: "张三", Phone: "13912345678", Active: true})
	if !errors.Is(err, ErrBusy) || time.Since(start) < 4*time.Second {
		t.Fatalf("SaveStaff while held = %v after %v", err, time.Since(start))
	}
	conn.ExecContext(context.Background(), "ROLLBACK")
	if _, err := db.SaveStaff(context.Background(), Staff{Name: "张三", Phone: "13912345678", Active: true}); err != nil {
		t.Fatalf("after the other program let go: %v", err)
	}
}

// damage overwrites part of a page in the middle of a database file.
func damage(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	junk := bytes.Repeat([]byte{0xA5}, 3000)
	if _, err := f.WriteAt(junk, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
}

func TestQuickCheckFindsDamage(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	for i := 0; i < 300; i++ {
		if _, err := db.SaveStaff(ctx, Staff{Name: fmt.Sprintf("张%d", i), Phone: "13912345678", Note: strings.Repeat("备", 200), Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.QuickCheck(ctx); err != nil {
		t.Fatalf("healthy file: %v", err)
	}
	db.Close()
	if err := CheckFile(ctx, db.Path()); err != nil {
		t.Fatalf("CheckFile on a healthy file: %v", err)
	}
	damage(t, db.Path())
	if err := CheckFile(ctx, db.Path()); !errors.Is(err, ErrDamaged) {
		t.Fatalf("CheckFile on a damaged file: %v", err)
	}
	again, err := Open(ctx, db.Path(), db.now)
	if err != nil {
		if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotDatabase) {
			t.Fatalf("Open on a damaged file: %v", err)
		}
		return
	}
	defer again.Close()
	if err := again.QuickCheck(ctx); !errors.Is(err, ErrDamaged) {
		t.Fatalf("QuickCheck on a damaged file: %v", err)
	}
}

// parseTime's quick path reads what time.ParseInLocation reads.
func TestParseTimeAsTheLibrary(t *testing.T) {
	for _, s := range []string{"2026-11-25 09:30:00", "2024-02-29 23:59:59", "2026-12-31 00:00:00", "2026-13-01 00:00:00",
		"2026-02-30 10:00:00", "2026-1-05 10:00:00", "", "2026-11-25T09:30:00", "２026-11-25 09:30:00"} {
		want, _ := time.ParseInLocation(timeLayout, s, time.Local)
		if got := parseTime(s); !got.Equal(want) {
			t.Errorf("%q: %v, the library %v", s, got, want)
		}
	}
}
