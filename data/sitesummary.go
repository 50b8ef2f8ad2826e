package data

import (
	"context"
	"time"
)

// SiteSummary is a site at a glance: its rooms by state, and how many rooms
// will be vacant over the next three days if planned releases happen.
type SiteSummary struct {
	Site       Site
	Rooms      int
	Counts     map[RoomState]int
	InGuests   int
	VacantSoon [3]int // vacant by the end of tomorrow, the day after, and the third day
}

// SiteSummaries summarises every site at the moment now.
func (db *DB) SiteSummaries(ctx context.Context, now time.Time) ([]SiteSummary, error) {
	sites, err := db.Sites(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SiteSummary, 0, len(sites))
	for _, site := range sites {
		board, err := db.RoomBoard(ctx, site.ID, now)
		if err != nil {
			return nil, err
		}
		s := SiteSummary{Site: site, Rooms: len(board), Counts: map[RoomState]int{}}
		for _, r := range board {
			s.Counts[r.State]++
			s.InGuests += len(r.Occupants)
			// A room counts as free from the day its last occupant is due out
			// (terminal disinfection is done the same day).
			freeOn := -1
			switch r.State {
			case RoomVacant, RoomAwaitsClean:
				freeOn = 0
			case RoomOccupied:
				for _, o := range r.Occupants {
					freeOn = max(freeOn, o.DaysLeft(now))
				}
			}
			for d := range s.VacantSoon {
				if freeOn >= 0 && freeOn <= d+1 {
					s.VacantSoon[d]++
				}
			}
		}
		out = append(out, s)
	}
	return out, nil
}
