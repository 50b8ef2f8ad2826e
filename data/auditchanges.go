package data

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
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
// is a leaf of its own.
func flatten(s string) flatFields {
	f := flatFields{values: map[string]string{}}
	if s == "" {
		return f
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	v, err := readOrdered(dec)
	if err != nil {
		f.add("", s)
		return f
	}
	f.walk("", v)
	return f
}

// object is a JSON object with its keys in the order written, which a
// decoded map forgets.
type object []member

type member struct {
	key   string
	value any
}

// readOrdered reads the next JSON value: an object as an object, an array
// as []any, anything else as the decoder's token (string, json.Number,
// bool, nil).
func readOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		var o object
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := readOrdered(dec)
			if err != nil {
				return nil, err
			}
			o = append(o, member{k.(string), v})
		}
		_, err := dec.Token() // }
		return o, err
	case json.Delim('['):
		var a []any
		for dec.More() {
			v, err := readOrdered(dec)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := dec.Token() // ]
		return a, err
	}
	return tok, nil
}

func (f *flatFields) add(path, value string) {
	if value == "" {
		return
	}
	f.keys = append(f.keys, path)
	f.values[path] = value
}

func (f *flatFields) walk(path string, v any) {
	switch v := v.(type) {
	case object:
		if shift, ok := shiftText(v); ok {
			f.add(path, shift)
			return
		}
		for _, m := range v {
			f.walk(join(path, m.key), m.value)
		}
	case []any:
		var plain []string
		for i, e := range v {
			switch e.(type) {
			case object, []any:
				f.walk(join(path, strconv.Itoa(i+1)), e)
			default:
				plain = append(plain, leaf(e))
			}
		}
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
func unset(path string, v any) bool {
	n, ok := v.(json.Number)
	if !ok || n.String() != "0" {
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
// string; times to the minute.
func leaf(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case bool:
		return strconv.FormatBool(v)
	case json.Number:
		return v.String()
	case string:
		for _, layout := range []string{time.RFC3339, timeLayout} {
			if t, err := time.Parse(layout, v); err == nil {
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
		return v
	}
	return fmt.Sprint(v)
}

// shiftText is a {Start, End} pair of minutes as 08:00-16:00.
func shiftText(o object) (string, bool) {
	if len(o) != 2 || o[0].key != "Start" || o[1].key != "End" {
		return "", false
	}
	start, ok1 := o[0].value.(json.Number)
	end, ok2 := o[1].value.(json.Number)
	if !ok1 || !ok2 {
		return "", false
	}
	a, err1 := start.Int64()
	b, err2 := end.Int64()
	if err1 != nil || err2 != nil {
		return "", false
	}
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
