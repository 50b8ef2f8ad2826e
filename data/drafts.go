package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Draft is what was typed into a form and not saved.
type Draft struct {
	Form    string
	Fields  map[string]string
	SavedAt time.Time
}

// SaveDraft keeps what a form holds; no fields removes its draft. Drafts
// are scratch: written without the audit trail.
func (db *DB) SaveDraft(ctx context.Context, form string, fields map[string]string) error {
	return db.write(ctx, "save draft", func(tx *sql.Tx) error {
		if len(fields) == 0 {
			_, err := tx.ExecContext(ctx, "DELETE FROM drafts WHERE form = ?", form)
			return err
		}
		b, err := json.Marshal(fields)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO drafts (form, fields, saved_at) VALUES (?, ?, ?)
			ON CONFLICT (form) DO UPDATE SET fields = excluded.fields, saved_at = excluded.saved_at`,
			form, string(b), formatTime(db.now()))
		return err
	})
}

// Drafts lists every form's kept draft, oldest first.
func (db *DB) Drafts(ctx context.Context) ([]Draft, error) {
	return queryAll(ctx, db, "drafts", func(s scanner) (Draft, error) {
		var d Draft
		var fields, at string
		if err := s.Scan(&d.Form, &fields, &at); err != nil {
			return d, err
		}
		d.SavedAt = parseTime(at)
		if err := json.Unmarshal([]byte(fields), &d.Fields); err != nil {
			return d, fmt.Errorf("draft %s: %w", d.Form, err)
		}
		return d, nil
	}, "SELECT form, fields, saved_at FROM drafts ORDER BY saved_at, form")
}
