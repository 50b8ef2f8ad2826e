package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"fangkong/data"
)

// demoCheckpoints adds the township's posts and a day of passages up to now,
// with a paper tally for last night at the village gate. (A year of
// registrations at full volume is still to come with the checkpoint
// benchmarks.)
func (a *App) demoCheckpoints(ctx context.Context, r *rand.Rand) error {
	three, _ := data.ParseShifts(data.ShiftPatterns["三班"])
	two, _ := data.ParseShifts(data.ShiftPatterns["两班"])
	now := a.Now()
	opened := now.AddDate(0, -2, 0)
	posts := []data.Checkpoint{
		{Name: "G65高速城关出口", Kind: "交通卡口", Location: "城关出口收费站外50米", Manager: "王建军", Phone: "18691234567", Shifts: three, StaffPerShift: 4},
		{Name: "省道S210县界", Kind: "交通卡口", Location: "S210与邻县交界处", Manager: "李强", Phone: "13709871234", Shifts: two, StaffPerShift: 3},
		{Name: "河湾村村口", Kind: "村口/小区卡口", Location: "河湾村东口", Manager: "陈建华", Phone: "13709876543", Shifts: two, StaffPerShift: 2},
		{Name: "城关镇中心卫生院哨点", Kind: "药店/诊所哨点", Location: "卫生院门诊楼", Manager: "周敏", Phone: "0913-2345601", Shifts: two, StaffPerShift: 1},
	}
	ids := make([]int64, len(posts))
	for i, p := range posts {
		p.OpenedOn = opened
		id, err := a.DB.SaveCheckpoint(ctx, p)
		if err != nil {
			return fmt.Errorf("demo checkpoint: %w", err)
		}
		ids[i] = id
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.Local)
	for at := today; at.Before(now); at = at.Add(time.Duration(8+r.IntN(25)) * time.Minute) {
		post := r.IntN(len(posts))
		if post == 2 && at.Hour() < 8 {
			continue // the village gate's night is on its paper log
		}
		reg := data.Registration{CheckpointID: ids[post], At: at, Direction: []string{"进", "出"}[r.IntN(2)],
			Name: demoName(r), Phone: demoMobile(r), CameFrom: demoOrigins[r.IntN(len(demoOrigins))], GoingTo: "城关镇",
			Celsius: 36.0 + float64(r.IntN(10))/10, HealthCode: "绿"}
		if r.IntN(3) > 0 {
			reg.IDNumber = demoIDNumber(r, 1950+r.IntN(55))
		}
		if post < 2 {
			reg.Plate = fmt.Sprintf("陕G%05d", r.IntN(100000))
			reg.Passengers = r.IntN(4)
		}
		switch n := r.IntN(60); {
		case n == 0:
			reg.Celsius = 37.5
		case n < 4:
			reg.Outcome, reg.Note = "劝返", "非必要不进入"
		}
		if _, err := a.DB.Register(ctx, reg); err != nil {
			return fmt.Errorf("demo registration: %w", err)
		}
	}
	return a.DB.SaveTally(ctx, data.Tally{CheckpointID: ids[2], ShiftStart: today.AddDate(0, 0, -1), Shift: two[1],
		Counts: data.Counts{Vehicles: 6, People: 11, TurnedBack: 1}, Staff: "村委值班:张伟、刘芳"})
}
