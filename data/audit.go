package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Operator is who is at the keyboard.
type Operator struct {
	ID    int64
	Name  string
	Admin bool
}

type operatorKey struct{}

// WithOperator marks every write made with ctx as done by op.
func WithOperator(ctx context.Context, op Operator) context.Context {
	return context.WithValue(ctx, operatorKey{}, op)
}

// OperatorFrom is the operator ctx carries; the zero Operator when none is
// set (the command line, or before any operator exists).
func OperatorFrom(ctx context.Context) Operator {
	op, _ := ctx.Value(operatorKey{}).(Operator)
	return op
}

// audit appends one change to the trail, inside the write's transaction so
// the change and its record land together or not at all. old and new are
// any values, stored as JSON; nil for none.
func (db *DB) audit(ctx context.Context, tx *sql.Tx, action Action, entity string, id int64, old, new any) error {
	op := OperatorFrom(ctx)
	name := op.Name
	var opID any
	if op.ID != 0 {
		opID = op.ID
	}
	enc := func(v any) (string, error) {
		if v == nil {
			return "", nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	oldJSON, err := enc(old)
	if err != nil {
		return err
	}
	newJSON, err := enc(new)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit (at, operator, operator_id, action, entity, entity_id, old_value, new_value)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, formatTime(db.now()), name, opID, string(action), entity, id, oldJSON, newJSON)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// AuditEntry is one line of the trail.
type AuditEntry struct {
	ID       int64
	At       time.Time
	Operator string
	Action   Action
	Entity   string // the table changed
	EntityID int64
	Subject  string // the record's name where it has one: the person, the checkpoint, the item
	Old, New string // as stored, JSON
	Changes  []FieldChange
}

// AuditPage is how many lines of the trail a search reads at a time; the
// next page starts before the last one shown (更多).
const AuditPage = 200

// AuditQuery filters the trail.
type AuditQuery struct {
	Text       string // operator, action, or anything in the values
	Operator   string // exactly this operator; "" any
	Area       AuditArea
	From, Upto time.Time
	Before     int64 // the last entry of the page before; 0: start at the newest
	Limit      int   // 0: AuditPage
}

// Audit lists a page of the trail, newest first: off the rowid, so a page
// reads about a page of rows whatever the trail's length, unless a text
// matches few of them.
func (db *DB) Audit(ctx context.Context, q AuditQuery) ([]AuditEntry, error) {
	query := "SELECT id, at, operator, action, entity, entity_id, old_value, new_value FROM audit WHERE 1 = 1"
	var args []any
	if text := clean(q.Text); text != "" {
		like := "%" + escapeLike(text) + "%"
		query += ` AND (operator LIKE ? ESCAPE '\' OR action LIKE ? ESCAPE '\' OR entity LIKE ? ESCAPE '\'
			OR old_value LIKE ? ESCAPE '\' OR new_value LIKE ? ESCAPE '\')`
		args = append(args, like, like, like, like, like)
	}
	if q.Operator != "" {
		query += " AND operator = ?"
		args = append(args, q.Operator)
	}
	if q.Area != "" {
		actions := actionsOf(q.Area)
		query += " AND action IN (" + strings.TrimSuffix(strings.Repeat("?,", len(actions)), ",") + ")"
		for _, a := range actions {
			args = append(args, string(a))
		}
	}
	if !q.From.IsZero() {
		query += " AND at >= ?"
		args = append(args, formatTime(q.From))
	}
	if !q.Upto.IsZero() {
		query += " AND at < ?"
		args = append(args, formatTime(q.Upto))
	}
	if q.Before != 0 {
		query += " AND id < ?"
		args = append(args, q.Before)
	}
	if q.Limit == 0 {
		q.Limit = AuditPage
	}
	query += " ORDER BY id DESC LIMIT ?"
	args = append(args, q.Limit)
	entries, err := queryAll(ctx, db, "read audit trail", func(row scanner) (AuditEntry, error) {
		var e AuditEntry
		var at string
		err := row.Scan(&e.ID, &at, &e.Operator, &e.Action, &e.Entity, &e.EntityID, &e.Old, &e.New)
		e.At = parseTime(at)
		return e, err
	}, query, args...)
	if err != nil {
		return nil, err
	}
	return entries, db.describe(ctx, entries)
}

// AuditOperators are the names of everyone the trail records, for the
// filter by operator.
func (db *DB) AuditOperators(ctx context.Context) ([]string, error) {
	return queryAll(ctx, db, "read audit operators", func(row scanner) (string, error) {
		var s string
		return s, row.Scan(&s)
	}, "SELECT DISTINCT operator FROM audit WHERE operator <> '' ORDER BY operator")
}

// LogAccess records an action that changes nothing but must be accounted
// for, such as showing or exporting unmasked personal data.
func (db *DB) LogAccess(ctx context.Context, action Action, what string) error {
	return db.write(ctx, "log access", func(tx *sql.Tx) error {
		return db.audit(ctx, tx, action, "access", 0, nil, strings.TrimSpace(what))
	})
}
