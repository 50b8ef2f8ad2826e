package data

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Limits on free text, in characters. Generous for real use, small enough
// that a pasted spreadsheet can't land in one field.
const (
	maxName = 30
	maxLine = 60
	maxNote = 500
)

// clean trims a typed value the way a clerk means it: full-width digits and
// letters (from a Chinese input method) become half-width, surrounding spaces
// of either width go, and control characters are dropped.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(strings.TrimFunc(s, unicode.IsSpace))
}

// halfWidth folds full-width ASCII (１２３, ＡＢＣ) to its ordinary form.
// Used on codes and numbers, never on names, which are stored as typed.
func halfWidth(s string) string { return width.Narrow.String(s) }

// checkText enforces a length limit on a cleaned value.
func checkText(field, s string, max int) error {
	if utf8.RuneCountInString(s) > max {
		return &FieldError{Field: field, Err: ErrTextTooLong}
	}
	return nil
}

// checkName requires a name of sensible length on one line.
func checkName(field, s string) error {
	if s == "" {
		return &FieldError{Field: field, Err: ErrNameRequired}
	}
	if utf8.RuneCountInString(s) > maxName || strings.ContainsRune(s, '\n') {
		return &FieldError{Field: field, Err: ErrNameTooLong}
	}
	return nil
}
