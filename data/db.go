// Package data keeps the command post's records in one SQLite file. It reads
// like the domain (db.Staff, db.SaveStaff) and takes and returns plain structs.
package data

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// driverName is the database/sql driver the program opens files with; the
// benchmarks swap in one that records every statement, to time the same
// statements in the sqlite3 command-line tool.
var driverName = "sqlite"

// timeLayout is how every timestamp is stored: local wall time, which is what
// the clerk typed and what SQL date filters compare against.
const timeLayout = "2006-01-02 15:04:05"

// DB is the open database. All writes go through write, so each one is a
// single transaction that either lands whole or not at all.
type DB struct {
	sql   *sql.DB
	reads *statements
	path  string
	now   func() time.Time
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date. now is the clock; tests pass a fixed one.
//
// A file that is not this program's, that a newer version wrote, or that
// cannot be written (a read-only file or folder, a CD, a locked-down
// share) is refused before the driver touches it: it is left exactly as
// it was, with no -wal or -shm file beside it.
func Open(ctx context.Context, path string, now func() time.Time) (*DB, error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	if err := inspect(ctx, path); err != nil {
		return nil, err
	}
	// busy_timeout must come first so the pragmas after it already wait for a
	// lock instead of failing; FULL sync because a power cut must not lose a
	// saved entry; immediate transactions so two writers never deadlock.
	dsn := path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_pragma=cache_size(-16000)&_txlock=immediate"
	sqldb, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// Three connections (a write and two reads at once) with 16 MB of
	// cache each bound what the pages read keep in memory.
	sqldb.SetMaxOpenConns(3)
	db := &DB{sql: sqldb, reads: newStatements(sqldb), path: path, now: now}
	if err := db.migrate(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	return db, nil
}

// checkHeader refuses a file that exists but is not SQLite before the driver
// gets a chance to turn it into one.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil // an empty file becomes a new database
	}
	if !bytes.Equal(head[:n], []byte("SQLite format 3\x00")) {
		return fmt.Errorf("open database %s: %w", path, ErrNotDatabase)
	}
	return nil
}

// checkWritable refuses a database the program could not save to: the
// file itself, and its folder, where SQLite keeps its -wal and -shm files.
func checkWritable(path string) error {
	readOnly := func(err error) bool { return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) }
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	switch {
	case err == nil:
		f.Close()
	case readOnly(err):
		return fmt.Errorf("open database %s: %w", path, ErrReadOnly)
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("open database %s: %w", path, err)
	}
	probe, err := os.CreateTemp(filepath.Dir(path), ".fangkong-write-check-*")
	if readOnly(err) {
		return fmt.Errorf("open database %s: folder: %w", path, ErrReadOnly)
	}
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// inspect reads an existing file's schema version without writing to it,
// before the connection settings (WAL mode) would change another
// program's file or one a newer version wrote.
func inspect(ctx context.Context, path string) error {
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		return nil // nothing there yet: a new database
	}
	conn, err := sql.Open("sqlite", path+"?_pragma=query_only(1)&_pragma=busy_timeout(5000)")
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer conn.Close()
	var version, tables int
	if err := conn.QueryRowContext(ctx, "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)").
		Scan(&version, &tables); err != nil {
		if strings.Contains(err.Error(), "not a database") {
			return fmt.Errorf("open database %s: %w", path, ErrNotDatabase)
		}
		return fmt.Errorf("open database %s: %w", path, busy(err))
	}
	switch {
	case version > SchemaVersion():
		return fmt.Errorf("database schema %d, program knows %d: %w", version, SchemaVersion(), ErrSchemaTooNew)
	case version == 0 && tables > 0:
		return fmt.Errorf("database has foreign tables: %w", ErrNotDatabase)
	}
	return nil
}

// Close closes the database.
func (db *DB) Close() error {
	db.reads.close()
	return db.sql.Close()
}

// Path is the database file's location.
func (db *DB) Path() string { return db.path }

// Now is the injected clock's current time.
func (db *DB) Now() time.Time { return db.now() }

// write runs fn in one immediate transaction, or in the Batch ctx carries;
// what names the operation in the wrapped error.
func (db *DB) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if tx, ok := ctx.Value(batchKey{}).(*sql.Tx); ok {
		if err := fn(tx); err != nil {
			return fmt.Errorf("%s: %w", what, busy(err))
		}
		return nil
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, busy(err))
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("%s: %w", what, busy(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", what, busy(err))
	}
	return nil
}

type batchKey struct{}

// querier is the database or a transaction, for reading.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// reader is where a read goes: into the Batch ctx carries, so that what the
// batch wrote so far is seen (SQLite shows another connection only what
// was committed), or to the database's kept statements.
func (db *DB) reader(ctx context.Context) querier {
	if tx, ok := ctx.Value(batchKey{}).(*sql.Tx); ok {
		return tx
	}
	return db.reads
}

// Batch runs fn with a context under which every write joins one
// transaction: all of them are kept or none. For loading much at once (a
// paper log typed in afterwards, the demo's year), where a commit per
// write would take minutes.
func (db *DB) Batch(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(batchKey{}).(*sql.Tx); ok {
		return fn(ctx)
	}
	return db.write(ctx, "batch", func(tx *sql.Tx) error {
		return fn(context.WithValue(ctx, batchKey{}, tx))
	})
}

// busy marks SQLite's "database is locked", which comes after busy_timeout
// has waited 5 seconds for another program to let go of the file.
func busy(err error) error {
	var coded interface{ Code() int }
	if !errors.As(err, &coded) {
		return err
	}
	switch coded.Code() & 0xff {
	case 5, 6: // BUSY, LOCKED
		return fmt.Errorf("%w: %v", ErrBusy, err)
	case 13: // FULL: the transaction is rolled back, the file stays sound
		return fmt.Errorf("%w: %v", ErrDiskFull, err)
	case 8: // READONLY: the file was made read-only while open
		return fmt.Errorf("%w: %v", ErrReadOnly, err)
	}
	return err
}

// SchemaVersion is the number of the newest migration this program knows.
func SchemaVersion() int {
	files, _ := fs.Glob(migrations, "migrations/*.sql")
	return len(files)
}

func (db *DB) migrate(ctx context.Context) error {
	var have int
	if err := db.sql.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		if strings.Contains(err.Error(), "not a database") {
			return fmt.Errorf("read schema version: %w", ErrNotDatabase)
		}
		return fmt.Errorf("read schema version: %w", err)
	}
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(files)
	if have > len(files) {
		return fmt.Errorf("database schema %d, program knows %d: %w", have, len(files), ErrSchemaTooNew)
	}
	if have == 0 {
		// Another program's SQLite file has tables but no version of ours.
		var tables int
		if err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return fmt.Errorf("inspect schema: %w", err)
		}
		if tables > 0 {
			return fmt.Errorf("database has foreign tables: %w", ErrNotDatabase)
		}
	}
	if have == len(files) {
		return nil
	}
	return db.write(ctx, "migrate schema", func(tx *sql.Tx) error {
		for i, name := range files[have:] {
			n, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(name, "migrations/"), "_", 2)[0])
			if err != nil || n != have+i+1 {
				return fmt.Errorf("migration %s is out of sequence", name)
			}
			body, err := migrations.ReadFile(name)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("apply %s: %w", name, err)
			}
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(files)))
		return err
	})
}

func formatTime(t time.Time) string { return t.Format(timeLayout) }

// parseTime reads a stored time. Every list reads one or two a row, so
// the layout the program writes is read digit by digit; anything else
// goes through time.ParseInLocation.
func parseTime(s string) time.Time {
	if len(s) == len(timeLayout) && s[4] == '-' && s[7] == '-' && s[10] == ' ' && s[13] == ':' && s[16] == ':' {
		n := func(from, to int) (int, bool) {
			v := 0
			for _, c := range []byte(s[from:to]) {
				if c < '0' || c > '9' {
					return 0, false
				}
				v = v*10 + int(c-'0')
			}
			return v, true
		}
		y, ok1 := n(0, 4)
		mo, ok2 := n(5, 7)
		d, ok3 := n(8, 10)
		h, ok4 := n(11, 13)
		mi, ok5 := n(14, 16)
		sec, ok6 := n(17, 19)
		if ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && mo >= 1 && mo <= 12 && h < 24 && mi < 60 && sec < 60 {
			if t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.Local); t.Day() == d { // not 2月30日
				return t
			}
		}
	}
	t, _ := time.ParseInLocation(timeLayout, s, time.Local)
	return t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

const dateLayout = "2006-01-02"

func formatDate(t time.Time) string { return t.Format(dateLayout) }

func parseDate(s string) time.Time {
	t, _ := time.ParseInLocation(dateLayout, s, time.Local)
	return t
}

// StartOfDay is midnight at the start of t's day.
func StartOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// scanner is a row being read: *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// queryAll runs a query and reads every row with scan; what names the
// operation in a wrapped error.
func queryAll[T any](ctx context.Context, db *DB, what string, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := db.reader(ctx).QueryContext(ctx, query, args...)
	out, err := collect(rows, err, scan)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// collect scans every row of a query, and closes it.
func collect[T any](rows *sql.Rows, err error, scan func(scanner) (T, error)) ([]T, error) {
	return collectInto(nil, rows, err, scan)
}

// collectInto is collect appending to out: a slice made to the size
// expected spares growing a long list of wide rows step by step, each step
// a copy and garbage to collect.
func collectInto[T any](out []T, rows *sql.Rows, err error, scan func(scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	row := &rowScanner{rows: rows}
	for rows.Next() {
		v, err := scan(row)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// aside opens, for work that reads every page of the file (the quick
// check, a backup), a connection of its own with a small cache, to be
// closed after: those pages neither push out of the program's caches what
// the screens read nor keep their memory. pragmas are more DSN parameters.
func (db *DB) aside(pragmas string) (*sql.DB, error) {
	return sql.Open("sqlite", db.path+"?_pragma=busy_timeout(5000)&_pragma=cache_size(-2000)"+pragmas)
}

// QuickCheck runs SQLite's quick_check over the whole file, on a connection
// aside: ErrDamaged if any page is inconsistent.
func (db *DB) QuickCheck(ctx context.Context) error {
	conn, err := db.aside("&_pragma=query_only(1)")
	if err != nil {
		return fmt.Errorf("quick check: %w", err)
	}
	defer conn.Close()
	return quickCheck(ctx, conn)
}

func quickCheck(ctx context.Context, conn *sql.DB) error {
	var result string
	err := conn.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&result)
	if err != nil {
		var coded interface{ Code() int }
		if errors.As(err, &coded) && (coded.Code()&0xff == 11 || coded.Code()&0xff == 26) { // CORRUPT, NOTADB
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		return fmt.Errorf("quick check: %w", err)
	}
	if result != "ok" {
		return fmt.Errorf("%w: %s", ErrDamaged, result)
	}
	return nil
}

// CheckFile checks a database file (a backup, say) without writing to it.
func CheckFile(ctx context.Context, path string) error {
	if err := checkHeader(path); err != nil {
		return err
	}
	conn, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer conn.Close()
	return quickCheck(ctx, conn)
}

// FileSummary is what a database file holds, for a preview before it is
// restored.
type FileSummary struct {
	Staff, Sites, Guests, InIsolation int
	LastChange                        time.Time // the newest entry in its audit trail
}

// Summarize checks a database file (a backup) without writing to it and
// counts what it holds.
func Summarize(ctx context.Context, path string) (FileSummary, error) {
	var s FileSummary
	if err := CheckFile(ctx, path); err != nil {
		return s, err
	}
	conn, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	if err != nil {
		return s, fmt.Errorf("open %s: %w", path, err)
	}
	defer conn.Close()
	var version int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s, fmt.Errorf("read %s: %w", path, err)
	}
	switch {
	case version > SchemaVersion():
		return s, ErrSchemaTooNew
	case version < 2:
		// Before isolation existed (or not ours at all): only staff to count.
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM staff").Scan(&s.Staff); err != nil {
			return s, fmt.Errorf("%w: %v", ErrNotDatabase, err)
		}
		return s, nil
	}
	var last sql.NullString
	err = conn.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM staff), (SELECT count(*) FROM sites),
		(SELECT count(*) FROM guests), (SELECT count(*) FROM guests WHERE ended_at IS NULL)`).
		Scan(&s.Staff, &s.Sites, &s.Guests, &s.InIsolation)
	if err != nil {
		return s, fmt.Errorf("%w: %v", ErrNotDatabase, err)
	}
	if version >= 3 {
		conn.QueryRowContext(ctx, "SELECT max(at) FROM audit").Scan(&last)
		if last.Valid {
			s.LastChange = parseTime(last.String)
		}
	}
	return s, nil
}
