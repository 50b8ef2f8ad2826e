package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// PostInfo is who the program serves: asked for on first run, printed in
// every title.
type PostInfo struct {
	Township  string // 乡镇/街道
	PostName  string // 指挥部名称
	DutyPhone string // 指挥部值班电话
	SendTo    string // 报: whom the daily report goes up to, e.g. 县疫情防控指挥部
	CopyTo    string // 送: who receives a copy
}

// Complete reports whether first-run setup has been done.
func (p PostInfo) Complete() bool {
	return p.Township != "" && p.PostName != "" && p.DutyPhone != ""
}

// PostInfo reads the command post's details; empty fields before setup.
func (db *DB) PostInfo(ctx context.Context) (PostInfo, error) {
	var p PostInfo
	for key, dst := range map[string]*string{
		"township": &p.Township, "post_name": &p.PostName, "duty_phone": &p.DutyPhone,
		"report_send_to": &p.SendTo, "report_copy_to": &p.CopyTo,
	} {
		v, _, err := db.setting(ctx, key)
		if err != nil {
			return p, err
		}
		*dst = v
	}
	return p, nil
}

// SavePostInfo validates and stores the command post's details.
func (db *DB) SavePostInfo(ctx context.Context, p PostInfo) error {
	p.Township, p.PostName = clean(p.Township), clean(p.PostName)
	if err := checkName("township", p.Township); err != nil {
		return err
	}
	if err := checkName("post_name", p.PostName); err != nil {
		return err
	}
	phone, err := NormalizePhone(p.DutyPhone)
	if err != nil {
		return &FieldError{Field: "duty_phone", Err: err}
	}
	p.DutyPhone = phone
	p.SendTo, p.CopyTo = clean(p.SendTo), clean(p.CopyTo)
	for field, v := range map[string]string{"send_to": p.SendTo, "copy_to": p.CopyTo} {
		if err := checkText(field, v, maxLine); err != nil {
			return err
		}
	}
	old, err := db.PostInfo(ctx)
	if err != nil {
		return err
	}
	return db.write(ctx, "save post info", func(tx *sql.Tx) error {
		if err := db.audit(ctx, tx, ActSavePostInfo, "settings", 0, old, p); err != nil {
			return err
		}
		for key, value := range map[string]string{
			"township": p.Township, "post_name": p.PostName, "duty_phone": p.DutyPhone,
			"report_send_to": p.SendTo, "report_copy_to": p.CopyTo,
		} {
			if err := setSetting(ctx, tx, key, value); err != nil {
				return err
			}
		}
		return nil
	})
}

func setSetting(ctx context.Context, tx *sql.Tx, key, value string) error {
	_, err := tx.ExecContext(ctx,
		"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		key, value)
	if err != nil {
		return fmt.Errorf("set %s: %w", key, err)
	}
	return nil
}

// DefaultIdleMinutes is how long the program may stand unused before it
// locks, unless set otherwise.
const DefaultIdleMinutes = 15

// IdleMinutes reads the idle time before the program locks.
func (db *DB) IdleMinutes(ctx context.Context) (int, error) {
	return db.intSetting(ctx, "idle_minutes", DefaultIdleMinutes)
}

// setting reads one setting; ok is false when it was never saved.
func (db *DB) setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = db.reader(ctx).QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read setting %s: %w", key, err)
	}
	return value, true, nil
}

// intSetting reads a whole-number setting, or def when none (or no
// number) was saved.
func (db *DB) intSetting(ctx context.Context, key string, def int) (int, error) {
	v, ok, err := db.setting(ctx, key)
	if err != nil {
		return 0, err
	}
	if n, convErr := strconv.Atoi(v); ok && convErr == nil {
		return n, nil
	}
	return def, nil
}

// SaveIdleMinutes sets the idle time before the program locks: 1 to 240.
func (db *DB) SaveIdleMinutes(ctx context.Context, minutes int) error {
	if minutes < 1 || minutes > 240 {
		return &FieldError{Field: "idle_minutes", Err: ErrBadNumber}
	}
	old, err := db.IdleMinutes(ctx)
	if err != nil {
		return err
	}
	return db.write(ctx, "save idle minutes", func(tx *sql.Tx) error {
		if err := db.audit(ctx, tx, ActSaveIdleMinutes, "settings", 0, old, minutes); err != nil {
			return err
		}
		return setSetting(ctx, tx, "idle_minutes", strconv.Itoa(minutes))
	})
}
