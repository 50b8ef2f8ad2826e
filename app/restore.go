package app

import (
	"context"
	"fmt"
	"io"
	"os"

	"fangkong/data"
)

// Restore replaces the database with a backup, all or nothing: the backup
// is checked, the current data is backed up first, and the backup's copy
// takes the database's place in one rename. Until that rename the current
// file is untouched; after it the program works on the restored data. It
// returns the backup made of the data replaced.
func (a *App) Restore(ctx context.Context, backup string) (saved string, err error) {
	if _, err := data.Summarize(ctx, backup); err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	saved, err = a.Backup(ctx, a.BackupDir())
	if err != nil {
		return "", fmt.Errorf("restore: back up current data: %w", err)
	}
	path := a.DB.Path()
	tmp := path + ".restore"
	if err := copyFile(backup, tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("restore: %w", err)
	}
	if err := a.DB.Close(); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("restore: close database: %w", err)
	}
	// A closed database leaves no -wal or -shm behind; remove any stale
	// ones so they can't be replayed onto the restored file.
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	renameErr := os.Rename(tmp, path)
	db, err := data.Open(ctx, path, a.Now)
	if err != nil {
		return "", fmt.Errorf("restore: reopen: %w", err)
	}
	a.DB = db
	if renameErr != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("restore: %w", renameErr)
	}
	if err := a.DB.LogAccess(a.Ctx(), data.ActRestore, backup); err != nil {
		return saved, err
	}
	return saved, nil
}

// copyFile copies src to dst and makes sure it is on disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
