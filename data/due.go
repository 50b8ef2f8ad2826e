package data

import (
	"context"
	"fmt"
	"time"
)

// DueKind is what a 待办 item asks for.
type DueKind string

const (
	DueReleaseOverdue  DueKind = "逾期未解除"
	DueReleaseToday    DueKind = "今日解除"
	DueReleaseTomorrow DueKind = "明日解除"
	DueTestOverdue     DueKind = "核酸逾期"
	DueTestToday       DueKind = "今日核酸"
	DueTemperature     DueKind = "体温未报"
	DueFever           DueKind = "发热"
	DuePositive        DueKind = "在隔离阳性" // in isolation with a positive result: not 今日新增阳性
	DueDisinfection    DueKind = "待消杀"
)

// DueKinds in the order the list shows them: what hurts first.
var DueKinds = []DueKind{DuePositive, DueFever, DueReleaseOverdue, DueReleaseToday, DueTestOverdue,
	DueTestToday, DueTemperature, DueReleaseTomorrow, DueDisinfection}

// DueItem is one thing to do; GuestID or RoomID says what it opens.
type DueItem struct {
	Kind    DueKind
	SiteID  int64
	GuestID int64
	RoomID  int64
	TestID  int64
	Name    string // the guest, empty for a room
	Room    string // 3号楼201
	Detail  string
}

// Due lists what needs doing now at one site (or every site with 0).
func (db *DB) Due(ctx context.Context, siteID int64, now time.Time) ([]DueItem, error) {
	today := formatDate(now)
	tomorrow := formatDate(now.AddDate(0, 0, 1))
	halfDay := StartOfDay(now)
	if now.Hour() >= 12 {
		halfDay = halfDay.Add(12 * time.Hour)
	}
	// Guests in isolation, each with their current room.
	guests := func(columns, join, cond, order string) string {
		return "SELECT g.site_id, g.id, r.id, " + columns + ` FROM guests g
			JOIN stays s ON s.guest_id = g.id AND s.end_at IS NULL
			JOIN rooms r ON r.id = s.room_id ` + join + `
			WHERE g.ended_at IS NULL AND (?1 = 0 OR g.site_id = ?1) ` + cond + " ORDER BY " + order
	}
	queries := []struct {
		sql  string
		kind func(detail string) DueKind
	}{
		{guests("0, g.name, r.building || r.number, g.planned_release", "",
			"AND g.planned_release <= ?3", "g.planned_release, r.building, r.number"),
			func(d string) DueKind {
				switch {
				case d < today:
					return DueReleaseOverdue
				case d == today:
					return DueReleaseToday
				}
				return DueReleaseTomorrow
			}},
		{guests("t.id, g.name, r.building || r.number, t.due_date",
			"JOIN tests t ON t.guest_id = g.id AND t.result = '' AND t.due_date <= ?2", "",
			"t.due_date, r.building, r.number"),
			func(d string) DueKind {
				if d < today {
					return DueTestOverdue
				}
				return DueTestToday
			}},
		{guests("0, g.name, r.building || r.number, ''", "",
			"AND NOT EXISTS (SELECT 1 FROM temperatures t WHERE t.guest_id = g.id AND t.taken_at >= ?4)",
			"r.building, r.number"),
			func(string) DueKind { return DueTemperature }},
		{guests("0, g.name, r.building || r.number, printf('%.1f', t.celsius)",
			"JOIN temperatures t ON t.id = (SELECT id FROM temperatures WHERE guest_id = g.id ORDER BY taken_at DESC LIMIT 1)",
			"AND t.celsius >= ?5", "r.building, r.number"),
			func(string) DueKind { return DueFever }},
		{guests("0, g.name, r.building || r.number, ''", "",
			"AND EXISTS (SELECT 1 FROM tests t WHERE t.guest_id = g.id AND t.result = ?6)", "r.building, r.number"),
			func(string) DueKind { return DuePositive }},
		{`SELECT r.site_id, 0, r.id, 0, '', r.building || r.number, '' FROM rooms r
			WHERE (?1 = 0 OR r.site_id = ?1) AND r.out_of_service = 0
			AND NOT EXISTS (SELECT 1 FROM stays s WHERE s.room_id = r.id AND s.end_at IS NULL)
			AND coalesce((SELECT max(end_at) FROM stays s WHERE s.room_id = r.id), '') >
				coalesce((SELECT max(done_at) FROM disinfections d WHERE d.room_id = r.id), '')
			ORDER BY r.building, r.number`,
			func(string) DueKind { return DueDisinfection }},
	}
	byKind := map[DueKind][]DueItem{}
	for _, q := range queries {
		rows, err := db.reader(ctx).QueryContext(ctx, q.sql, siteID, today, tomorrow, formatTime(halfDay), FeverCelsius, string(TestPositive))
		if err != nil {
			return nil, fmt.Errorf("due list: %w", err)
		}
		for rows.Next() {
			var it DueItem
			if err := rows.Scan(&it.SiteID, &it.GuestID, &it.RoomID, &it.TestID, &it.Name, &it.Room, &it.Detail); err != nil {
				rows.Close()
				return nil, fmt.Errorf("due list: %w", err)
			}
			it.Kind = q.kind(it.Detail)
			byKind[it.Kind] = append(byKind[it.Kind], it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("due list: %w", err)
		}
	}
	var out []DueItem
	for _, k := range DueKinds {
		out = append(out, byKind[k]...)
	}
	return out, nil
}
