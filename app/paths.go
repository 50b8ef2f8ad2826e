package app

import (
	"fmt"
	"os"
	"path/filepath"
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
