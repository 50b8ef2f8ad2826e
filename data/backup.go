package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
)

// BackupTo writes a consistent copy of the database to path. The copy is made
// under a temporary name and renamed into place, so a file at path is always
// a whole backup.
//
// It reads every page of the file and sorts every index anew: through a
// connection of its own with a small cache, closed after, as QuickCheck
// does, so that the day's backup neither fills the program's caches with
// pages no screen shows nor keeps their memory.
func (db *DB) BackupTo(ctx context.Context, path string) error {
	tmp := path + ".part"
	os.Remove(tmp)
	conn, err := sql.Open("sqlite", db.path+"?_pragma=busy_timeout(5000)&_pragma=cache_size(-2000)")
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
