package data

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
)

// DutyRules are the command post's own duty and the rest every roster
// keeps.
type DutyRules struct {
	CommandShifts []Shift // 指挥部值班, e.g. 08:00–20:00 and 20:00–08:00
	CommandStaff  int     // people on each command-post shift
	MinRestHours  int     // between the end of one shift and the next
}

// DefaultDutyRules apply until 设置 changes them.
var DefaultDutyRules = DutyRules{CommandShifts: []Shift{{8 * 60, 20 * 60}, {20 * 60, 8 * 60}}, CommandStaff: 1, MinRestHours: 12}

// DutyRules reads the rules, the defaults where none were saved.
func (db *DB) DutyRules(ctx context.Context) (DutyRules, error) {
	r := DefaultDutyRules
	if v, ok, err := db.setting(ctx, "duty_command_shifts"); err != nil {
		return r, fmt.Errorf("read duty rules: %w", err)
	} else if ok {
		if s, err := ParseShifts(v); err == nil {
			r.CommandShifts = s
		}
	}
	var err error
	if r.CommandStaff, err = db.intSetting(ctx, "duty_command_staff", r.CommandStaff); err != nil {
		return r, fmt.Errorf("read duty rules: %w", err)
	}
	if r.MinRestHours, err = db.intSetting(ctx, "duty_min_rest", r.MinRestHours); err != nil {
		return r, fmt.Errorf("read duty rules: %w", err)
	}
	return r, nil
}

// SaveDutyRules checks and saves the rules.
func (db *DB) SaveDutyRules(ctx context.Context, r DutyRules) error {
	if len(r.CommandShifts) == 0 {
		return fmt.Errorf("save duty rules: %w", &FieldError{Field: "command_shifts", Err: ErrBadShifts})
	}
	if r.CommandStaff < 1 || r.CommandStaff > 10 {
		return fmt.Errorf("save duty rules: %w", &FieldError{Field: "command_staff", Err: ErrBadNumber})
	}
	if r.MinRestHours < 0 || r.MinRestHours > 48 {
		return fmt.Errorf("save duty rules: %w", &FieldError{Field: "min_rest", Err: ErrBadNumber})
	}
	old, err := db.DutyRules(ctx)
	if err != nil {
		return err
	}
	return db.write(ctx, "save duty rules", func(tx *sql.Tx) error {
		for key, v := range map[string]string{"duty_command_shifts": formatShifts(r.CommandShifts),
			"duty_command_staff": strconv.Itoa(r.CommandStaff), "duty_min_rest": strconv.Itoa(r.MinRestHours)} {
			if err := setSetting(ctx, tx, key, v); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, ActSaveDutyRules, "settings", 0, old, r)
	})
}
