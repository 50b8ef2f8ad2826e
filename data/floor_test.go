package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"modernc.org/sqlite"
)

// recorder is a database/sql driver over modernc's that writes down every
// statement with its arguments bound, so the benchmarks can give the very
// same statements to the sqlite3 command-line tool: the floor a Go program
// on this file can hope for.
type recorder struct {
	mu    sync.Mutex
	on    bool
	stmts []string
}

var recorded = &recorder{}

func init() { sql.Register("sqlite-recorded", recorded) }

func (r *recorder) Open(name string) (driver.Conn, error) {
	c, err := (&sqlite.Driver{}).Open(name)
	if err != nil {
		return nil, err
	}
	return recordedConn{c.(conn)}, nil
}

// conn is what modernc's connections do that database/sql asks for.
type conn interface {
	driver.Conn
	driver.QueryerContext
	driver.ExecerContext
	driver.ConnBeginTx
	driver.ConnPrepareContext
}

type recordedConn struct{ conn }

// stmt is what modernc's prepared statements do that database/sql asks for.
type stmt interface {
	driver.Stmt
	driver.StmtQueryContext
	driver.StmtExecContext
}

// recordedStmt is a kept statement (data/statements.go), written down each
// time it runs.
type recordedStmt struct {
	stmt
	query string
}

func (c recordedConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	s, err := c.conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return recordedStmt{s.(stmt), query}, nil
}

func (c recordedConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (s recordedStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	recorded.note(s.query, args)
	return s.stmt.QueryContext(ctx, args)
}

func (s recordedStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	recorded.note(s.query, args)
	return s.stmt.ExecContext(ctx, args)
}

func (c recordedConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	recorded.note(query, args)
	return c.conn.QueryContext(ctx, query, args)
}

func (c recordedConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	recorded.note(query, args)
	return c.conn.ExecContext(ctx, query, args)
}

var placeholder = regexp.MustCompile(`\?(\d*)`)

// note binds the arguments into the statement as SQL literals.
func (r *recorder) note(query string, args []driver.NamedValue) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.on {
		return
	}
	next := 0
	bound := placeholder.ReplaceAllStringFunc(query, func(p string) string {
		i := next
		if n, err := strconv.Atoi(p[1:]); err == nil {
			i = n - 1
		} else {
			next++
		}
		switch v := args[i].Value.(type) {
		case string:
			return "'" + strings.ReplaceAll(v, "'", "''") + "'"
		case []byte:
			return fmt.Sprintf("X'%x'", v)
		case nil:
			return "NULL"
		case bool:
			if v {
				return "1"
			}
			return "0"
		default:
			return fmt.Sprint(v)
		}
	})
	r.stmts = append(r.stmts, bound)
}

// record runs fn on a database opened through the recorder and returns
// the statements it ran.
func record(b *testing.B, path string, fn func(db *DB) error) []string {
	b.Helper()
	driverName = "sqlite-recorded"
	db, err := Open(context.Background(), path, time.Now)
	driverName = "sqlite"
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	recorded.mu.Lock()
	recorded.on, recorded.stmts = true, nil
	recorded.mu.Unlock()
	err = fn(db)
	recorded.mu.Lock()
	recorded.on = false
	stmts := recorded.stmts
	recorded.mu.Unlock()
	if err != nil {
		b.Fatal(err)
	}
	return stmts
}

var floors = map[string]struct {
	stmts     []string
	cli, bare time.Duration
}{}

// sqliteCLITime runs the statements in the sqlite3 command-line tool on
// the same file and returns how long they took: the median of seven runs,
// less the median of seven runs of the tool with none (its start-up and
// the connection settings).
func sqliteCLITime(b *testing.B, path string, stmts []string) time.Duration {
	b.Helper()
	if _, err := exec.LookPath("sqlite3"); err != nil {
		b.Skip("sqlite3 is not installed")
	}
	// The program's own connection settings, so both read alike.
	settings := ".output /dev/null\nPRAGMA busy_timeout = 5000;\nPRAGMA cache_size = -32000;\n"
	median := func(script string) time.Duration {
		var runs []time.Duration
		for range 7 {
			cmd := exec.Command("sqlite3", "-readonly", path)
			cmd.Stdin = strings.NewReader(script)
			start := time.Now()
			if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
				b.Fatalf("sqlite3: %v\n%s", err, out)
			}
			runs = append(runs, time.Since(start))
		}
		slices.Sort(runs)
		return runs[len(runs)/2]
	}
	return median(settings+strings.Join(stmts, ";\n")+";\n") - median(settings)
}

// goFloorTime runs the statements through modernc.org/sqlite with nothing
// but a loop reading every column of every row: the floor of a pure-Go
// program. The median of seven runs.
func goFloorTime(b *testing.B, path string, stmts []string) time.Duration {
	b.Helper()
	conn, err := sql.Open("sqlite", path+"?_pragma=query_only(1)&_pragma=cache_size(-32000)")
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	run := func() {
		for _, st := range stmts {
			rows, err := conn.Query(st)
			if err != nil {
				b.Fatalf("%s: %v", st, err)
			}
			cols, _ := rows.Columns()
			vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
		}
	}
	run() // warm the page cache as the program's is
	var runs []time.Duration
	for range 7 {
		start := time.Now()
		run()
		runs = append(runs, time.Since(start))
	}
	slices.Sort(runs)
	return runs[len(runs)/2]
}

// compared benchmarks op on db beside its floors (compareWithFloor).
func compared(b *testing.B, db *DB, op func(db *DB) error) {
	b.Helper()
	compareWithFloor(b, db.Path(), op)
	for b.Loop() {
		if err := op(db); err != nil {
			b.Fatal(err)
		}
	}
}

// compareWithFloor records the statements fn runs, times them in the
// sqlite3 tool and in a bare modernc loop on the same file, and reports the
// benchmark's own time beside both as a line `make bench-compare` prints:
//
//	compare NAME: program X ms, sqlite3 Y ms, ratio Z; pure Go W ms, ratio V
func compareWithFloor(b *testing.B, path string, fn func(db *DB) error) {
	b.Helper()
	// The benchmark function runs once for each b.N tried: measure the
	// floors once.
	f, ok := floors[b.Name()]
	if !ok {
		f.stmts = record(b, path, fn)
		f.cli = sqliteCLITime(b, path, f.stmts)
		f.bare = goFloorTime(b, path, f.stmts)
		floors[b.Name()] = f
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(float64(len(f.stmts)), "statements/op")
	b.ReportMetric(ms(f.cli), "sqlite3-ms/op")
	b.ReportMetric(ms(f.bare), "purego-ms/op")
	b.Cleanup(func() {
		if b.N > 0 && b.Elapsed() > 0 {
			own := b.Elapsed() / time.Duration(b.N)
			name := strings.TrimPrefix(strings.SplitN(b.Name(), "-", 2)[0], "Benchmark")
			// Under 0.05 ms the tool's own start-up, taken off, is noise.
			cli := fmt.Sprintf("sqlite3 %.2f ms, ratio %.2f", ms(f.cli), float64(own)/float64(f.cli))
			if f.cli < 50*time.Microsecond {
				cli = "sqlite3 under 0.05 ms (below its start-up's noise), ratio —"
			}
			b.Logf("compare %s: program %.2f ms, %s; pure Go %.2f ms, ratio %.2f (%d statements)",
				name, ms(own), cli, ms(f.bare), float64(own)/float64(max(f.bare, time.Microsecond)), len(f.stmts))
		}
	})
}
