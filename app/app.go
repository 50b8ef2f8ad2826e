// Package app holds the command post's use cases that span tables or files:
// where the data lives, backups, imports, exports and demo data. Screens and
// commands call it; it calls data and reports.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/gofrs/flock"

	"fangkong/data"
)

// Version is the program's version, from FyneApp.toml.
var Version = "dev"

var versionLine = regexp.MustCompile(`(?m)^Version\s*=\s*"([^"]+)"`)

// VersionFrom reads the version out of FyneApp.toml's text.
func VersionFrom(toml string) string {
	if m := versionLine.FindStringSubmatch(toml); m != nil {
		return m[1]
	}
	return "dev"
}

// ErrAlreadyOpen means the program already has this database open in a window.
var ErrAlreadyOpen = errors.New("database is open in another window of the program")

// App is one open database and the folders that belong to it.
type App struct {
	DB   *data.DB
	Now  func() time.Time
	lock *flock.Flock // held while a window works on the database
	op   data.Operator
}

// SignIn makes op the operator of everything done from now on.
func (a *App) SignIn(op data.Operator) { a.op = op }

// Operator is who is signed in; the zero Operator before anyone is.
func (a *App) Operator() data.Operator { return a.op }

// MayAdminister reports whether the signed-in operator may do what only an
// administrator may: anyone, before any operator is set up.
func (a *App) MayAdminister() bool { return a.op.ID == 0 || a.op.Admin }

// Ctx is the context for work done on behalf of the signed-in operator:
// every change made with it is audited under their name.
func (a *App) Ctx() context.Context { return data.WithOperator(context.Background(), a.op) }

// Open opens the database at path, creating its folder on first use.
func Open(ctx context.Context, path string, now func() time.Time) (*App, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	db, err := data.Open(ctx, path, now)
	if err != nil {
		return nil, err
	}
	return &App{DB: db, Now: now}, nil
}

// Lock claims the database for this program's window, so that two windows
// never work on one file. The operating system releases the lock when the
// program ends, however it ends, so a crash leaves nothing to clean up.
func (a *App) Lock() error {
	l := flock.New(a.DB.Path() + ".lock")
	ok, err := l.TryLock()
	if err != nil {
		return fmt.Errorf("lock database: %w", err)
	}
	if !ok {
		return ErrAlreadyOpen
	}
	a.lock = l
	return nil
}

// Close closes the database and releases the window's lock.
func (a *App) Close() error {
	if a.lock != nil {
		a.lock.Unlock()
	}
	return a.DB.Close()
}

// DataDir is the folder holding the database, its backups and reports.
func (a *App) DataDir() string { return filepath.Dir(a.DB.Path()) }
