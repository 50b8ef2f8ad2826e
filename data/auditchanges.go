package data

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"
)

// FieldChange is one field of an audited record, as it was and as it
// became. Field is the path of the stored key: Name, Lines.2.Quantity;
// values are as stored, with times as 2006-01-02 15:04, records named
// instead of numbered, and "" for none.
type FieldChange struct {
	Field    string
	Old, New string
}

// changes are the fields that differ between an entry's old and new
// values, in the order they were written; a field empty on both sides
// (a zero time, an unused part of a struct) is left out.
func changes(old, new string) []FieldChange {
	o, n := flatten(old), flatten(new)
	var out []FieldChange
	seen := map[string]bool{}
	for _, f := range append(n.keys, o.keys...) {
		if seen[f] {
			continue
		}
		seen[f] = true
		if o.values[f] != n.values[f] {
			out = append(out, FieldChange{Field: f, Old: o.values[f], New: n.values[f]})
		}
	}
	return out
}

// flatFields are a JSON value's leaves by path, in the order written.
type flatFields struct {
	keys   []string
	values map[string]string
}

// flatten reads a stored value into its leaves: objects by key, arrays of
// objects by position from 1, arrays of plain values joined with 、, a
// shift {Start, End} in minutes as 08:00-16:00. A value that is not JSON
// is a leaf of its own. gjson keeps the keys in the order written, which a
// decoded map forgets, and reads a page of the trail about ten times
// faster than encoding/json's token stream.
func flatten(s string) flatFields {
	f := flatFields{values: map[string]string{}}
	if s == "" {
		return f
	}
	if !gjson.Valid(s) {
		f.add("", s)
		return f
	}
	f.walk("", gjson.Parse(s))
	return f
}

func (f *flatFields) add(path, value string) {
	if value == "" {
		return
	}
	f.keys = append(f.keys, path)
	f.values[path] = value
}

func (f *flatFields) walk(path string, v gjson.Result) {
	switch {
	case v.IsObject():
		if shift, ok := shiftText(v); ok {
			f.add(path, shift)
			return
		}
		v.ForEach(func(k, m gjson.Result) bool {
			f.walk(join(path, k.Str), m)
			return true
		})
	case v.IsArray():
		var plain []string
		i := 0
		v.ForEach(func(_, e gjson.Result) bool {
			i++
			if e.IsObject() || e.IsArray() {
				f.walk(join(path, strconv.Itoa(i)), e)
			} else {
				plain = append(plain, leaf(e))
			}
			return true
		})
		f.add(path, strings.Join(plain, "、"))
	default:
		if unset(path, v) {
			return
		}
		f.add(path, leaf(v))
	}
}

// unset reports a number that stands for nothing: a record's number before
// it had one (the ID of a line being added), a temperature not taken.
func unset(path string, v gjson.Result) bool {
	if v.Type != gjson.Number || v.Raw != "0" {
		return false
	}
	k := lastKey(path)
	return strings.HasSuffix(k, "ID") || k == "Celsius"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// leaf is a plain value as text: "" for null, an unset time or an empty
// string; numbers as written; times to the minute.
func leaf(v gjson.Result) string {
	switch v.Type {
	case gjson.Null:
		return ""
	case gjson.String:
		return timeOrText(v.Str)
	}
	return v.Raw
}

// timeOrText is a stored time to the minute (a date alone at midnight, ""
// when unset), any other text as it is.
func timeOrText(s string) string {
	// Every stored time starts 2006-01-02; the check spares a failed
	// parse, with its error, for every name and note.
	if len(s) < len("2006-01-02 15:04:05") || s[4] != '-' || s[7] != '-' {
		return s
	}
	for _, layout := range []string{time.RFC3339, timeLayout} {
		if t, err := time.Parse(layout, s); err == nil {
			switch {
			case t.Year() == 1:
				return ""
			case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
				return t.Format("2006-01-02")
			default:
				return t.Format("2006-01-02 15:04")
			}
		}
	}
	return s
}

// shiftText is a {Start, End} pair of minutes as 08:00-16:00.
func shiftText(o gjson.Result) (string, bool) {
	var keys []string
	var minutes []int64
	o.ForEach(func(k, v gjson.Result) bool {
		keys = append(keys, k.Str)
		n, err := strconv.ParseInt(v.Raw, 10, 64)
		if v.Type != gjson.Number || err != nil {
			return false
		}
		minutes = append(minutes, n)
		return len(keys) <= 2
	})
	if len(keys) != 2 || len(minutes) != 2 || keys[0] != "Start" || keys[1] != "End" {
		return "", false
	}
	a, b := minutes[0], minutes[1]
	return fmt.Sprintf("%02d:%02d-%02d:%02d", a/60, a%60, b/60, b%60), true
}

// namedBy are the stored keys that hold a record's number, and the query
// that names such records (?… replaced by the numbers asked).
var namedBy = map[string]string{
	"ItemID":       "SELECT id, name || CASE WHEN spec <> '' THEN ' ' || spec ELSE '' END FROM items WHERE id IN (?…)",
	"LocationID":   "SELECT id, name FROM locations WHERE id IN (?…)",
	"StaffID":      "SELECT id, name FROM staff WHERE id IN (?…)",
	"Staff":        "SELECT id, name FROM staff WHERE id IN (?…)",
	"A":            "SELECT id, name FROM staff WHERE id IN (?…)", // the two of a swap
	"B":            "SELECT id, name FROM staff WHERE id IN (?…)",
	"RoomID":       "SELECT id, building || number FROM rooms WHERE id IN (?…)",
	"Room":         "SELECT id, building || number FROM rooms WHERE id IN (?…)",
	"GuestID":      "SELECT id, name FROM guests WHERE id IN (?…)",
	"CheckpointID": "SELECT id, name FROM checkpoints WHERE id IN (?…)",
}

// subjectOf is the query naming the record an entry is about, by the
// table the entry names; add rooms numbers its site.
var subjectOf = map[string]string{
	"guests":        "SELECT id, name FROM guests WHERE id IN (?…)",
	"staff":         "SELECT id, name FROM staff WHERE id IN (?…)",
	"checkpoints":   "SELECT id, name FROM checkpoints WHERE id IN (?…)",
	"sites":         "SELECT id, name FROM sites WHERE id IN (?…)",
	"items":         "SELECT id, name FROM items WHERE id IN (?…)",
	"rooms":         "SELECT id, building || number FROM rooms WHERE id IN (?…)",
	"tests":         "SELECT t.id, g.name FROM tests t JOIN guests g ON g.id = t.guest_id WHERE t.id IN (?…)",
	"registrations": "SELECT id, name FROM registrations WHERE id IN (?…)",
	"townships":     "SELECT id, name FROM townships WHERE id IN (?…)",
	"operators":     "SELECT id, name FROM staff WHERE id IN (?…)",
}

// describe fills in each entry's subject and changed fields, naming the
// records they number: a page of the trail takes a query per kind of
// record, not one per line.
func (db *DB) describe(ctx context.Context, entries []AuditEntry) error {
	wanted := map[string]map[int64]string{} // query → numbers → names
	want := func(query, value string) {
		if id, err := strconv.ParseInt(value, 10, 64); err == nil && id > 0 {
			if wanted[query] == nil {
				wanted[query] = map[int64]string{}
			}
			wanted[query][id] = ""
		}
	}
	for i := range entries {
		e := &entries[i]
		e.Changes = changes(e.Old, e.New)
		if q, ok := subjectOf[e.Entity]; ok && e.Action != ActAddRooms {
			want(q, strconv.FormatInt(e.EntityID, 10))
		}
		for _, c := range e.Changes {
			if q, ok := namedBy[lastKey(c.Field)]; ok {
				want(q, c.Old)
				want(q, c.New)
			}
		}
	}
	for query, names := range wanted {
		if err := db.nameAll(ctx, query, names); err != nil {
			return err
		}
	}
	name := func(query, value string) string {
		id, err := strconv.ParseInt(value, 10, 64)
		if n := wanted[query][id]; err == nil && n != "" {
			return n
		}
		return value
	}
	for i := range entries {
		e := &entries[i]
		if q, ok := subjectOf[e.Entity]; ok && e.Action != ActAddRooms {
			if n := wanted[q][e.EntityID]; n != "" {
				e.Subject = n
			}
		}
		for j := range e.Changes {
			c := &e.Changes[j]
			if q, ok := namedBy[lastKey(c.Field)]; ok {
				c.Old, c.New = name(q, c.Old), name(q, c.New)
			}
		}
	}
	return nil
}

// nameAll fills names (numbers → "") from query, 500 numbers at a time.
func (db *DB) nameAll(ctx context.Context, query string, names map[int64]string) error {
	ids := make([]any, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		q := strings.Replace(query, "?…", strings.TrimSuffix(strings.Repeat("?,", n), ","), 1)
		rows, err := db.reader(ctx).QueryContext(ctx, q, ids[:n]...)
		if err != nil {
			return fmt.Errorf("name audited records: %w", err)
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return fmt.Errorf("name audited records: %w", err)
			}
			names[id] = name
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("name audited records: %w", err)
		}
		ids = ids[n:]
	}
	return nil
}

// lastKey is the last key of a path: Lines.2.ItemID → ItemID.
func lastKey(path string) string {
	return path[strings.LastIndexByte(path, '.')+1:]
}
