package data

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Mode is what the program is for: a township's command post, or a
// county's roll-up of its townships' reports (县级汇总).
type Mode int

const (
	TownshipMode Mode = iota
	CountyMode
)

// Mode reads which the program is; a township's until chosen otherwise.
func (db *DB) Mode(ctx context.Context) (Mode, error) {
	n, err := db.intSetting(ctx, "mode", int(TownshipMode))
	return Mode(n), err
}

// SaveMode chooses what the program is for.
func (db *DB) SaveMode(ctx context.Context, m Mode) error {
	if m != TownshipMode && m != CountyMode {
		return fmt.Errorf("save mode: %w", ErrBadChoice)
	}
	return db.write(ctx, "save mode", func(tx *sql.Tx) error {
		if err := setSetting(ctx, tx, "mode", fmt.Sprint(int(m))); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActSaveMode, "settings", 0, nil, int(m))
	})
}

// Deadline is when a township's report of a day is due at the county: a
// time of day, on the day itself or the day after.
type Deadline struct {
	NextDay bool
	Minutes int // after midnight
}

// DefaultDeadline is 次日13:00: the figures are whole calendar days.
var DefaultDeadline = Deadline{NextDay: true, Minutes: 13 * 60}

// For is the moment a day's report is due.
func (d Deadline) For(day time.Time) time.Time {
	at := StartOfDay(day)
	if d.NextDay {
		at = at.AddDate(0, 0, 1)
	}
	return at.Add(time.Duration(d.Minutes) * time.Minute)
}

// Deadline reads when reports are due.
func (db *DB) Deadline(ctx context.Context) (Deadline, error) {
	n, err := db.intSetting(ctx, "report_deadline", DefaultDeadline.Minutes+24*60)
	return Deadline{NextDay: n >= 24*60, Minutes: n % (24 * 60)}, err
}

// SaveDeadline sets when reports are due.
func (db *DB) SaveDeadline(ctx context.Context, d Deadline) error {
	if d.Minutes < 0 || d.Minutes >= 24*60 {
		return fmt.Errorf("save deadline: %w", &FieldError{Field: "deadline", Err: ErrBadNumber})
	}
	n := d.Minutes
	if d.NextDay {
		n += 24 * 60
	}
	return db.write(ctx, "save deadline", func(tx *sql.Tx) error {
		if err := setSetting(ctx, tx, "report_deadline", fmt.Sprint(n)); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActSaveDeadline, "settings", 0, nil, d)
	})
}

// Township is a township reporting to the county, known by the key its
// report files are signed with.
type Township struct {
	ID        int64
	Name      string
	Contact   string // 联系人
	Phone     string // 值班电话
	PublicKey ed25519.PublicKey
	Since     time.Time // the first day a report is expected
	Active    bool
}

func (t *Township) normalize() error {
	t.Name, t.Contact = clean(t.Name), clean(t.Contact)
	if err := checkName("name", t.Name); err != nil {
		return err
	}
	if t.Contact != "" {
		if err := checkName("contact", t.Contact); err != nil {
			return err
		}
	}
	if clean(t.Phone) != "" {
		phone, err := NormalizePhone(t.Phone)
		if err != nil {
			return &FieldError{Field: "phone", Err: err}
		}
		t.Phone = phone
	}
	if len(t.PublicKey) != ed25519.PublicKeySize {
		return &FieldError{Field: "key", Err: ErrNotReportFile}
	}
	if t.Since.IsZero() {
		return &FieldError{Field: "since", Err: ErrBadDate}
	}
	t.Since = StartOfDay(t.Since)
	return nil
}

// SaveTownship registers a township (ID 0) or updates its details; its
// key is the one it was registered with and does not change.
func (db *DB) SaveTownship(ctx context.Context, t Township) (int64, error) {
	if err := t.normalize(); err != nil {
		return 0, fmt.Errorf("save township: %w", err)
	}
	id := t.ID
	err := db.write(ctx, "save township", func(tx *sql.Tx) error {
		if t.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO townships (name, contact, phone, public_key, since, active, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, t.Name, t.Contact, t.Phone, []byte(t.PublicKey), formatDate(t.Since),
				boolInt(t.Active), formatTime(db.now()))
			if err != nil {
				return uniqueAsDuplicate(err)
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
			return db.audit(ctx, tx, ActRegisterTownship, "townships", id, nil,
				map[string]any{"Name": t.Name, "Key": Fingerprint(t.PublicKey)})
		}
		old, err := township(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE townships SET name = ?, contact = ?, phone = ?, since = ?, active = ? WHERE id = ?",
			t.Name, t.Contact, t.Phone, formatDate(t.Since), boolInt(t.Active), t.ID); err != nil {
			return uniqueAsDuplicate(err)
		}
		t.PublicKey = old.PublicKey
		return db.audit(ctx, tx, ActEditTownship, "townships", t.ID, townshipAudit(old), townshipAudit(t))
	})
	return id, err
}

func townshipAudit(t Township) map[string]any {
	return map[string]any{"Name": t.Name, "Contact": t.Contact, "Phone": t.Phone, "Since": formatDate(t.Since), "Active": t.Active}
}

const townshipColumns = "id, name, contact, phone, public_key, since, active"

func scanTownship(row scanner) (Township, error) {
	var t Township
	var key []byte
	var since string
	err := row.Scan(&t.ID, &t.Name, &t.Contact, &t.Phone, &key, &since, &t.Active)
	t.PublicKey, t.Since = ed25519.PublicKey(key), parseDate(since)
	return t, err
}

func township(ctx context.Context, q querier, id int64) (Township, error) {
	t, err := scanTownship(q.QueryRowContext(ctx, "SELECT "+townshipColumns+" FROM townships WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return t, ErrNotFound
	}
	return t, err
}

// Townships lists every registered township by name.
func (db *DB) Townships(ctx context.Context) ([]Township, error) {
	return queryAll(ctx, db, "list townships", scanTownship, "SELECT "+townshipColumns+" FROM townships ORDER BY name")
}

// ParseClock reads a time of day such as 13:00 (full-width digits and
// colon accepted) as minutes after midnight.
func ParseClock(text string) (int, error) {
	var h, m int
	if n, err := fmt.Sscanf(strings.TrimSpace(halfWidth(text)), "%d:%d", &h, &m); n != 2 || err != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, ErrBadClock
	}
	return h*60 + m, nil
}

// ReplaceTownshipKey registers the new key of a township that signs with
// another one now (a new PC set up without its backup): its files from
// then on are known by the new key, those received before stay its own.
func (db *DB) ReplaceTownshipKey(ctx context.Context, id int64, key ed25519.PublicKey) error {
	if len(key) != ed25519.PublicKeySize {
		return fmt.Errorf("replace township key: %w", ErrNotReportFile)
	}
	return db.write(ctx, "replace township key", func(tx *sql.Tx) error {
		old, err := township(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE townships SET public_key = ? WHERE id = ?", []byte(key), id); err != nil {
			return uniqueAsDuplicate(err)
		}
		return db.audit(ctx, tx, ActReplaceTownshipKey, "townships", id, Fingerprint(old.PublicKey), Fingerprint(key))
	})
}
