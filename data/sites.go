package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Site is an isolation site (集中隔离点).
type Site struct {
	ID        int64
	Name      string
	Address   string
	Manager   string
	Phone     string
	DutyStaff int // people on each duty shift at the site; 0: no site duty rostered
}

func (s *Site) normalize() error {
	s.Name, s.Address, s.Manager = clean(s.Name), clean(s.Address), clean(s.Manager)
	if err := checkName("name", s.Name); err != nil {
		return err
	}
	if err := checkText("address", s.Address, maxLine); err != nil {
		return err
	}
	if s.Manager != "" {
		if err := checkName("manager", s.Manager); err != nil {
			return err
		}
	}
	if clean(s.Phone) != "" {
		phone, err := NormalizePhone(s.Phone)
		if err != nil {
			return &FieldError{Field: "phone", Err: err}
		}
		s.Phone = phone
	}
	if s.DutyStaff < 0 || s.DutyStaff > 20 {
		return &FieldError{Field: "duty_staff", Err: ErrBadNumber}
	}
	return nil
}

// SaveSite adds (ID 0) or updates a site and returns its ID.
func (db *DB) SaveSite(ctx context.Context, s Site) (int64, error) {
	if err := s.normalize(); err != nil {
		return 0, fmt.Errorf("save site: %w", err)
	}
	now := formatTime(db.now())
	id := s.ID
	err := db.write(ctx, "save site", func(tx *sql.Tx) error {
		if s.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO sites (name, address, manager, phone, duty_staff, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, s.Name, s.Address, s.Manager, s.Phone, s.DutyStaff, now, now)
			if err != nil {
				return uniqueAsDuplicate(err)
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
			s.ID = id
			return db.audit(ctx, tx, ActAddSite, "sites", id, nil, s)
		}
		old, err := scanSite(tx.QueryRowContext(ctx, "SELECT "+siteColumns+" FROM sites WHERE id = ?", s.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE sites SET name = ?, address = ?, manager = ?, phone = ?, duty_staff = ?,
			updated_at = ? WHERE id = ?`, s.Name, s.Address, s.Manager, s.Phone, s.DutyStaff, now, s.ID)
		if err != nil {
			return uniqueAsDuplicate(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return db.audit(ctx, tx, ActEditSite, "sites", s.ID, old, s)
	})
	return id, err
}

// uniqueAsDuplicate turns SQLite's UNIQUE constraint failure into ErrDuplicate.
func uniqueAsDuplicate(err error) error {
	if err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed") {
		return fmt.Errorf("%w: %v", ErrDuplicate, err)
	}
	return err
}

// Sites lists every site by name.
func (db *DB) Sites(ctx context.Context) ([]Site, error) {
	return queryAll(ctx, db, "list sites", scanSite, "SELECT "+siteColumns+" FROM sites ORDER BY name")
}

const siteColumns = "id, name, address, manager, phone, duty_staff"

func scanSite(row scanner) (Site, error) {
	var s Site
	err := row.Scan(&s.ID, &s.Name, &s.Address, &s.Manager, &s.Phone, &s.DutyStaff)
	return s, err
}

// Site reads one site.
func (db *DB) Site(ctx context.Context, id int64) (Site, error) {
	s, err := scanSite(db.reader(ctx).QueryRowContext(ctx, "SELECT "+siteColumns+" FROM sites WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return s, fmt.Errorf("read site %d: %w", id, err)
	}
	return s, nil
}
