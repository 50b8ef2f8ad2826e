package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// RoomState is what a room can be used for now.
type RoomState string

const (
	RoomVacant       RoomState = "空闲"
	RoomOccupied     RoomState = "已入住"
	RoomAwaitsClean  RoomState = "待消杀"
	RoomOutOfService RoomState = "停用"
)

// RoomStates in the order the room board counts them.
var RoomStates = []RoomState{RoomVacant, RoomOccupied, RoomAwaitsClean, RoomOutOfService}

// Room is one room of a site.
type Room struct {
	ID           int64
	SiteID       int64
	Building     string // 3号楼
	Floor        int
	Number       string // 301
	Capacity     int
	OutOfService bool
}

// Label is how a room is named on paper: 3号楼301.
func (r Room) Label() string { return r.Building + r.Number }

// RoomBatch describes rooms added in bulk: "3号楼 2–6层 每层 01–20" makes
// 201…220, 301…320, … 601…620.
type RoomBatch struct {
	SiteID             int64
	Building           string
	FromFloor, ToFloor int
	FromNo, ToNo       int
	Capacity           int
}

// Rooms lists what the batch would add.
func (b RoomBatch) Rooms() ([]Room, error) {
	if b.FromFloor < -5 || b.ToFloor > 99 || b.FromFloor > b.ToFloor {
		return nil, &FieldError{Field: "floors", Err: ErrBadNumber}
	}
	if b.FromNo < 1 || b.ToNo > 99 || b.FromNo > b.ToNo {
		return nil, &FieldError{Field: "numbers", Err: ErrBadNumber}
	}
	if (b.ToFloor-b.FromFloor+1)*(b.ToNo-b.FromNo+1) > 2000 {
		return nil, &FieldError{Field: "numbers", Err: ErrBadNumber}
	}
	var out []Room
	for f := b.FromFloor; f <= b.ToFloor; f++ {
		for n := b.FromNo; n <= b.ToNo; n++ {
			out = append(out, Room{SiteID: b.SiteID, Building: b.Building, Floor: f,
				Number: fmt.Sprintf("%d%02d", f, n), Capacity: b.Capacity})
		}
	}
	return out, nil
}

// AddRooms adds rooms to a site; if any of them exists already nothing is added.
func (db *DB) AddRooms(ctx context.Context, rooms []Room) error {
	for i := range rooms {
		r := &rooms[i]
		r.Building, r.Number = clean(r.Building), halfWidth(clean(r.Number))
		if r.Number == "" {
			return fmt.Errorf("add rooms: %w", &FieldError{Field: "number", Err: ErrNameRequired})
		}
		if err := checkText("building", r.Building, maxName); err != nil {
			return fmt.Errorf("add rooms: %w", err)
		}
		if r.Capacity == 0 {
			r.Capacity = 1
		}
		if r.Capacity < 1 || r.Capacity > 8 {
			return fmt.Errorf("add rooms: %w", &FieldError{Field: "capacity", Err: ErrBadNumber})
		}
	}
	return db.write(ctx, "add rooms", func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO rooms (site_id, building, floor, number, capacity)
			VALUES (?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range rooms {
			if _, err := stmt.ExecContext(ctx, r.SiteID, r.Building, r.Floor, r.Number, r.Capacity); err != nil {
				return uniqueAsDuplicate(err)
			}
		}
		if len(rooms) == 0 {
			return nil
		}
		return db.audit(ctx, tx, ActAddRooms, "rooms", rooms[0].SiteID, nil,
			map[string]any{"Count": len(rooms), "First": rooms[0].Label(), "Last": rooms[len(rooms)-1].Label()})
	})
}

// SetRoomOutOfService takes a room out of service or back; an occupied
// room can't be taken out.
func (db *DB) SetRoomOutOfService(ctx context.Context, roomID int64, out bool) error {
	return db.write(ctx, "set room out of service", func(tx *sql.Tx) error {
		if out {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM stays WHERE room_id = ? AND end_at IS NULL", roomID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return ErrRoomOccupied
			}
		}
		res, err := tx.ExecContext(ctx, "UPDATE rooms SET out_of_service = ? WHERE id = ?", boolInt(out), roomID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return db.audit(ctx, tx, ActSetOutOfService, "rooms", roomID,
			map[string]bool{"OutOfService": !out}, map[string]bool{"OutOfService": out})
	})
}

// Occupant is a guest in a room at some moment.
type Occupant struct {
	GuestID        int64
	Name           string
	Category       string
	PlannedRelease time.Time
	Attention      bool // a fever or a positive test
}

// DaysLeft is how many days remain until the planned release, counted from day.
func (o Occupant) DaysLeft(day time.Time) int {
	return int(StartOfDay(o.PlannedRelease).Sub(StartOfDay(day)).Hours()/24 + 0.5)
}

// BoardRoom is one tile of the room board.
type BoardRoom struct {
	Room
	State     RoomState
	Occupants []Occupant
}

// RoomBoard is every room of a site with its state and occupants at the
// moment at: now for the live board, any past moment for history.
func (db *DB) RoomBoard(ctx context.Context, siteID int64, at time.Time) ([]BoardRoom, error) {
	boards, err := db.roomBoards(ctx, siteID, []time.Time{at}, true)
	if err != nil {
		return nil, err
	}
	return boards[0], nil
}

// roomBoards is RoomBoard at several moments, in order (the ends of the
// days of a trend), in two queries however many. Without attention,
// occupants are not looked into for fevers and positives: a count of
// rooms and people needs none.
func (db *DB) roomBoards(ctx context.Context, siteID int64, moments []time.Time, attention bool) ([][]BoardRoom, error) {
	first, final := formatTime(moments[0]), formatTime(moments[len(moments)-1])
	// Each room with its last stay's end and its last disinfection by the
	// first moment; those after it are applied moment by moment below.
	rows, err := db.reader(ctx).QueryContext(ctx, `
		SELECT r.id, r.building, r.floor, r.number, r.capacity, r.out_of_service,
			coalesce((SELECT max(s.end_at) FROM stays s WHERE s.room_id = r.id AND s.end_at <= ?1), ''),
			coalesce((SELECT max(d.done_at) FROM disinfections d WHERE d.room_id = r.id AND d.done_at <= ?1), '')
		FROM rooms r WHERE r.site_id = ?2
		ORDER BY r.building, r.floor, length(r.number), r.number`, first, siteID)
	if err != nil {
		return nil, fmt.Errorf("room board: %w", err)
	}
	var rooms []BoardRoom
	index := map[int64]int{}
	type cleaned struct{ end, clean string }
	var last []cleaned
	for rows.Next() {
		var b BoardRoom
		var c cleaned
		if err := rows.Scan(&b.ID, &b.Building, &b.Floor, &b.Number, &b.Capacity, &b.OutOfService, &c.end, &c.clean); err != nil {
			rows.Close()
			return nil, fmt.Errorf("room board: %w", err)
		}
		b.SiteID = siteID
		index[b.ID] = len(rooms)
		rooms, last = append(rooms, b), append(last, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("room board: %w", err)
	}
	type event struct {
		room  int64
		at    string
		clean bool
	}
	var events []event
	if len(moments) > 1 {
		if events, err = queryAll(ctx, db, "room board", func(s scanner) (event, error) {
			var e event
			return e, s.Scan(&e.room, &e.at, &e.clean)
		}, `SELECT s.room_id, s.end_at, 0 FROM stays s JOIN rooms r ON r.id = s.room_id
				WHERE r.site_id = ?3 AND s.end_at > ?1 AND s.end_at <= ?2
			UNION ALL
			SELECT d.room_id, d.done_at, 1 FROM disinfections d JOIN rooms r ON r.id = d.room_id
				WHERE r.site_id = ?3 AND d.done_at > ?1 AND d.done_at <= ?2
			ORDER BY 2`, first, final, siteID); err != nil {
			return nil, err
		}
	}
	boards := make([][]BoardRoom, len(moments))
	lasts := make([][]cleaned, len(moments))
	for i, t := range moments {
		ts := formatTime(t)
		for len(events) > 0 && events[0].at <= ts {
			e := events[0]
			events = events[1:]
			if k, ok := index[e.room]; ok {
				if e.clean {
					last[k].clean = max(last[k].clean, e.at)
				} else {
					last[k].end = max(last[k].end, e.at)
				}
			}
		}
		boards[i], lasts[i] = slices.Clone(rooms), slices.Clone(last)
	}

	// Everyone staying at the site at some moment asked; placed below in
	// the room they were in at each.
	needs := "0" // a count of rooms and people does not look into anyone's readings
	if attention {
		needs = `EXISTS (SELECT 1 FROM tests t WHERE t.guest_id = g.id AND t.result = ?3)
			OR coalesce((SELECT t.celsius FROM temperatures t WHERE t.guest_id = g.id AND t.taken_at <= ?1
				ORDER BY t.taken_at DESC LIMIT 1), 0) >= ?4`
	}
	occ, err := db.reader(ctx).QueryContext(ctx, `
		SELECT s.room_id, s.start_at, coalesce(s.end_at, ''), g.id, g.name, g.category, g.planned_release, `+needs+`
		FROM stays s JOIN guests g ON g.id = s.guest_id
		WHERE g.site_id = ?2 AND s.start_at <= ?1 AND (s.end_at IS NULL OR s.end_at > ?5)
		ORDER BY g.checked_in_at`, final, siteID, string(TestPositive), FeverCelsius, first)
	if err != nil {
		return nil, fmt.Errorf("room board occupants: %w", err)
	}
	defer occ.Close()
	for occ.Next() {
		var roomID int64
		var start, end string
		var o Occupant
		var release string
		if err := occ.Scan(&roomID, &start, &end, &o.GuestID, &o.Name, &o.Category, &release, &o.Attention); err != nil {
			return nil, fmt.Errorf("room board occupants: %w", err)
		}
		o.PlannedRelease = parseDate(release)
		for i, t := range moments {
			ts := formatTime(t)
			if start > ts || (end != "" && end <= ts) {
				continue // not in the room at this moment
			}
			if k, ok := index[roomID]; ok {
				boards[i][k].Occupants = append(boards[i][k].Occupants, o)
			}
		}
	}
	if err := occ.Err(); err != nil {
		return nil, fmt.Errorf("room board occupants: %w", err)
	}
	for i := range boards {
		for k := range boards[i] {
			b := &boards[i][k]
			c := lasts[i][k]
			switch {
			case len(b.Occupants) > 0:
				b.State = RoomOccupied
			case b.OutOfService:
				b.State = RoomOutOfService
			case c.end != "" && c.end > c.clean:
				b.State = RoomAwaitsClean
			default:
				b.State = RoomVacant
			}
		}
	}
	return boards, nil
}

// roomState is one room's state now, inside a transaction.
func roomState(ctx context.Context, tx *sql.Tx, roomID int64) (Room, RoomState, int, error) {
	var r Room
	var end, clean string
	err := tx.QueryRowContext(ctx, `SELECT id, site_id, building, floor, number, capacity, out_of_service,
			coalesce((SELECT max(end_at) FROM stays WHERE room_id = rooms.id), ''),
			coalesce((SELECT max(done_at) FROM disinfections WHERE room_id = rooms.id), '')
		FROM rooms WHERE id = ?`, roomID).
		Scan(&r.ID, &r.SiteID, &r.Building, &r.Floor, &r.Number, &r.Capacity, &r.OutOfService, &end, &clean)
	if errors.Is(err, sql.ErrNoRows) {
		return r, "", 0, ErrNotFound
	}
	if err != nil {
		return r, "", 0, err
	}
	var occupants int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM stays WHERE room_id = ? AND end_at IS NULL", roomID).Scan(&occupants); err != nil {
		return r, "", 0, err
	}
	switch {
	case occupants > 0:
		return r, RoomOccupied, occupants, nil
	case r.OutOfService:
		return r, RoomOutOfService, 0, nil
	case end != "" && end > clean:
		return r, RoomAwaitsClean, 0, nil
	}
	return r, RoomVacant, 0, nil
}

// checkRoomTakes says whether a room can take one more guest now.
func checkRoomTakes(ctx context.Context, tx *sql.Tx, roomID int64) (Room, error) {
	r, state, occupants, err := roomState(ctx, tx, roomID)
	if err != nil {
		return r, err
	}
	switch {
	case r.OutOfService:
		return r, ErrRoomOutOfService
	case state == RoomAwaitsClean:
		return r, ErrRoomAwaitsCleaning
	case occupants >= r.Capacity:
		return r, ErrRoomFull
	}
	return r, nil
}

// Disinfect records a room's terminal disinfection, which makes it vacant.
func (db *DB) Disinfect(ctx context.Context, roomID int64, at time.Time, by string) error {
	by = clean(by)
	if err := checkName("done_by", by); err != nil {
		return fmt.Errorf("disinfect: %w", err)
	}
	return db.write(ctx, "disinfect", func(tx *sql.Tx) error {
		_, state, _, err := roomState(ctx, tx, roomID)
		if err != nil {
			return err
		}
		if state != RoomAwaitsClean {
			return ErrRoomNotAwaitCleaning
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO disinfections (room_id, done_at, done_by) VALUES (?, ?, ?)",
			roomID, formatTime(at), by); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActDisinfect, "rooms", roomID, nil, map[string]string{"At": formatTime(at), "By": by})
	})
}
