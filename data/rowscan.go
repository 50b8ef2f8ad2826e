package data

import (
	"database/sql"
	"reflect"
)

// rowScanner reads a row's columns as the driver gives them and stores
// each in its destination with a plain type switch: database/sql's own
// conversion goes through reflection for every int64 and named string,
// a third of the time of reading a long ledger. A row with anything else
// (a NULL, a kind of destination not here) is read by database/sql
// instead, as is a destination that scans itself, so every value and
// error is exactly its.
type rowScanner struct {
	rows       *sql.Rows
	vals, ptrs []any
}

func (r *rowScanner) Scan(dest ...any) error {
	if len(r.vals) != len(dest) {
		r.vals, r.ptrs = make([]any, len(dest)), make([]any, len(dest))
		for i := range r.vals {
			r.ptrs[i] = &r.vals[i]
		}
	}
	if err := r.rows.Scan(r.ptrs...); err != nil {
		return err
	}
	for i, d := range dest {
		if !store(d, r.vals[i]) {
			return r.rows.Scan(dest...)
		}
	}
	return nil
}

// store puts v in *d when both are of the few kinds the program reads,
// and says whether it did.
func store(d, v any) bool {
	switch p := d.(type) {
	case *string:
		s, ok := v.(string)
		*p = s
		return ok
	case *int64:
		n, ok := v.(int64)
		*p = n
		return ok
	case *int:
		n, ok := v.(int64)
		*p = int(n)
		return ok
	case *float64:
		f, ok := v.(float64)
		*p = f
		return ok
	case *bool:
		n, ok := v.(int64)
		*p = n == 1
		return ok && (n == 0 || n == 1)
	}
	if _, ok := d.(sql.Scanner); ok {
		return false // it reads the value its own way
	}
	// Named string types: kinds, directions, outcomes.
	if s, ok := v.(string); ok {
		if e := reflect.ValueOf(d); e.Kind() == reflect.Pointer && e.Elem().Kind() == reflect.String {
			e.Elem().SetString(s)
			return true
		}
	}
	return false
}
