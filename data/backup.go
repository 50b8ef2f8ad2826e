package data

import (
	"context"
	"fmt"
	"os"
)

// BackupTo writes a consistent copy of the database to path. The copy is made
// under a temporary name and renamed into place, so a file at path is always
// a whole backup.
func (db *DB) BackupTo(ctx context.Context, path string) error {
	tmp := path + ".part"
	os.Remove(tmp)
	if _, err := db.sql.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	return nil
}
