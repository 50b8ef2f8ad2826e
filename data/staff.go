package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// StaffKinds are the kinds of people a command post deploys.
var StaffKinds = []string{"干部", "民警/辅警", "医务人员", "网格员", "志愿者", "党员"}

// StaffUnits are the usual units; others may be typed.
var StaffUnits = []string{"镇政府", "派出所", "卫生院", "村委会", "志愿者队"}

// Staff is one person who can be put on duty.
type Staff struct {
	ID      int64
	Name    string
	Phone   string
	Unit    string
	Kind    string
	MayLead bool // 可带班
	Active  bool
	Note    string
}

// StaffQuery filters the staff list.
type StaffQuery struct {
	Text            string // name, pinyin initials, phone or unit
	IncludeInactive bool
}

// normalize cleans a staff record and reports the first field that is wrong.
// CheckStaff is what SaveStaff would store, or why it would refuse it,
// without saving: an import shows it row by row before anything is kept.
func CheckStaff(s Staff) (Staff, error) {
	err := s.normalize()
	return s, err
}

func (s *Staff) normalize() error {
	s.Name, s.Unit, s.Kind, s.Note = clean(s.Name), clean(s.Unit), clean(s.Kind), clean(s.Note)
	if err := checkName("name", s.Name); err != nil {
		return err
	}
	if clean(s.Phone) == "" {
		return &FieldError{Field: "phone", Err: ErrPhoneRequired}
	}
	phone, err := NormalizePhone(s.Phone)
	if err != nil {
		return &FieldError{Field: "phone", Err: err}
	}
	s.Phone = phone
	if err := checkText("unit", s.Unit, maxLine); err != nil {
		return err
	}
	if s.Kind != "" && !slices.Contains(StaffKinds, s.Kind) {
		return &FieldError{Field: "kind", Err: ErrBadChoice}
	}
	return checkText("note", s.Note, maxNote)
}

// SaveStaff adds a person (ID 0) or updates one, returning the ID. The same
// name with the same phone is refused as a duplicate.
func (db *DB) SaveStaff(ctx context.Context, s Staff) (int64, error) {
	if err := s.normalize(); err != nil {
		return 0, fmt.Errorf("save staff: %w", err)
	}
	now := formatTime(db.now())
	id := s.ID
	err := db.write(ctx, "save staff", func(tx *sql.Tx) error {
		var other int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM staff WHERE name = ? AND phone = ? AND id != ?",
			s.Name, s.Phone, s.ID).Scan(&other)
		if err == nil {
			return ErrDuplicate
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if s.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO staff
				(name, phone, unit, kind, may_lead, active, note, initials, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				s.Name, s.Phone, s.Unit, s.Kind, boolInt(s.MayLead), boolInt(s.Active), s.Note,
				initials(s.Name), now, now)
			if err != nil {
				return err
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
			s.ID = id
			return db.audit(ctx, tx, ActAddStaff, "staff", id, nil, s)
		}
		old, err := scanStaff(tx.QueryRowContext(ctx, "SELECT "+staffColumns+" FROM staff WHERE id = ?", s.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE staff SET name = ?, phone = ?, unit = ?, kind = ?,
			may_lead = ?, active = ?, note = ?, initials = ?, updated_at = ? WHERE id = ?`,
			s.Name, s.Phone, s.Unit, s.Kind, boolInt(s.MayLead), boolInt(s.Active), s.Note,
			initials(s.Name), now, s.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return db.audit(ctx, tx, ActEditStaff, "staff", s.ID, old, s)
	})
	return id, err
}

// SetStaffActive deactivates or reactivates a person; people are never
// deleted because rosters and logs name them.
func (db *DB) SetStaffActive(ctx context.Context, id int64, active bool) error {
	return db.write(ctx, "set staff active", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE staff SET active = ?, updated_at = ? WHERE id = ?",
			boolInt(active), formatTime(db.now()), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		action := ActDeactivateStaff
		if active {
			action = ActReactivateStaff
		}
		return db.audit(ctx, tx, action, "staff", id, map[string]bool{"Active": !active}, map[string]bool{"Active": active})
	})
}

const staffColumns = "id, name, phone, unit, kind, may_lead, active, note"

func scanStaff(row scanner) (Staff, error) {
	var s Staff
	err := row.Scan(&s.ID, &s.Name, &s.Phone, &s.Unit, &s.Kind, &s.MayLead, &s.Active, &s.Note)
	return s, err
}

// StaffMember reads one person.
func (db *DB) StaffMember(ctx context.Context, id int64) (Staff, error) {
	s, err := scanStaff(db.reader(ctx).QueryRowContext(ctx, "SELECT "+staffColumns+" FROM staff WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return s, fmt.Errorf("read staff %d: %w", id, err)
	}
	return s, nil
}

// Staff lists people matching q, active first, then by name.
func (db *DB) Staff(ctx context.Context, q StaffQuery) ([]Staff, error) {
	query := "SELECT " + staffColumns + " FROM staff WHERE 1 = 1"
	var args []any
	if !q.IncludeInactive {
		query += " AND active = 1"
	}
	if text := strings.ToLower(halfWidth(clean(q.Text))); text != "" {
		like := "%" + escapeLike(text) + "%"
		query += ` AND (name LIKE ?1 ESCAPE '\' OR initials LIKE ?1 ESCAPE '\'
			OR phone LIKE ?1 ESCAPE '\' OR replace(phone, '-', '') LIKE ?1 ESCAPE '\'
			OR unit LIKE ?1 ESCAPE '\')`
		args = append(args, like)
	}
	query += " ORDER BY active DESC, initials, name"
	return queryAll(ctx, db, "list staff", scanStaff, query, args...)
}

// escapeLike makes a typed % or _ match itself.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
