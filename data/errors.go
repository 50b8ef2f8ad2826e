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
	ErrBadPlate      = errors.New("vehicle plate is malformed")
	ErrPhoneRequired = errors.New("phone number is required")
	ErrTextTooLong   = errors.New("text is too long")
	ErrPastedCells   = errors.New("several spreadsheet cells were pasted into one field")
	ErrBadChoice     = errors.New("value is not one of the allowed choices")
	ErrDuplicate     = errors.New("record already exists")
	ErrBusy          = errors.New("database is held by another program")
	ErrDamaged       = errors.New("database file is damaged")
	ErrReadOnly      = errors.New("database file or its folder cannot be written")
	ErrDiskFull      = errors.New("the disk is full")
)

// FieldError names the form field a validation error belongs to, so a screen
// can show the message beside that field.
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

// ID number faults, most serious first.
var (
	ErrIDLength      = errors.New("ID number must have 18 characters")
	ErrIDFormat      = errors.New("ID number has characters other than digits and a final X")
	ErrIDBirthDate   = errors.New("ID number holds no valid birth date")
	ErrIDBirthFuture = errors.New("ID number's birth date is later than today")
	ErrIDTooOld      = errors.New("ID number's birth date is more than MaxAge years ago")
	ErrIDCheckDigit  = errors.New("ID number check character is wrong")
)

// Isolation rules a request can break.
var (
	ErrRoomOutOfService     = errors.New("room is out of service")
	ErrRoomAwaitsCleaning   = errors.New("room awaits terminal disinfection")
	ErrRoomFull             = errors.New("room is at capacity")
	ErrRoomOccupied         = errors.New("room is occupied")
	ErrAlreadyIsolated      = errors.New("person is already in isolation")
	ErrGuestEnded           = errors.New("isolation has already ended")
	ErrBadTemperature       = errors.New("temperature is outside MinCelsius..MaxCelsius")
	ErrReasonRequired       = errors.New("a reason is required")
	ErrBadDate              = errors.New("date is not valid")
	ErrBadClock             = errors.New("time of day is not valid")
	ErrBadMoment            = errors.New("time is not valid")
	ErrBadNumber            = errors.New("number is out of range")
	ErrRoomNotAwaitCleaning = errors.New("room does not await disinfection")
)

// Checkpoint rules a request can break.
var (
	ErrBadShifts        = errors.New("shift pattern is malformed")
	ErrCheckpointClosed = errors.New("checkpoint is closed on that date")
	ErrNameOrPlate      = errors.New("a registration needs a name or a plate")
	ErrAlreadyVoided    = errors.New("registration is already voided")
)

// Stock movements a request can break.
var (
	ErrInsufficientStock = errors.New("not enough stock")
	ErrNoLines           = errors.New("a movement needs at least one item")
	ErrDonorRequired     = errors.New("a donation needs its donor")
	ErrExpiryRequired    = errors.New("this item needs an expiry date")
	ErrRecipientRequired = errors.New("an issue needs its recipient")
	ErrSameLocation      = errors.New("a transfer needs two different locations")
	ErrAlreadyReversed   = errors.New("movement is already reversed")
	ErrNotInCatalogue    = errors.New("item is not in the catalogue")
	ErrBatchRequired     = errors.New("this item is counted batch by batch")
)

// Roster rules a change can break.
var (
	ErrRuleBroken     = errors.New("change breaks a roster rule")
	ErrMatterRequired = errors.New("a duty log entry needs its matter")
)

// Report files (上报文件) a county can refuse.
var (
	ErrNotReportFile      = errors.New("file is not a report file of this program")
	ErrReportFileTooNew   = errors.New("report file was written by a newer version")
	ErrReportFileAltered  = errors.New("report file was changed after it was signed")
	ErrUnknownTownship    = errors.New("report file is signed by a township not registered here")
	ErrVersionConflict    = errors.New("another file of the same report and version was received")
	ErrReportFileTooLarge = errors.New("report file is too large")
	ErrReportFileFuture   = errors.New("report file is for a day that has not begun")
)
