package data

import "errors"

// Sentinels callers test with errors.Is; only the ui package turns them into
// sentences for people.
var (
	ErrNotDatabase   = errors.New("file is not a database of this program")
	ErrSchemaTooNew  = errors.New("database was written by a newer version")
	ErrNotFound      = errors.New("record not found")
	ErrNameRequired  = errors.New("name is required")
	ErrNameTooLong   = errors.New("name is too long")
	ErrBadPhone      = errors.New("phone number is malformed")
	ErrPhoneRequired = errors.New("phone number is required")
	ErrTextTooLong   = errors.New("text is too long")
	ErrBadChoice     = errors.New("value is not one of the allowed choices")
	ErrDuplicate     = errors.New("record already exists")
)

// FieldError names the form field a validation error belongs to, so a screen
// can show the message beside that field.
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }
