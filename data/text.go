package data

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/width"
)

// Limits on free text, in characters. Generous for real use, small enough
// that a pasted spreadsheet can't land in one field.
const (
	maxName = 30
	maxLine = 60
	maxNote = 500
)

// clean trims a typed value the way a clerk means it: surrounding spaces of
// either width go, and control characters are dropped, except the line
// breaks and tabs that show several spreadsheet cells were pasted at once,
// which the checks below refuse in one-line fields.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(strings.TrimFunc(s, unicode.IsSpace))
}

// halfWidth folds full-width ASCII (１２３, ＡＢＣ, ．) to its ordinary form.
// Used on codes and numbers, never on names, which are stored as typed.
func halfWidth(s string) string { return width.Narrow.String(s) }

// HalfWidth is halfWidth for screens that read numbers typed with a Chinese
// input method: ３６．５ reads as 36.5.
func HalfWidth(s string) string { return halfWidth(s) }

// checkText enforces a length limit on a cleaned value; a one-line field
// (any limit below maxNote) refuses pasted cells.
func checkText(field, s string, max int) error {
	if n := utf8.RuneCountInString(s); n > max {
		return &FieldError{Field: field, Err: &TooLongError{Max: max, Got: n}}
	}
	if max < maxNote && strings.ContainsAny(s, "\t\n") {
		return &FieldError{Field: field, Err: ErrPastedCells}
	}
	return nil
}

// TooLongError is ErrTextTooLong with the limit, so the message can name it.
type TooLongError struct{ Max, Got int }

func (e *TooLongError) Error() string { return ErrTextTooLong.Error() }
func (e *TooLongError) Unwrap() error { return ErrTextTooLong }

// reasonText cleans a required one-line reason (why a record is voided,
// reversed or changed).
func reasonText(field, s string) (string, error) {
	s = clean(s)
	if s == "" {
		return "", &FieldError{Field: field, Err: ErrReasonRequired}
	}
	return s, checkText(field, s, maxLine)
}

// checkName requires a name of sensible length on one line.
func checkName(field, s string) error {
	if s == "" {
		return &FieldError{Field: field, Err: ErrNameRequired}
	}
	if strings.ContainsAny(s, "\t\n") {
		return &FieldError{Field: field, Err: ErrPastedCells}
	}
	if utf8.RuneCountInString(s) > maxName {
		return &FieldError{Field: field, Err: ErrNameTooLong}
	}
	return nil
}

// ParseDay reads a date as clerks type it: 2026-11-03, 2026/11/3, 2026.11.3
// or 2026年11月3日, in full-width digits too.
func ParseDay(s string) (time.Time, error) {
	s = strings.TrimSuffix(strings.NewReplacer("/", "-", ".", "-", "年", "-", "月", "-", "日", "", " ", "").
		Replace(halfWidth(clean(s))), "-")
	day, err := time.ParseInLocation("2006-1-2", s, time.Local)
	if err != nil {
		return time.Time{}, ErrBadDate
	}
	return day, nil
}

// ParseMoment reads when something happened as a clerk types it: empty
// for now, 14:05 for today, 11-25 14:05 or 11月25日 14:05 for a day of this
// year, 2026-11-25 14:05 in full; full-width digits too.
func ParseMoment(s string, now time.Time) (time.Time, error) {
	s = strings.NewReplacer("：", ":", "月", "-", "日", " ", "/", "-", ".", "-", "年", "-").Replace(halfWidth(clean(s)))
	fields := strings.Fields(s)
	switch len(fields) {
	case 0:
		return now, nil
	case 1:
		fields = []string{now.Format("2006-1-2"), fields[0]}
	case 2:
	default:
		return time.Time{}, ErrBadMoment
	}
	if strings.Count(fields[0], "-") == 1 {
		fields[0] = now.Format("2006") + "-" + fields[0]
	}
	t, err := time.ParseInLocation("2006-1-2 15:04", fields[0]+" "+fields[1], time.Local)
	if err != nil {
		return time.Time{}, ErrBadMoment
	}
	return t, nil
}

// initials are the pinyin initials a clerk types to find something: 张三
// is zs; other characters are kept as they are, lower-cased.
func initials(name string) string {
	args := pinyin.NewArgs()
	args.Style = pinyin.FirstLetter
	args.Fallback = func(r rune, _ pinyin.Args) []string { return []string{string(r)} }
	return strings.ToLower(strings.Join(pinyin.LazyPinyin(name, args), ""))
}

// SortKey orders texts as a Chinese list is read: by pinyin (张 after
// 王), other characters as they are.
func SortKey(s string) string {
	args := pinyin.NewArgs()
	args.Fallback = func(r rune, _ pinyin.Args) []string { return []string{string(r)} }
	return strings.Join(pinyin.LazyPinyin(s, args), " ")
}

// Matches reports whether a short list is found by what the clerk typed:
// part of any field, or the start of a field's pinyin initials (zgz finds
// 中关镇); an empty query finds everything.
func Matches(query string, fields ...string) bool {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return true
	}
	for _, f := range fields {
		if strings.Contains(strings.ToLower(f), q) || strings.HasPrefix(initials(f), q) {
			return true
		}
	}
	return false
}
