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
}

type recordedConn struct{ conn }

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
	stmts []string
	time  time.Duration
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

// compareWithFloor reports the sqlite3 tool's time for the statements fn
// runs beside the benchmark's own, and their ratio.
func compareWithFloor(b *testing.B, path string, fn func(db *DB) error) {
	b.Helper()
	// The benchmark function runs once for each b.N tried: measure the
	// floor once.
	f, ok := floors[b.Name()]
	if !ok {
		f.stmts = record(b, path, fn)
		f.time = sqliteCLITime(b, path, f.stmts)
		floors[b.Name()] = f
	}
	stmts, floor := f.stmts, f.time
	b.ReportMetric(float64(len(stmts)), "statements/op")
	b.ReportMetric(float64(floor.Microseconds())/1000, "sqlite3-ms/op")
	b.Cleanup(func() {
		if b.N > 0 && b.Elapsed() > 0 {
			own := b.Elapsed() / time.Duration(b.N)
			b.Logf("program %.1f ms, sqlite3 CLI on the same %d statements %.1f ms: %.2f×",
				float64(own.Microseconds())/1000, len(stmts), float64(floor.Microseconds())/1000, float64(own)/float64(floor))
		}
	})
}
