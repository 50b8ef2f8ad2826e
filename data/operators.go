package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// ErrWrongPIN means the PIN does not match.
var ErrWrongPIN = errors.New("wrong PIN")

// ErrBadPIN means a PIN too short or too long to set.
var ErrBadPIN = errors.New("PIN must have 4 to 20 characters")

// OperatorRow is an operator as listed for the picker.
type OperatorRow struct {
	Operator
	StaffID int64
}

// SaveOperator makes a staff member an operator, or changes their role and
// PIN. The PIN is stored only as a bcrypt hash. The first operator is always
// an admin, so someone can always manage the others.
func (db *DB) SaveOperator(ctx context.Context, staffID int64, admin bool, pin string) error {
	if n := utf8.RuneCountInString(pin); n < 4 || n > 20 {
		return fmt.Errorf("save operator: %w", &FieldError{Field: "pin", Err: ErrBadPIN})
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(pin), bcrypt.DefaultCost)
	if err != nil {
		return fmt.Errorf("save operator: %w", err)
	}
	role := "clerk"
	if admin {
		role = "admin"
	}
	return db.write(ctx, "save operator", func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, "SELECT name FROM staff WHERE id = ? AND active = 1", staffID).Scan(&name); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		var others int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM operators WHERE staff_id != ?", staffID).Scan(&others); err != nil {
			return err
		}
		if others == 0 {
			role = "admin"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO operators (staff_id, role, pin_hash, created_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (staff_id) DO UPDATE SET role = excluded.role, pin_hash = excluded.pin_hash`,
			staffID, role, hash, formatTime(db.now())); err != nil {
			return err
		}
		// The PIN itself is never written anywhere, the trail included.
		return db.audit(ctx, tx, ActSaveOperator, "operators", staffID, nil, map[string]string{"Name": name, "Role": role})
	})
}

// Operators lists the operators whose staff record is active, by name.
func (db *DB) Operators(ctx context.Context) ([]OperatorRow, error) {
	return queryAll(ctx, db, "list operators", func(row scanner) (OperatorRow, error) {
		var o OperatorRow
		var role string
		err := row.Scan(&o.ID, &o.StaffID, &o.Name, &role)
		o.Admin = role == "admin"
		return o, err
	}, `SELECT o.id, o.staff_id, s.name, o.role FROM operators o JOIN staff s ON s.id = o.staff_id
		WHERE s.active = 1 ORDER BY s.initials, s.name`)
}

// SignIn checks an operator's PIN and returns who they are.
func (db *DB) SignIn(ctx context.Context, operatorID int64, pin string) (Operator, error) {
	var op Operator
	var role string
	var hash []byte
	err := db.reader(ctx).QueryRowContext(ctx, `SELECT o.id, s.name, o.role, o.pin_hash FROM operators o
		JOIN staff s ON s.id = o.staff_id WHERE o.id = ? AND s.active = 1`, operatorID).Scan(&op.ID, &op.Name, &role, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return op, ErrNotFound
	}
	if err != nil {
		return op, fmt.Errorf("sign in: %w", err)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(pin)) != nil {
		return Operator{}, &FieldError{Field: "pin", Err: ErrWrongPIN}
	}
	op.Admin = role == "admin"
	return op, nil
}
