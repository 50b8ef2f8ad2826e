package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fangkong/data"
)

// keepDailyBackups is how many automatic backups are kept.
const keepDailyBackups = 30

// BackupDir is where automatic backups go: beside the database.
func (a *App) BackupDir() string { return filepath.Join(a.DataDir(), "backups") }

// Backup writes a consistent copy of the database into dir, named by the
// date and time, and returns its path.
func (a *App) Backup(ctx context.Context, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create backup folder: %w", err)
	}
	path := filepath.Join(dir, "备份-"+a.dbName()+"-"+a.Now().Format("2006-01-02-150405")+".db")
	return path, a.DB.BackupTo(ctx, path)
}

// dbName is the database file's name without its extension; backups carry
// it so that two databases kept in one folder never take each other's.
func (a *App) dbName() string {
	base := filepath.Base(a.DB.Path())
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// DailyBackup makes the day's automatic backup if there is none yet, and
// keeps only the newest 30. It reports whether it made one.
func (a *App) DailyBackup(ctx context.Context) (bool, error) {
	dir := a.BackupDir()
	dailyPrefix := "自动备份-" + a.dbName() + "-"
	path := filepath.Join(dir, dailyPrefix+a.Now().Format("2006-01-02")+".db")
	if _, err := os.Stat(path); err == nil {
		return false, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("create backup folder: %w", err)
	}
	if err := a.DB.BackupTo(ctx, path); err != nil {
		return false, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return true, fmt.Errorf("list backups: %w", err)
	}
	var daily []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), dailyPrefix) && strings.HasSuffix(e.Name(), ".db") {
			daily = append(daily, e.Name())
		}
	}
	slices.Sort(daily) // the names sort by date
	for len(daily) > keepDailyBackups {
		if err := os.Remove(filepath.Join(dir, daily[0])); err != nil {
			return true, fmt.Errorf("remove old backup: %w", err)
		}
		daily = daily[1:]
	}
	return true, nil
}

// NewestGoodBackup is the most recent backup of this database, automatic or
// made by hand into the backups folder, that passes an integrity check;
// empty if there is none.
func (a *App) NewestGoodBackup(ctx context.Context) (string, error) {
	entries, err := os.ReadDir(a.BackupDir())
	if os.IsNotExist(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("list backups: %w", err)
	}
	type backup struct {
		path string
		mod  time.Time
	}
	var all []backup
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".db") {
			continue
		}
		if info, err := e.Info(); err == nil {
			all = append(all, backup{filepath.Join(a.BackupDir(), e.Name()), info.ModTime()})
		}
	}
	slices.SortFunc(all, func(x, y backup) int { return y.mod.Compare(x.mod) })
	for _, b := range all {
		if data.CheckFile(ctx, b.path) == nil {
			return b.path, nil
		}
	}
	return "", nil
}
