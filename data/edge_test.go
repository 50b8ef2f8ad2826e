package data

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// smallDisk mounts a tmpfs of the given size for the test: a disk that
// fills up, or that can be made read-only, for real.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs (needs root, as in CI): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

func TestReadOnlyFolderIsRefusedUntouched(t *testing.T) {
	dir := smallDisk(t, "8m")
	path := filepath.Join(dir, "fangkong.db")
	db, err := Open(context.Background(), path, func() time.Time { return fixedNow })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveStaff(context.Background(), Staff{Name: "张建国", Phone: "13912345678", Active: true}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount read-only: %v %s", err, out)
	}
	if _, err := Open(context.Background(), path, time.Now); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Open on a read-only disk = %v, want ErrReadOnly", err)
	}
	after, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if !bytes.Equal(before, after) || len(entries) != 1 {
		t.Fatalf("the read-only folder was touched: %d files, file changed %v", len(entries), !bytes.Equal(before, after))
	}
}

// A disk that fills up while saving: the save is refused as ErrDiskFull,
// the file stays sound with every save that returned, and saving works
// again once there is room.
func TestFullDiskKeepsTheFileSound(t *testing.T) {
	dir := smallDisk(t, "3m")
	path := filepath.Join(dir, "fangkong.db")
	ctx := context.Background()
	db, err := Open(ctx, path, func() time.Time { return fixedNow })
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Fill the disk to within 200 KB.
	filler := filepath.Join(dir, "filler")
	for size := 1 << 20; size >= 4096; size /= 2 {
		f, _ := os.OpenFile(filler, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		for {
			if _, err := f.Write(make([]byte, size)); err != nil {
				break
			}
		}
		f.Close()
	}
	os.Truncate(filler, max(0, fileSize(filler)-200<<10))
	var saved []int64
	var full error
	for i := 0; i < 2000 && full == nil; i++ {
		id, err := db.SaveStaff(ctx, Staff{Name: "测试" + strconv.Itoa(i), Phone: "13912345678", Note: strings.Repeat("备注", 200), Active: true})
		if err != nil {
			full = err
			break
		}
		saved = append(saved, id)
	}
	if !errors.Is(full, ErrDiskFull) {
		t.Fatalf("after %d saves: %v, want ErrDiskFull", len(saved), full)
	}
	var check string
	if err := db.sql.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	for _, id := range saved {
		if _, err := db.StaffMember(ctx, id); err != nil {
			t.Fatalf("entry %d, whose save had returned, is lost: %v", id, err)
		}
	}
	os.Remove(filler)
	if _, err := db.SaveStaff(ctx, Staff{Name: "腾出空间后", Phone: "13912345678", Active: true}); err != nil {
		t.Fatalf("saving after space was freed: %v", err)
	}
	t.Logf("%d saves, then the disk was full: refused as ErrDiskFull, file sound, nothing lost", len(saved))
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}
