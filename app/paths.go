package app

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/lang"
)

// dbFileName is the database's name inside the data folder.
const dbFileName = "fangkong.db"

// DefaultDBPath says where the database lives when no --db is given: in a
// "data" folder beside the executable if there is one (portable mode, the
// whole program on a USB stick), else in the user's application-data folder.
func DefaultDBPath() (path string, portable bool, err error) {
	if exe, err := os.Executable(); err == nil {
		if exe, err = filepath.EvalSymlinks(exe); err == nil {
			dir := filepath.Join(filepath.Dir(exe), "data")
			if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
				return filepath.Join(dir, dbFileName), true, nil
			}
		}
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", false, fmt.Errorf("find application data folder: %w", err)
	}
	return filepath.Join(base, "fangkong", dbFileName), false, nil
}

// ReportsDir is where printed documents are kept: 报表 beside the data.
func (a *App) ReportsDir() string { return filepath.Join(a.DataDir(), lang.L("Reports folder")) }

// ExportsDir is where exported workbooks are kept: 导出 beside the data.
func (a *App) ExportsDir() string { return filepath.Join(a.DataDir(), lang.L("Exports")) }

// OutputPath names a new file in dir, creating dir if needed, stamped with
// the date and time so nothing earlier is overwritten: 人员名单-2026-11-25-093000.xlsx.
func (a *App) OutputPath(dir, title, ext string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create folder %s: %w", dir, err)
	}
	return filepath.Join(dir, title+"-"+a.Now().Format("2006-01-02-150405")+ext), nil
}
