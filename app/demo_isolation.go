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

// demoRoom is what the simulation remembers of a room.
type demoRoom struct {
	id, site   int64
	capacity   int
	occupants  int
	needsClean bool
}

// takes reports whether the room can take one more guest.
func (r demoRoom) takes() bool { return !r.needsClean && r.occupants < r.capacity }

// rareGuests are the first admitted yesterday: names with characters
// common fonts lack, and a long Uyghur name with its middle dot.
var rareGuests = []string{"阿卜杜热合曼·买买提", "陈𬳵", "刘𠮷"}

// isolationSim simulates the sites day by day up to now: admissions in
// waves, releases on their planned day, disinfection the same afternoon,
// two temperature readings a day and the scheduled tests, a positive
// taken to hospital that morning.
type isolationSim struct {
	a      *App
	ctx    context.Context
	r      *rand.Rand
	now    time.Time
	rules  data.IsolationRules
	perDay float64
	rooms  []demoRoom
	open   []*demoGuestState
}

// demoSites are the sites of a scale, with their rooms, and how many days
// and how many admissions a day the simulation runs.
func demoSites(scale Scale) (sites []demoSite, days int, perDay float64) {
	first := data.Site{Name: "城关镇第一集中隔离点", Address: "城关镇建设路8号(原城关宾馆)", Manager: "刘洋", Phone: "13991234567"}
	if scale != ScaleYear {
		return []demoSite{{site: first, batches: []data.RoomBatch{{Building: "3号楼", FromFloor: 2, ToFloor: 5, FromNo: 1, ToNo: 12, Capacity: 1}}}}, 20, 3
	}
	return []demoSite{
		{site: first, batches: []data.RoomBatch{
			{Building: "1号楼", FromFloor: 2, ToFloor: 6, FromNo: 1, ToNo: 20, Capacity: 1},
			{Building: "3号楼", FromFloor: 2, ToFloor: 6, FromNo: 1, ToNo: 20, Capacity: 1}}},
		{site: data.Site{Name: "河湾村集中隔离点", Address: "河湾村村委会旁(原河湾小学)", Manager: "陈建华", Phone: "13709876543"},
			batches: []data.RoomBatch{{Building: "教学楼", FromFloor: 1, ToFloor: 4, FromNo: 1, ToNo: 25, Capacity: 2}}},
		{site: data.Site{Name: "高速出口临时隔离点", Address: "G65高速城关出口东侧", Manager: "王建军", Phone: "18691234567"},
			batches: []data.RoomBatch{
				{Building: "A栋", FromFloor: 1, ToFloor: 5, FromNo: 1, ToNo: 10, Capacity: 1},
				{Building: "B栋", FromFloor: 1, ToFloor: 5, FromNo: 1, ToNo: 10, Capacity: 1}}},
	}, 365, 14
}

func (a *App) demoIsolation(ctx context.Context, r *rand.Rand, scale Scale) error {
	sites, days, perDay := demoSites(scale)
	sim := &isolationSim{a: a, ctx: ctx, r: r, now: a.Now(), perDay: perDay}
	if err := sim.addSites(sites); err != nil {
		return err
	}
	var err error
	if sim.rules, err = a.DB.IsolationRules(ctx); err != nil {
		return err
	}
	today := data.StartOfDay(sim.now)
	for d := days; d >= 0; d-- {
		day := today.AddDate(0, 0, -d)
		if err := sim.release(day); err != nil {
			return err
		}
		if err := sim.disinfect(day); err != nil {
			return err
		}
		if err := sim.admit(day, d); err != nil {
			return err
		}
		results, err := sim.observe(day)
		if err != nil {
			return err
		}
		if err := sim.transferPositives(day, results); err != nil {
			return err
		}
	}
	return nil
}

// addSites makes the sites and their rooms.
func (s *isolationSim) addSites(sites []demoSite) error {
	for _, site := range sites {
		siteID, err := s.a.DB.SaveSite(s.ctx, site.site)
		if err != nil {
			return fmt.Errorf("demo site: %w", err)
		}
		for _, b := range site.batches {
			b.SiteID = siteID
			rs, err := b.Rooms()
			if err != nil {
				return err
			}
			if err := s.a.DB.AddRooms(s.ctx, rs); err != nil {
				return fmt.Errorf("demo rooms: %w", err)
			}
		}
		board, err := s.a.DB.RoomBoard(s.ctx, siteID, s.now)
		if err != nil {
			return err
		}
		for _, br := range board {
			s.rooms = append(s.rooms, demoRoom{id: br.ID, site: siteID, capacity: br.Capacity})
		}
	}
	return nil
}

// last reports whether day is today, which the simulation leaves part done.
func (s *isolationSim) last(day time.Time) bool { return day.Equal(data.StartOfDay(s.now)) }

// leave ends a stay and frees the room for disinfection once empty.
func (s *isolationSim) leave(g *demoGuestState, outcome data.Outcome, at time.Time, note string) error {
	if err := s.a.DB.EndIsolation(s.ctx, g.id, outcome, at, note); err != nil {
		return err
	}
	s.rooms[g.room].occupants--
	s.rooms[g.room].needsClean = s.rooms[g.room].occupants == 0
	return nil
}

// release lets go at 09:00 those whose stay ends: most released, a few to
// hospital or home isolation.
func (s *isolationSim) release(day time.Time) error {
	var stay []*demoGuestState
	for _, g := range s.open {
		at := day.Add(9 * time.Hour)
		if g.release.After(day) || (s.last(day) && s.now.Before(at)) {
			stay = append(stay, g)
			continue
		}
		outcome, note := data.Released, "转居家健康监测7天"
		switch n := s.r.IntN(100); {
		case n < 3:
			outcome, note = data.Hospitalised, "转市定点医院"
		case n < 8:
			outcome, note = data.HomeIsolated, "符合居家隔离条件"
		}
		if err := s.leave(g, outcome, at, note); err != nil {
			return fmt.Errorf("demo release: %w", err)
		}
	}
	s.open = stay
	return nil
}

// disinfect cleans the rooms left at 14:00; today's, half of them and
// only once it is 14:00, are left for the clerk.
func (s *isolationSim) disinfect(day time.Time) error {
	last := s.last(day)
	for i := range s.rooms {
		if s.rooms[i].needsClean && (!last || s.r.IntN(2) == 0) && (!last || s.now.Hour() >= 14) {
			if err := s.a.DB.Disinfect(s.ctx, s.rooms[i].id, day.Add(14*time.Hour), "消杀组"); err != nil {
				return fmt.Errorf("demo disinfection: %w", err)
			}
			s.rooms[i].needsClean = false
		}
	}
	return nil
}

// freeRoom is a room that can take a guest: for the rare names the first
// free one (near the top of the guest list and of the room board), else
// one of twenty tried at random; -1 when none was found.
func (s *isolationSim) freeRoom(first bool) int {
	for c := 0; first && c < len(s.rooms); c++ {
		if s.rooms[c].takes() {
			return c
		}
	}
	for range 20 {
		if c := s.r.IntN(len(s.rooms)); s.rooms[c].takes() {
			return c
		}
	}
	return -1
}

// admit checks people in between 10:00 and 20:00, in waves about two
// months apart; yesterday's first are the rare names.
func (s *isolationSim) admit(day time.Time, daysAgo int) error {
	wave := 0.6 + 0.8*(1+math.Sin(float64(daysAgo)/10))
	n := int(s.perDay*wave) + s.r.IntN(3)
	if daysAgo == 1 {
		n = max(n, len(rareGuests))
	}
	for i := range n {
		rare := daysAgo == 1 && i < len(rareGuests)
		ri := s.freeRoom(rare)
		if ri < 0 {
			return nil
		}
		at := day.Add(time.Duration(10*60+s.r.IntN(10*60)) * time.Minute)
		if at.After(s.now) {
			return nil
		}
		category := data.GuestCategories[[]int{0, 0, 0, 0, 1, 1, 1, 2, 3, 3, 4}[s.r.IntN(11)]]
		in := data.CheckIn{RoomID: s.rooms[ri].id, Name: demoName(s.r), IDNumber: demoIDNumber(s.r, 1945+s.r.IntN(75)),
			Phone: demoMobile(s.r), Category: category, CameFrom: demoOrigins[s.r.IntN(len(demoOrigins))],
			At: at, PlannedDays: s.rules.DaysByCategory[category],
			EmergencyContact: demoName(s.r), EmergencyPhone: demoMobile(s.r)}
		if s.r.IntN(10) == 0 {
			in.SpecialNeeds = []string{data.SpecialNeeds[s.r.IntN(len(data.SpecialNeeds))]}
		}
		if rare {
			in.Name = rareGuests[i]
		}
		id, err := s.a.DB.CheckIn(s.ctx, in)
		if err != nil {
			return fmt.Errorf("demo check-in: %w", err)
		}
		tests, err := s.a.DB.GuestTests(s.ctx, id)
		if err != nil {
			return err
		}
		s.rooms[ri].occupants++
		s.open = append(s.open, &demoGuestState{id: id, in: at, room: ri, release: data.ReleaseDate(at, in.PlannedDays), tests: tests})
	}
	return nil
}

// observe takes temperatures at 08:00 and 16:00 and samples the tests due
// at 07:30, or soon after admission on the first day; today some are not
// yet done and the day's samples are still 待出. It returns the samplings.
func (s *isolationSim) observe(day time.Time) ([]data.Sampling, error) {
	last := s.last(day)
	var readings []data.Reading
	var results []data.Sampling
	for _, g := range s.open {
		for _, hour := range []int{8, 16} {
			at := day.Add(time.Duration(hour) * time.Hour)
			if at.After(s.now) || at.Before(g.in) || (last && s.r.IntN(8) == 0) {
				continue
			}
			c := 36.0 + float64(s.r.IntN(11))/10
			if s.r.IntN(400) == 0 {
				c = 37.4 + float64(s.r.IntN(12))/10
			}
			readings = append(readings, data.Reading{GuestID: g.id, TakenAt: at, Celsius: c})
		}
		for _, t := range g.tests {
			sampled := day.Add(7*time.Hour + 30*time.Minute)
			if first := g.in.Add(30 * time.Minute); first.After(sampled) {
				sampled = first
			}
			if !t.DueDate.Equal(day) || sampled.After(s.now) || (last && s.r.IntN(3) == 0) {
				continue
			}
			result := data.TestNegative
			if s.r.IntN(500) == 0 {
				result = data.TestPositive
			} else if last {
				result = data.TestPending
			}
			results = append(results, data.Sampling{TestID: t.ID, SampledAt: sampled, Result: result})
		}
	}
	if err := s.a.DB.RecordTemperatures(s.ctx, readings); err != nil {
		return nil, fmt.Errorf("demo temperatures: %w", err)
	}
	if err := s.a.DB.RecordTestResults(s.ctx, results); err != nil {
		return nil, fmt.Errorf("demo tests: %w", err)
	}
	return results, nil
}

// transferPositives takes a guest found positive to the designated
// hospital that morning (at 11:00, or two hours after admission).
func (s *isolationSim) transferPositives(day time.Time, results []data.Sampling) error {
	positive := map[int64]bool{}
	for _, res := range results {
		positive[res.TestID] = res.Result == data.TestPositive
	}
	var kept []*demoGuestState
	for _, g := range s.open {
		at := day.Add(11 * time.Hour)
		if after := g.in.Add(2 * time.Hour); after.After(at) {
			at = after
		}
		if !slices.ContainsFunc(g.tests, func(t data.Test) bool { return positive[t.ID] }) || at.After(s.now) {
			kept = append(kept, g)
			continue
		}
		if err := s.leave(g, data.Hospitalised, at, "核酸阳性,120闭环转运至市定点医院"); err != nil {
			return fmt.Errorf("demo transfer: %w", err)
		}
	}
	s.open = kept
	return nil
}
