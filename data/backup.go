package data

import (
	"context"
	"fmt"
	"os"
)

// BackupTo writes a consistent copy of the database to path. The copy is made
// under a temporary name and renamed into place, so a file at path is always
// a whole backup. It reads every page and sorts every index anew, on a
// connection aside.
func (db *DB) BackupTo(ctx context.Context, path string) error {
	tmp := path + ".part"
	os.Remove(tmp)
	conn, err := db.aside("")
	if err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	return nil
}
