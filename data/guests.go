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

// CheckIn is what is typed when a person is admitted to a room.
type CheckIn struct {
	RoomID           int64
	Name             string
	IDNumber         string // may be empty (a passport holder): then Sex is required
	Sex              string
	Phone            string
	Category         string
	CameFrom         string
	SpecialNeeds     []string
	EmergencyContact string
	EmergencyPhone   string
	Note             string
	At               time.Time
	PlannedDays      int
	CaseID           int64 // the case the stay begins from (入住 from 异常情况); 0: none
}

// Guest is one person's isolation at a site.
type Guest struct {
	ID               int64
	SiteID           int64
	Name             string
	Sex              string
	IDNumber         string
	BirthDate        time.Time
	Phone            string
	Category         string
	CameFrom         string
	SpecialNeeds     []string
	EmergencyContact string
	EmergencyPhone   string
	Note             string
	CheckedInAt      time.Time
	PlannedDays      int
	PlannedRelease   time.Time
	EndedAt          time.Time // zero while in isolation
	Outcome          Outcome
	OutcomeNote      string
	CaseID           int64 // the case the stay began from; 0: none
	Room             Room  // the current room, or the last one
}

// InIsolation reports whether the stay has not ended.
func (g Guest) InIsolation() bool { return g.EndedAt.IsZero() }

// ReleaseDate is the planned release date of a stay of days starting at
// checkIn: 14 days from 11月25日 is 12月9日.
func ReleaseDate(checkIn time.Time, days int) time.Time {
	return StartOfDay(checkIn).AddDate(0, 0, days)
}

// ReleaseConcerns are what a release of a stay at now would leave undone:
// the days still planned, the tests due by today not sampled or still
// awaiting a result, and any positive one. None of them forbids the release (an official may
// order it); the clerk is told before confirming.
type ReleaseConcerns struct {
	DaysEarly int
	Unsampled []Test
	Pending   []Test
	Positive  []Test
}

// Any reports whether there is something to tell.
func (c ReleaseConcerns) Any() bool {
	return c.DaysEarly > 0 || len(c.Unsampled) > 0 || len(c.Pending) > 0 || len(c.Positive) > 0
}

// ConcernsOfRelease are the concerns of releasing g, with its tests, at now.
func ConcernsOfRelease(g Guest, tests []Test, now time.Time) ReleaseConcerns {
	var c ReleaseConcerns
	today := StartOfDay(now)
	if g.PlannedRelease.After(today) {
		c.DaysEarly = int(g.PlannedRelease.Sub(today).Hours()/24 + 0.5)
	}
	for _, t := range tests {
		switch {
		case t.Result == TestPositive:
			c.Positive = append(c.Positive, t)
		case t.DueDate.After(today):
		case t.Result == "":
			c.Unsampled = append(c.Unsampled, t)
		case t.Result == TestPending:
			c.Pending = append(c.Pending, t)
		}
	}
	return c
}

func (in *CheckIn) normalize(today time.Time) (birth time.Time, err error) {
	in.Name, in.CameFrom, in.Note = clean(in.Name), clean(in.CameFrom), clean(in.Note)
	in.EmergencyContact, in.Category, in.Sex = clean(in.EmergencyContact), clean(in.Category), clean(in.Sex)
	if err := checkName("name", in.Name); err != nil {
		return birth, err
	}
	if clean(in.IDNumber) != "" {
		id, err := ParseIDNumber(in.IDNumber, today)
		if err != nil {
			return birth, &FieldError{Field: "id_number", Err: err}
		}
		in.IDNumber, in.Sex, birth = id.Number, id.Sex(), id.Birth
	} else {
		in.IDNumber = ""
		if in.Sex != "男" && in.Sex != "女" {
			return birth, &FieldError{Field: "sex", Err: ErrBadChoice}
		}
	}
	for _, p := range []struct {
		field string
		value *string
	}{{"phone", &in.Phone}, {"emergency_phone", &in.EmergencyPhone}} {
		if clean(*p.value) == "" {
			*p.value = ""
			continue
		}
		phone, err := NormalizePhone(*p.value)
		if err != nil {
			return birth, &FieldError{Field: p.field, Err: err}
		}
		*p.value = phone
	}
	if !slices.Contains(GuestCategories, in.Category) {
		return birth, &FieldError{Field: "category", Err: ErrBadChoice}
	}
	for _, n := range in.SpecialNeeds {
		if !slices.Contains(SpecialNeeds, n) {
			return birth, &FieldError{Field: "special_needs", Err: ErrBadChoice}
		}
	}
	if in.PlannedDays < 1 || in.PlannedDays > 60 {
		return birth, &FieldError{Field: "planned_days", Err: ErrBadNumber}
	}
	if in.EmergencyContact != "" {
		if err := checkName("emergency_contact", in.EmergencyContact); err != nil {
			return birth, err
		}
	}
	if err := checkText("came_from", in.CameFrom, maxLine); err != nil {
		return birth, err
	}
	return birth, checkText("note", in.Note, maxNote)
}

// CheckIn admits a person to a room and schedules their tests. It is refused
// when the room is out of service, awaits disinfection or is full, and when
// the same ID number is already in isolation anywhere.
func (db *DB) CheckIn(ctx context.Context, in CheckIn) (int64, error) {
	if in.At.IsZero() {
		in.At = db.now()
	}
	birth, err := in.normalize(db.now())
	if err != nil {
		return 0, fmt.Errorf("check in: %w", err)
	}
	rules, err := db.IsolationRules(ctx)
	if err != nil {
		return 0, err
	}
	var id int64
	err = db.write(ctx, "check in", func(tx *sql.Tx) error {
		room, err := checkRoomTakes(ctx, tx, in.RoomID)
		if err != nil {
			return err
		}
		if in.IDNumber != "" {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM guests WHERE id_number = ? AND ended_at IS NULL",
				in.IDNumber).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return &FieldError{Field: "id_number", Err: ErrAlreadyIsolated}
			}
		}
		birthText := ""
		if !birth.IsZero() {
			birthText = formatDate(birth)
		}
		at := formatTime(in.At)
		res, err := tx.ExecContext(ctx, `INSERT INTO guests (site_id, name, sex, id_number, birth_date, phone,
			category, came_from, special_needs, emergency_contact, emergency_phone, note, checked_in_at,
			planned_days, planned_release, case_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			room.SiteID, in.Name, in.Sex, in.IDNumber, birthText, in.Phone, in.Category, in.CameFrom,
			strings.Join(in.SpecialNeeds, "、"), in.EmergencyContact, in.EmergencyPhone, in.Note, at,
			in.PlannedDays, formatDate(ReleaseDate(in.At, in.PlannedDays)), nullID(in.CaseID), formatTime(db.now()))
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO stays (guest_id, room_id, start_at) VALUES (?, ?, ?)",
			id, in.RoomID, at); err != nil {
			return err
		}
		for _, day := range rules.TestDays {
			if day > in.PlannedDays {
				continue
			}
			due := StartOfDay(in.At).AddDate(0, 0, day-1)
			if _, err := tx.ExecContext(ctx, "INSERT INTO tests (guest_id, day, due_date) VALUES (?, ?, ?)",
				id, day, formatDate(due)); err != nil {
				return err
			}
		}
		if err := db.audit(ctx, tx, ActCheckIn, "guests", id, nil, in); err != nil {
			return err
		}
		if in.CaseID == 0 {
			return nil
		}
		var site string
		if err := tx.QueryRowContext(ctx, "SELECT name FROM sites WHERE id = ?", room.SiteID).Scan(&site); err != nil {
			return err
		}
		_, err = db.addStep(ctx, tx, CaseStep{CaseID: in.CaseID, At: in.At, Kind: StepCheckIn, Note: site + " " + room.Label()})
		return err
	})
	return id, err
}

// openGuest checks inside a transaction that a guest is still in isolation
// and returns their current stay and room.
func openGuest(ctx context.Context, tx *sql.Tx, guestID int64) (stayID, roomID int64, err error) {
	var ended sql.NullString
	err = tx.QueryRowContext(ctx, "SELECT ended_at FROM guests WHERE id = ?", guestID).Scan(&ended)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, ErrNotFound
	}
	if err != nil {
		return 0, 0, err
	}
	if ended.Valid {
		return 0, 0, ErrGuestEnded
	}
	err = tx.QueryRowContext(ctx, "SELECT id, room_id FROM stays WHERE guest_id = ? AND end_at IS NULL", guestID).
		Scan(&stayID, &roomID)
	return stayID, roomID, err
}

// MoveGuest moves a guest to another room; the room left awaits disinfection.
func (db *DB) MoveGuest(ctx context.Context, guestID, toRoomID int64, at time.Time) error {
	return db.write(ctx, "move guest", func(tx *sql.Tx) error {
		stayID, fromRoom, err := openGuest(ctx, tx, guestID)
		if err != nil {
			return err
		}
		if fromRoom == toRoomID {
			return nil
		}
		if _, err := checkRoomTakes(ctx, tx, toRoomID); err != nil {
			return err
		}
		ts := formatTime(at)
		if _, err := tx.ExecContext(ctx, "UPDATE stays SET end_at = ? WHERE id = ?", ts, stayID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO stays (guest_id, room_id, start_at) VALUES (?, ?, ?)", guestID, toRoomID, ts); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActMoveGuest, "guests", guestID, map[string]int64{"Room": fromRoom}, map[string]int64{"Room": toRoomID})
	})
}

// ChangeRelease extends or shortens a stay; the old date is kept with the reason.
func (db *DB) ChangeRelease(ctx context.Context, guestID int64, newRelease time.Time, reason string) error {
	reason, err := reasonText("reason", reason)
	if err != nil {
		return fmt.Errorf("change release: %w", err)
	}
	return db.write(ctx, "change release", func(tx *sql.Tx) error {
		if _, _, err := openGuest(ctx, tx, guestID); err != nil {
			return err
		}
		var old, checkedIn string
		if err := tx.QueryRowContext(ctx, "SELECT planned_release, checked_in_at FROM guests WHERE id = ?", guestID).
			Scan(&old, &checkedIn); err != nil {
			return err
		}
		days := int(StartOfDay(newRelease).Sub(StartOfDay(parseTime(checkedIn))).Hours()/24 + 0.5)
		if days < 1 || days > 60 {
			return &FieldError{Field: "release", Err: ErrBadDate}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO release_changes (guest_id, changed_at, old_release, new_release, reason)
			VALUES (?, ?, ?, ?, ?)`, guestID, formatTime(db.now()), old, formatDate(newRelease), reason); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE guests SET planned_release = ?, planned_days = ? WHERE id = ?",
			formatDate(newRelease), days, guestID); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActChangeRelease, "guests", guestID, map[string]string{"Release": old},
			map[string]string{"Release": formatDate(newRelease), "Reason": reason})
	})
}

// EndIsolation ends a stay: released, transferred to hospital, moved to
// home isolation or other. The room then awaits disinfection.
func (db *DB) EndIsolation(ctx context.Context, guestID int64, outcome Outcome, at time.Time, note string) error {
	note = clean(note)
	if !slices.Contains(Outcomes, outcome) {
		return fmt.Errorf("end isolation: %w", &FieldError{Field: "outcome", Err: ErrBadChoice})
	}
	if err := checkText("outcome_note", note, maxNote); err != nil {
		return fmt.Errorf("end isolation: %w", err)
	}
	return db.write(ctx, "end isolation", func(tx *sql.Tx) error {
		stayID, _, err := openGuest(ctx, tx, guestID)
		if err != nil {
			return err
		}
		ts := formatTime(at)
		if _, err := tx.ExecContext(ctx, "UPDATE stays SET end_at = ? WHERE id = ?", ts, stayID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE guests SET ended_at = ?, outcome = ?, outcome_note = ? WHERE id = ?",
			ts, string(outcome), note, guestID); err != nil {
			return err
		}
		if outcome == Hospitalised {
			if err := db.guestTransferred(ctx, tx, guestID, at, note); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, ActEndIsolation, "guests", guestID, nil,
			map[string]string{"At": ts, "Outcome": string(outcome), "Note": note})
	})
}

const guestColumns = `g.id, g.site_id, g.name, g.sex, g.id_number, g.birth_date, g.phone, g.category, g.came_from,
	g.special_needs, g.emergency_contact, g.emergency_phone, g.note, g.checked_in_at, g.planned_days,
	g.planned_release, coalesce(g.ended_at, ''), g.outcome, g.outcome_note, coalesce(g.case_id, 0),
	r.id, r.building, r.floor, r.number, r.capacity, r.out_of_service`

// guestFrom joins each guest to the room of their latest stay.
const guestFrom = ` FROM guests g
	JOIN stays s ON s.id = (SELECT max(id) FROM stays WHERE guest_id = g.id)
	JOIN rooms r ON r.id = s.room_id`

func scanGuest(row scanner) (Guest, error) {
	var g Guest
	var birth, checkedIn, release, ended, needs string
	err := row.Scan(&g.ID, &g.SiteID, &g.Name, &g.Sex, &g.IDNumber, &birth, &g.Phone, &g.Category, &g.CameFrom,
		&needs, &g.EmergencyContact, &g.EmergencyPhone, &g.Note, &checkedIn, &g.PlannedDays, &release, &ended,
		&g.Outcome, &g.OutcomeNote, &g.CaseID, &g.Room.ID, &g.Room.Building, &g.Room.Floor, &g.Room.Number, &g.Room.Capacity,
		&g.Room.OutOfService)
	if err != nil {
		return g, err
	}
	g.Room.SiteID = g.SiteID
	if birth != "" {
		g.BirthDate = parseDate(birth)
	}
	if needs != "" {
		g.SpecialNeeds = strings.Split(needs, "、")
	}
	g.CheckedInAt, g.PlannedRelease = parseTime(checkedIn), parseDate(release)
	if ended != "" {
		g.EndedAt = parseTime(ended)
	}
	return g, nil
}

// GuestByID reads one guest.
func (db *DB) GuestByID(ctx context.Context, id int64) (Guest, error) {
	g, err := scanGuest(db.reader(ctx).QueryRowContext(ctx, "SELECT "+guestColumns+guestFrom+" WHERE g.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return g, fmt.Errorf("read guest %d: %w", id, err)
	}
	return g, nil
}

// GuestQuery filters the guest list.
type GuestQuery struct {
	SiteID   int64  // 0: every site
	Text     string // name, ID number or its last digits, phone, room
	Status   string // "" all, "in" in isolation, "ended"
	Category string
	After    Guest // the last guest of the page before; zero: start at the most recent
	Limit    int   // 0: every guest matching (a printed list)
}

// GuestPage is how many guests the list shows at a time; the next page
// starts after the last one shown (更多).
const GuestPage = 200

// Guests lists guests matching q, the most recently admitted first; a
// site's page comes off its index in that order.
func (db *DB) Guests(ctx context.Context, q GuestQuery) ([]Guest, error) {
	query := "SELECT " + guestColumns + guestFrom + " WHERE 1 = 1"
	var args []any
	if q.SiteID != 0 {
		query += " AND g.site_id = ?"
		args = append(args, q.SiteID)
	}
	switch q.Status {
	case "in":
		query += " AND g.ended_at IS NULL"
	case "ended":
		query += " AND g.ended_at IS NOT NULL"
	}
	if q.Category != "" {
		query += " AND g.category = ?"
		args = append(args, q.Category)
	}
	if text := strings.ToUpper(halfWidth(clean(q.Text))); text != "" {
		like := "%" + escapeLike(text) + "%"
		query += ` AND (g.name LIKE ? ESCAPE '\' OR g.id_number LIKE ? ESCAPE '\' OR g.phone LIKE ? ESCAPE '\'
			OR r.building || r.number LIKE ? ESCAPE '\' OR r.number = ?)`
		args = append(args, like, "%"+escapeLike(text), like, like, text)
	}
	if q.After.ID != 0 {
		at := formatTime(q.After.CheckedInAt)
		query += " AND (g.checked_in_at < ? OR (g.checked_in_at = ? AND g.id < ?))"
		args = append(args, at, at, q.After.ID)
	}
	query += " ORDER BY g.checked_in_at DESC, g.id DESC"
	if q.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, q.Limit)
	}
	return queryAll(ctx, db, "list guests", scanGuest, query, args...)
}
