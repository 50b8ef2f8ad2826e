package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// GuestCategories are the kinds of people isolated.
var GuestCategories = []string{"密切接触者", "次密切接触者", "入境人员", "中高风险地区来返人员", "其他"}

// SpecialNeeds are the 特殊群体 a site watches over.
var SpecialNeeds = []string{"慢性病", "孕妇", "老人", "儿童", "行动不便"}

// Outcome is how an isolation ended.
type Outcome string

const (
	Released     Outcome = "解除隔离" // often to home health monitoring
	Hospitalised Outcome = "转院"   // to the designated hospital
	HomeIsolated Outcome = "转居家"
	OtherOutcome Outcome = "其他"
)

// Outcomes in the order the form offers them.
var Outcomes = []Outcome{Released, Hospitalised, HomeIsolated, OtherOutcome}

// TestResult is what a nucleic-acid test found: 待出 until it is known.
type TestResult string

const (
	TestPending  TestResult = "待出"
	TestNegative TestResult = "阴性"
	TestPositive TestResult = "阳性" // what every positive count looks for
)

// TestResults in the order the form offers them.
var TestResults = []TestResult{TestPending, TestNegative, TestPositive}

// FeverCelsius is where a temperature counts as fever.
const FeverCelsius = 37.3

// A reading outside MinCelsius..MaxCelsius is a slip of the keyboard, not
// a person's temperature.
const (
	MinCelsius = 34.0
	MaxCelsius = 42.5
)

// PlausibleCelsius reports whether v can be a person's temperature.
func PlausibleCelsius(v float64) bool { return v >= MinCelsius && v <= MaxCelsius }

// IsolationRules are the command post's settings for isolation.
type IsolationRules struct {
	DaysByCategory map[string]int // planned days by guest category
	TestDays       []int          // days of isolation with a nucleic-acid test; 1 = check-in day
}

func defaultIsolationRules() IsolationRules {
	return IsolationRules{
		DaysByCategory: map[string]int{"密切接触者": 14, "次密切接触者": 7, "入境人员": 14, "中高风险地区来返人员": 7, "其他": 14},
		TestDays:       []int{1, 4, 7, 14},
	}
}

// IsolationRules reads the rules, with the defaults for anything not set.
func (db *DB) IsolationRules(ctx context.Context) (IsolationRules, error) {
	r := defaultIsolationRules()
	rows, err := db.reader(ctx).QueryContext(ctx, "SELECT key, value FROM settings WHERE key LIKE 'isolation.%'")
	if err != nil {
		return r, fmt.Errorf("read isolation rules: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key, value string
		if err := rows.Scan(&key, &value); err != nil {
			return r, fmt.Errorf("read isolation rules: %w", err)
		}
		if cat, ok := strings.CutPrefix(key, "isolation.days."); ok {
			if n, err := strconv.Atoi(value); err == nil {
				r.DaysByCategory[cat] = n
			}
		} else if key == "isolation.test_days" {
			if days, err := ParseDayList(value); err == nil {
				r.TestDays = days
			}
		}
	}
	return r, rows.Err()
}

// ParseDayList reads "1, 4, 7, 14" (any separators, full-width digits too).
func ParseDayList(s string) ([]int, error) {
	fields := strings.FieldsFunc(halfWidth(s), func(r rune) bool { return r < '0' || r > '9' })
	var days []int
	for _, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > 60 {
			return nil, ErrBadNumber
		}
		if !slices.Contains(days, n) {
			days = append(days, n)
		}
	}
	slices.Sort(days)
	return days, nil
}

// SaveIsolationRules stores the rules.
func (db *DB) SaveIsolationRules(ctx context.Context, r IsolationRules) error {
	for cat, n := range r.DaysByCategory {
		if !slices.Contains(GuestCategories, cat) {
			return &FieldError{Field: "category", Err: ErrBadChoice}
		}
		if n < 1 || n > 60 {
			return &FieldError{Field: "days." + cat, Err: ErrBadNumber}
		}
	}
	days := make([]string, len(r.TestDays))
	for i, d := range r.TestDays {
		if d < 1 || d > 60 {
			return &FieldError{Field: "test_days", Err: ErrBadNumber}
		}
		days[i] = strconv.Itoa(d)
	}
	old, err := db.IsolationRules(ctx)
	if err != nil {
		return err
	}
	return db.write(ctx, "save isolation rules", func(tx *sql.Tx) error {
		if err := db.audit(ctx, tx, ActSaveIsolationRules, "settings", 0, old, r); err != nil {
			return err
		}
		for cat, n := range r.DaysByCategory {
			if err := setSetting(ctx, tx, "isolation.days."+cat, strconv.Itoa(n)); err != nil {
				return err
			}
		}
		return setSetting(ctx, tx, "isolation.test_days", strings.Join(days, ","))
	})
}
