package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Direction is which way a passage went.
type Direction string

const (
	Inbound  Direction = "进"
	Outbound Direction = "出"
)

// PassOutcome is what was done with a passage.
type PassOutcome string

const (
	Passed     PassOutcome = "放行"
	TurnedBack PassOutcome = "劝返"
	HandedOver PassOutcome = "转送" // to health staff, for a test or isolation: it opens a case
)

// PassOutcomes in the order the form offers them.
var PassOutcomes = []PassOutcome{Passed, TurnedBack, HandedOver}

// HealthCodes are the colours of a health code; empty: not shown.
var HealthCodes = []string{"", "绿", "黄", "红"}

// Registration is one passage through a checkpoint.
type Registration struct {
	ID           int64
	CheckpointID int64
	At           time.Time
	Direction    Direction
	Name         string
	IDNumber     string
	IDOverride   string // why an ID number with a wrong check digit was accepted
	Phone        string
	Plate        string
	Passengers   int
	CameFrom     string
	GoingTo      string
	Celsius      float64 // 0: not measured
	HealthCode   string
	Outcome      PassOutcome // empty: 放行, or 转送 with a fever
	Note         string
	VoidedAt     time.Time // zero unless voided
	VoidReason   string
	RegisteredBy string // the operator signed in, if any
}

// Fever reports a temperature of 37.3 ℃ or more.
func (r Registration) Fever() bool { return r.Celsius >= FeverCelsius }

// normalize checks a passage as typed and puts every value in its one form.
func (r *Registration) normalize(today time.Time) error {
	r.Name, r.CameFrom, r.GoingTo, r.Note, r.IDOverride = clean(r.Name), clean(r.CameFrom), clean(r.GoingTo), clean(r.Note), clean(r.IDOverride)
	if r.Direction != Inbound && r.Direction != Outbound {
		return &FieldError{Field: "direction", Err: ErrBadChoice}
	}
	if r.Name != "" {
		if err := checkName("name", r.Name); err != nil {
			return err
		}
	}
	if clean(r.IDNumber) != "" {
		id, err := ParseIDNumber(r.IDNumber, today)
		switch {
		case errors.Is(err, ErrIDCheckDigit) && r.IDOverride != "":
			// A misread paper ID, accepted knowingly with a reason.
		case err != nil:
			return &FieldError{Field: "id_number", Err: err}
		}
		r.IDNumber = id.Number
		if err := checkText("id_override", r.IDOverride, maxLine); err != nil {
			return err
		}
	} else {
		r.IDNumber, r.IDOverride = "", ""
	}
	if clean(r.Phone) != "" {
		phone, err := NormalizePhone(r.Phone)
		if err != nil {
			return &FieldError{Field: "phone", Err: err}
		}
		r.Phone = phone
	} else {
		r.Phone = ""
	}
	if clean(r.Plate) != "" {
		p, err := ParsePlate(r.Plate)
		if err != nil {
			return &FieldError{Field: "plate", Err: err}
		}
		r.Plate = p.Number
	} else {
		r.Plate = ""
	}
	if r.Name == "" && r.Plate == "" {
		return &FieldError{Field: "name", Err: ErrNameOrPlate}
	}
	if r.Passengers < 0 || r.Passengers > 99 {
		return &FieldError{Field: "passengers", Err: ErrBadNumber}
	}
	if r.Celsius != 0 && !PlausibleCelsius(r.Celsius) {
		return &FieldError{Field: "celsius", Err: ErrBadTemperature}
	}
	if !slices.Contains(HealthCodes, r.HealthCode) {
		return &FieldError{Field: "health_code", Err: ErrBadChoice}
	}
	switch {
	case r.Outcome == "" && r.Fever():
		r.Outcome = HandedOver
	case r.Outcome == "":
		r.Outcome = Passed
	case !slices.Contains(PassOutcomes, r.Outcome):
		return &FieldError{Field: "outcome", Err: ErrBadChoice}
	}
	for _, f := range []struct{ field, value string }{{"came_from", r.CameFrom}, {"going_to", r.GoingTo}} {
		if err := checkText(f.field, f.value, maxLine); err != nil {
			return err
		}
	}
	return checkText("note", r.Note, maxNote)
}

func reverse(s string) string {
	b := []byte(s)
	slices.Reverse(b)
	return string(b)
}

// Register records a passage at an open checkpoint and returns its ID.
func (db *DB) Register(ctx context.Context, r Registration) (int64, error) {
	if r.At.IsZero() {
		r.At = db.now()
	}
	if err := r.normalize(db.now()); err != nil {
		return 0, fmt.Errorf("register: %w", err)
	}
	var celsius any
	if r.Celsius != 0 {
		celsius = r.Celsius
	}
	var id int64
	err := db.write(ctx, "register", func(tx *sql.Tx) error {
		c, err := scanCheckpoint(tx.QueryRowContext(ctx, "SELECT "+checkpointColumns+" FROM checkpoints WHERE id = ?", r.CheckpointID))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if !c.OpenOn(r.At) {
			return ErrCheckpointClosed
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO registrations (checkpoint_id, at, direction, name, id_number,
			id_reversed, id_override, phone, plate, passengers, came_from, going_to, celsius, health_code, outcome,
			note, created_at, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.CheckpointID, formatTime(r.At), string(r.Direction), r.Name, r.IDNumber, reverse(r.IDNumber), r.IDOverride,
			r.Phone, r.Plate, r.Passengers, r.CameFrom, r.GoingTo, celsius, r.HealthCode, string(r.Outcome), r.Note,
			formatTime(db.now()), OperatorFrom(ctx).Name)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		if r.Fever() || r.Outcome == HandedOver {
			r.ID = id
			return db.passageCase(ctx, tx, r, c.Name)
		}
		return nil
	})
	return id, err
}

// Void marks a mistaken registration void: it stays, shown as voided, and
// no longer counts.
func (db *DB) Void(ctx context.Context, id int64, reason string) error {
	reason, err := reasonText("void_reason", reason)
	if err != nil {
		return fmt.Errorf("void: %w", err)
	}
	return db.write(ctx, "void", func(tx *sql.Tx) error {
		var voided sql.NullString
		err := tx.QueryRowContext(ctx, "SELECT voided_at FROM registrations WHERE id = ?", id).Scan(&voided)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if voided.Valid {
			return ErrAlreadyVoided
		}
		at := formatTime(db.now())
		if _, err := tx.ExecContext(ctx, "UPDATE registrations SET voided_at = ?, void_reason = ? WHERE id = ?", at, reason, id); err != nil {
			return err
		}
		if err := db.passageVoided(ctx, tx, id, reason); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActVoidRegistration, "registrations", id, nil, map[string]string{"At": at, "Reason": reason})
	})
}

const registrationColumns = `id, checkpoint_id, at, direction, name, id_number, id_override, phone, plate, passengers,
	came_from, going_to, coalesce(celsius, 0), health_code, outcome, note, coalesce(voided_at, ''), void_reason, registered_by`

func scanRegistration(row scanner) (Registration, error) {
	var r Registration
	var at, voided string
	err := row.Scan(&r.ID, &r.CheckpointID, &at, &r.Direction, &r.Name, &r.IDNumber, &r.IDOverride, &r.Phone, &r.Plate,
		&r.Passengers, &r.CameFrom, &r.GoingTo, &r.Celsius, &r.HealthCode, &r.Outcome, &r.Note, &voided, &r.VoidReason, &r.RegisteredBy)
	r.At = parseTime(at)
	if voided != "" {
		r.VoidedAt = parseTime(voided)
	}
	return r, err
}

// RecentRegistrations lists a checkpoint's latest passages, voided ones too.
func (db *DB) RecentRegistrations(ctx context.Context, checkpointID int64, n int) ([]Registration, error) {
	return queryAll(ctx, db, "recent registrations", scanRegistration,
		"SELECT "+registrationColumns+" FROM registrations WHERE checkpoint_id = ? ORDER BY at DESC, id DESC LIMIT ?", checkpointID, n)
}

// DayRegistrations lists a checkpoint's passages in the shifts that start
// on day, in time order, voided ones too: the day the totals count.
func (db *DB) DayRegistrations(ctx context.Context, c Checkpoint, day time.Time) ([]Registration, error) {
	var from, upto time.Time
	for i, s := range c.Shifts {
		start, end := s.Window(day)
		if i == 0 || start.Before(from) {
			from = start
		}
		if end.After(upto) {
			upto = end
		}
	}
	return queryAll(ctx, db, "day registrations", scanRegistration,
		"SELECT "+registrationColumns+" FROM registrations WHERE checkpoint_id = ? AND at >= ? AND at < ? ORDER BY at, id",
		c.ID, formatTime(from), formatTime(upto))
}

// RegistrationQuery searches registrations. Text is read as what it looks
// like: digits (and a final X) are an ID number or its last digits or a
// phone; a plate is a plate; anything else is the start of a name.
type RegistrationQuery struct {
	Text         string
	CheckpointID int64
	From, Upto   time.Time
	Outcome      PassOutcome
	After        Registration // the last passage of the page before; zero: start at the newest
	Limit        int          // 0: SearchPage
}

// SearchPage is how many passages a search returns at a time; the next
// page starts after the last one shown (更多).
const SearchPage = 200

// denseMatches is where a text matches so many passages that the newest
// are found faster by walking back in time than by sorting every match.
const denseMatches = 20000

// SearchRegistrations finds a page of passages, newest first, voided ones
// included. However many match, a page reads about a page of rows: few
// matches are put in order from their text's index, which carries the
// time; many are met soon enough walking the time index back from now.
func (db *DB) SearchRegistrations(ctx context.Context, q RegistrationQuery) ([]Registration, error) {
	text, textArgs := registrationText(q.Text)
	where, args := []string{"1 = 1"}, []any{}
	if text != "" {
		where, args = append(where, text), append(args, textArgs...)
	}
	if q.CheckpointID != 0 {
		where = append(where, "checkpoint_id = ?")
		args = append(args, q.CheckpointID)
	}
	if !q.From.IsZero() {
		where = append(where, "at >= ?")
		args = append(args, formatTime(q.From))
	}
	if !q.Upto.IsZero() {
		where = append(where, "at < ?")
		args = append(args, formatTime(q.Upto))
	}
	if q.Outcome != "" {
		where = append(where, "outcome = ?")
		args = append(args, string(q.Outcome))
	}
	if q.After.ID != 0 {
		at := formatTime(q.After.At)
		where = append(where, "(at < ? OR (at = ? AND id < ?))")
		args = append(args, at, at, q.After.ID)
	}
	if q.Limit == 0 {
		q.Limit = SearchPage
	}
	cond := strings.Join(where, " AND ")
	args = append(args, q.Limit)
	if text != "" {
		var n int
		if err := db.reader(ctx).QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM registrations WHERE "+text+" LIMIT ?)",
			append(textArgs, denseMatches)...).Scan(&n); err != nil {
			return nil, fmt.Errorf("search registrations: %w", err)
		}
		if n < denseMatches {
			return queryAll(ctx, db, "search registrations", scanRegistration, "SELECT "+registrationColumns+
				" FROM registrations WHERE id IN (SELECT id FROM registrations WHERE "+cond+" ORDER BY at DESC, id DESC LIMIT ?)"+
				" ORDER BY at DESC, id DESC", args...)
		}
		return queryAll(ctx, db, "search registrations", scanRegistration, "SELECT "+registrationColumns+
			" FROM registrations INDEXED BY registrations_at WHERE "+cond+" ORDER BY at DESC, id DESC LIMIT ?", args...)
	}
	return queryAll(ctx, db, "search registrations", scanRegistration,
		"SELECT "+registrationColumns+" FROM registrations WHERE "+cond+" ORDER BY at DESC, id DESC LIMIT ?", args...)
}

// registrationText is the condition a search text puts on passages, with
// its arguments; "" for no text.
func registrationText(q string) (string, []any) {
	text := strings.ToUpper(strings.ReplaceAll(halfWidth(clean(q)), " ", ""))
	digits := text != "" && strings.Trim(text, "0123456789X") == "" && !strings.Contains(strings.TrimSuffix(text, "X"), "X")
	switch {
	case text == "":
		return "", nil
	case digits:
		// The last digits of an ID number are a prefix of the reversed number.
		// Each column's "!= ''" repeats its partial index's condition: SQLite
		// uses a partial index only when the query states that condition.
		rev := reverse(text)
		phone, err := NormalizePhone(text)
		if err != nil {
			phone = text
		}
		return "((id_reversed != '' AND id_reversed >= ? AND id_reversed < ?) OR (phone != '' AND phone = ?))",
			[]any{rev, rev + "\xff", phone}
	}
	if p, err := ParsePlate(text); err == nil {
		return "(plate != '' AND plate = ?)", []any{p.Number}
	}
	if prefix, ok := platePrefix(text); ok {
		return "(plate != '' AND plate >= ? AND plate < ?)", []any{prefix, prefix + "\U0010FFFF"}
	}
	name := clean(q)
	return "(name != '' AND name >= ? AND name < ?)", []any{name, name + "\U0010FFFF"}
}

// platePrefix reads the start of a plate (陕G, 陕G12) as the start of the
// stored form (陕G·, 陕G·12).
func platePrefix(text string) (string, bool) {
	r := []rune(strings.Map(func(r rune) rune {
		if strings.ContainsRune(" ·•.-", r) {
			return -1
		}
		return r
	}, text))
	if len(r) < 2 || !strings.ContainsRune(plateProvinces, r[0]) || r[1] < 'A' || r[1] > 'Z' {
		return "", false
	}
	return string(r[:2]) + "·" + string(r[2:]), true
}
