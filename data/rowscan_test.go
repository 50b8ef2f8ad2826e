package data

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// The row scanner stores every value database/sql would, and fails where
// it fails, with the same error: it only takes a shorter way.
func TestRowScannerIsDatabaseSQL(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	type dests struct {
		s    string
		n    int64
		i    int
		f    float64
		b    bool
		kind MoveKind
	}
	ptrs := func(d *dests) []any { return []any{&d.s, &d.n, &d.i, &d.f, &d.b, &d.kind} }
	for _, row := range []string{
		`'王䶮', 42, -7, 36.5, 1, '入库'`,
		`'', 0, 0, 0.0, 0, ''`,
		`12, '42', '7', 37, 0, '出库'`, // numbers as text and text as numbers: database/sql converts
		`'a', 1, '7', 1.0, 1, '入库'`,  // a number as text
		`'a', 1, 1, 1, 1, '入库'`,      // a float as an integer
		`NULL, 1, 1, 1.0, 1, '入库'`,   // NULL into a string: an error
		`'a', 1, 1, 1.0, 2, '入库'`,    // 2 is no bool: an error
		`'a', 'x', 1, 1.0, 1, '入库'`,  // 'x' is no number: an error
	} {
		t.Run(row, func(t *testing.T) {
			query := "SELECT " + row
			var want, got dests
			wantErr := db.sql.QueryRowContext(ctx, query).Scan(ptrs(&want)...)
			rows, err := db.sql.QueryContext(ctx, query)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			if !rows.Next() {
				t.Fatal("no row")
			}
			gotErr := (&rowScanner{rows: rows}).Scan(ptrs(&got)...)
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Fatalf("error %v, database/sql's %v", gotErr, wantErr)
			}
			if wantErr == nil && !reflect.DeepEqual(got, want) {
				t.Fatalf("read %+v, database/sql %+v", got, want)
			}
		})
	}
}

// shout is a named string that reads itself, as a sql.Scanner does.
type shout string

func (s *shout) Scan(v any) error {
	*s = shout(fmt.Sprint(v) + "!")
	return nil
}

// A destination that scans itself is left to its own Scan.
func TestRowScannerLeavesScannersTheirOwn(t *testing.T) {
	db := openTest(t)
	rows, err := db.sql.QueryContext(context.Background(), "SELECT '出库'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	rows.Next()
	var s shout
	if err := (&rowScanner{rows: rows}).Scan(&s); err != nil || s != "出库!" {
		t.Fatalf("read %q, %v; want its own Scan's 出库!", s, err)
	}
}
