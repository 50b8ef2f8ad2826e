package app

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"fangkong/data"
)

// demoSite is a site to create and the rooms it has.
type demoSite struct {
	site    data.Site
	batches []data.RoomBatch
}

var demoAreas = []string{"610102", "610113", "610402", "612301", "610302", "610502", "410105", "510107"}

var demoOrigins = []string{"西安市雁塔区", "西安市未央区", "宝鸡市渭滨区", "汉中市汉台区", "郑州市金水区", "成都市武侯区", "上海市浦东新区", "入境(首都机场)"}

// demoIDNumber makes a valid ID number for someone born in the given year.
func demoIDNumber(r *rand.Rand, year int) string {
	birth := time.Date(year, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.Local)
	first := fmt.Sprintf("%s%s%03d", demoAreas[r.IntN(len(demoAreas))], birth.Format("20060102"), r.IntN(1000))
	return first + string(data.IDCheckChar(first))
}

// demoGuestState is what the simulation remembers of someone in isolation.
type demoGuestState struct {
	id      int64
	in      time.Time // checked in
	room    int
	release time.Time
	tests   []data.Test
}

// demoIsolation simulates the sites day by day up to now: admissions in
// waves, releases on their planned day, disinfection the same afternoon,
// two temperature readings a day and the scheduled tests.
// rareGuests are the first admitted yesterday: names with characters
// common fonts lack, and a long Uyghur name with its middle dot.
var rareGuests = []string{"阿卜杜热合曼·买买提", "陈𬳵", "刘𠮷"}

func (a *App) demoIsolation(ctx context.Context, r *rand.Rand, scale Scale) error {
	sites := []demoSite{{
		site:    data.Site{Name: "城关镇第一集中隔离点", Address: "城关镇建设路8号(原城关宾馆)", Manager: "刘洋", Phone: "13991234567"},
		batches: []data.RoomBatch{{Building: "3号楼", FromFloor: 2, ToFloor: 5, FromNo: 1, ToNo: 12, Capacity: 1}},
	}}
	days, perDay := 20, 3.0
	if scale == ScaleYear {
		sites = []demoSite{
			{site: sites[0].site, batches: []data.RoomBatch{
				{Building: "1号楼", FromFloor: 2, ToFloor: 6, FromNo: 1, ToNo: 20, Capacity: 1},
				{Building: "3号楼", FromFloor: 2, ToFloor: 6, FromNo: 1, ToNo: 20, Capacity: 1}}},
			{site: data.Site{Name: "河湾村集中隔离点", Address: "河湾村村委会旁(原河湾小学)", Manager: "陈建华", Phone: "13709876543"},
				batches: []data.RoomBatch{{Building: "教学楼", FromFloor: 1, ToFloor: 4, FromNo: 1, ToNo: 25, Capacity: 2}}},
			{site: data.Site{Name: "高速出口临时隔离点", Address: "G65高速城关出口东侧", Manager: "王建军", Phone: "18691234567"},
				batches: []data.RoomBatch{
					{Building: "A栋", FromFloor: 1, ToFloor: 5, FromNo: 1, ToNo: 10, Capacity: 1},
					{Building: "B栋", FromFloor: 1, ToFloor: 5, FromNo: 1, ToNo: 10, Capacity: 1}}},
		}
		days, perDay = 365, 14
	}

	type demoRoom struct {
		id, site   int64
		capacity   int
		occupants  int
		needsClean bool
	}
	var rooms []demoRoom
	for _, s := range sites {
		siteID, err := a.DB.SaveSite(ctx, s.site)
		if err != nil {
			return fmt.Errorf("demo site: %w", err)
		}
		for _, b := range s.batches {
			b.SiteID = siteID
			rs, err := b.Rooms()
			if err != nil {
				return err
			}
			if err := a.DB.AddRooms(ctx, rs); err != nil {
				return fmt.Errorf("demo rooms: %w", err)
			}
		}
		board, err := a.DB.RoomBoard(ctx, siteID, a.Now())
		if err != nil {
			return err
		}
		for _, br := range board {
			rooms = append(rooms, demoRoom{id: br.ID, site: siteID, capacity: br.Capacity})
		}
	}

	rules, err := a.DB.IsolationRules(ctx)
	if err != nil {
		return err
	}
	now := a.Now()
	today := data.StartOfDay(now)
	var open []*demoGuestState
	for d := days; d >= 0; d-- {
		day := today.AddDate(0, 0, -d)
		last := d == 0
		// Releases at 09:00, disinfection at 14:00 (today's rooms left for the clerk).
		var stay []*demoGuestState
		for _, g := range open {
			if g.release.After(day) {
				stay = append(stay, g)
				continue
			}
			at := day.Add(9 * time.Hour)
			if last && now.Before(at) {
				stay = append(stay, g)
				continue
			}
			outcome, note := data.Released, "转居家健康监测7天"
			switch n := r.IntN(100); {
			case n < 3:
				outcome, note = data.Hospitalised, "转市定点医院"
			case n < 8:
				outcome, note = data.HomeIsolated, "符合居家隔离条件"
			}
			if err := a.DB.EndIsolation(ctx, g.id, outcome, at, note); err != nil {
				return fmt.Errorf("demo release: %w", err)
			}
			rooms[g.room].occupants--
			rooms[g.room].needsClean = rooms[g.room].occupants == 0
		}
		open = stay
		for i := range rooms {
			if rooms[i].needsClean && (!last || r.IntN(2) == 0) && (!last || now.Hour() >= 14) {
				if err := a.DB.Disinfect(ctx, rooms[i].id, day.Add(14*time.Hour), "消杀组"); err != nil {
					return fmt.Errorf("demo disinfection: %w", err)
				}
				rooms[i].needsClean = false
			}
		}

		// Admissions come in waves.
		wave := 0.6 + 0.8*(1+math.Sin(float64(d)/10)) // waves about two months apart
		n := int(perDay*wave) + r.IntN(3)
		if d == 1 {
			n = max(n, len(rareGuests))
		}
		for i := 0; i < n; i++ {
			ri := -1
			// Yesterday's first are the rare names, in the first free rooms:
			// near the top of the guest list and of the room board.
			rare := d == 1 && i < len(rareGuests)
			for c := 0; rare && c < len(rooms); c++ {
				if !rooms[c].needsClean && rooms[c].occupants < rooms[c].capacity {
					ri = c
					break
				}
			}
			for try := 0; ri < 0 && try < 20; try++ {
				c := r.IntN(len(rooms))
				if !rooms[c].needsClean && rooms[c].occupants < rooms[c].capacity {
					ri = c
					break
				}
			}
			if ri < 0 {
				break
			}
			at := day.Add(time.Duration(10*60+r.IntN(10*60)) * time.Minute)
			if at.After(now) {
				break
			}
			category := data.GuestCategories[[]int{0, 0, 0, 0, 1, 1, 1, 2, 3, 3, 4}[r.IntN(11)]]
			in := data.CheckIn{RoomID: rooms[ri].id, Name: demoName(r), IDNumber: demoIDNumber(r, 1945+r.IntN(75)),
				Phone: demoMobile(r), Category: category, CameFrom: demoOrigins[r.IntN(len(demoOrigins))],
				At: at, PlannedDays: rules.DaysByCategory[category],
				EmergencyContact: demoName(r), EmergencyPhone: demoMobile(r)}
			if r.IntN(10) == 0 {
				in.SpecialNeeds = []string{data.SpecialNeeds[r.IntN(len(data.SpecialNeeds))]}
			}
			if rare {
				in.Name = rareGuests[i]
			}
			id, err := a.DB.CheckIn(ctx, in)
			if err != nil {
				return fmt.Errorf("demo check-in: %w", err)
			}
			tests, err := a.DB.GuestTests(ctx, id)
			if err != nil {
				return err
			}
			rooms[ri].occupants++
			open = append(open, &demoGuestState{id: id, in: at, room: ri, release: data.ReleaseDate(at, in.PlannedDays), tests: tests})
		}

		// Temperatures at 08:00 and 16:00; tests sampled at 07:30, or soon
		// after admission on the first day.
		var readings []data.Reading
		var results []data.Sampling
		for _, g := range open {
			for _, hour := range []int{8, 16} {
				at := day.Add(time.Duration(hour) * time.Hour)
				if at.After(now) || at.Before(g.in) || (last && r.IntN(8) == 0) {
					continue
				}
				c := 36.0 + float64(r.IntN(11))/10
				if r.IntN(400) == 0 {
					c = 37.4 + float64(r.IntN(12))/10
				}
				readings = append(readings, data.Reading{GuestID: g.id, TakenAt: at, Celsius: c})
			}
			for _, t := range g.tests {
				sampled := day.Add(7*time.Hour + 30*time.Minute)
				if first := g.in.Add(30 * time.Minute); first.After(sampled) {
					sampled = first
				}
				if !t.DueDate.Equal(day) || sampled.After(now) || (last && r.IntN(3) == 0) {
					continue
				}
				result := data.TestNegative
				if r.IntN(500) == 0 {
					result = data.TestPositive
				} else if last {
					result = data.TestPending
				}
				results = append(results, data.Sampling{TestID: t.ID, SampledAt: sampled, Result: result})
			}
		}
		if err := a.DB.RecordTemperatures(ctx, readings); err != nil {
			return fmt.Errorf("demo temperatures: %w", err)
		}
		if err := a.DB.RecordTestResults(ctx, results); err != nil {
			return fmt.Errorf("demo tests: %w", err)
		}
		// A positive is taken to the designated hospital the same morning.
		positive := map[int64]bool{}
		for _, res := range results {
			positive[res.TestID] = res.Result == data.TestPositive
		}
		var kept []*demoGuestState
		for _, g := range open {
			at := day.Add(11 * time.Hour)
			if after := g.in.Add(2 * time.Hour); after.After(at) {
				at = after
			}
			if !slices.ContainsFunc(g.tests, func(t data.Test) bool { return positive[t.ID] }) || at.After(now) {
				kept = append(kept, g)
				continue
			}
			if err := a.DB.EndIsolation(ctx, g.id, data.Hospitalised, at, "核酸阳性,120闭环转运至市定点医院"); err != nil {
				return fmt.Errorf("demo transfer: %w", err)
			}
			rooms[g.room].occupants--
			rooms[g.room].needsClean = rooms[g.room].occupants == 0
		}
		open = kept
	}
	return nil
}
