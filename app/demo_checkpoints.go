package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"fangkong/data"
)

// demoPost is a checkpoint to create and how busy it is: passages per day,
// whether vehicles pass, and whether its night shift keeps a paper log
// (entered as a tally instead of single passages).
type demoPost struct {
	post       data.Checkpoint
	perDay     int
	vehicles   bool
	paperNight bool
}

func demoPosts(scale Scale) []demoPost {
	three := data.ThreeShifts.Shifts()
	two := data.TwoShifts.Shifts()
	posts := []demoPost{
		{data.Checkpoint{Name: "G65高速城关出口", Kind: "交通卡口", Location: "城关出口收费站外50米", Manager: "王建军", Phone: "18691234567", Shifts: three, StaffPerShift: 4, RequiredKind: "民警/辅警"}, 60, true, false},
		{data.Checkpoint{Name: "省道S210县界", Kind: "交通卡口", Location: "S210与邻县交界处", Manager: "李强", Phone: "13709871234", Shifts: two, StaffPerShift: 3, RequiredKind: "民警/辅警"}, 25, true, false},
		{data.Checkpoint{Name: "河湾村村口", Kind: "村口/小区卡口", Location: "河湾村东口", Manager: "陈建华", Phone: "13709876543", Shifts: two, StaffPerShift: 2}, 15, false, true},
		{data.Checkpoint{Name: "城关镇中心卫生院哨点", Kind: "药店/诊所哨点", Location: "卫生院门诊楼", Manager: "周敏", Phone: "0913-2345601", Shifts: two, StaffPerShift: 1}, 10, false, false},
	}
	if scale != ScaleYear {
		return posts
	}
	posts[0].perDay, posts[1].perDay, posts[2].perDay, posts[3].perDay = 600, 350, 105, 70
	return append(posts,
		demoPost{data.Checkpoint{Name: "国道G316东出口", Kind: "交通卡口", Location: "G316镇东加油站旁", Manager: "赵刚", Phone: "13891230001", Shifts: three, StaffPerShift: 3, RequiredKind: "民警/辅警"}, 350, true, false},
		demoPost{data.Checkpoint{Name: "县道X203柳树村段", Kind: "交通卡口", Location: "柳树村桥头", Manager: "杨军", Phone: "13891230002", Shifts: two, StaffPerShift: 2, RequiredKind: "民警/辅警"}, 150, true, false},
		demoPost{data.Checkpoint{Name: "东村村口", Kind: "村口/小区卡口", Location: "东村文化广场入口", Manager: "黄丽", Phone: "13891230003", Shifts: two, StaffPerShift: 2}, 105, false, true},
		demoPost{data.Checkpoint{Name: "西村村口", Kind: "村口/小区卡口", Location: "西村村委会门口", Manager: "吴勇", Phone: "13891230004", Shifts: two, StaffPerShift: 2}, 95, false, true},
		demoPost{data.Checkpoint{Name: "幸福家园小区", Kind: "村口/小区卡口", Location: "小区南门", Manager: "孙静", Phone: "13891230005", Shifts: two, StaffPerShift: 2}, 185, false, false},
		demoPost{data.Checkpoint{Name: "城关农贸市场", Kind: "村口/小区卡口", Location: "市场北入口", Manager: "马超", Phone: "13891230006", Shifts: two, StaffPerShift: 2}, 200, false, false},
		demoPost{data.Checkpoint{Name: "镇工业园返岗关口", Kind: "单位返岗关口", Location: "工业园大门", Manager: "朱涛", Phone: "13891230007", Shifts: two, StaffPerShift: 2}, 80, true, false},
		demoPost{data.Checkpoint{Name: "仁和大药房哨点", Kind: "药店/诊所哨点", Location: "建设路12号", Manager: "胡玲", Phone: "13891230008", Shifts: two, StaffPerShift: 1}, 25, false, false},
	)
}

// demoCheckpoints adds the township's posts and their passages day by day
// up to now (one day at the small scale, a year otherwise), with the paper
// tallies of the village gates' nights.
func (a *App) demoCheckpoints(ctx context.Context, r *rand.Rand, scale Scale) error {
	now := a.Now()
	today := data.StartOfDay(now)
	first := today
	if scale == ScaleYear {
		first = today.AddDate(-1, 0, 1)
	}
	posts := demoPosts(scale)
	for i := range posts {
		posts[i].post.OpenedOn = first.AddDate(0, 0, -7)
		id, err := a.DB.SaveCheckpoint(ctx, posts[i].post)
		if err != nil {
			return fmt.Errorf("demo checkpoint: %w", err)
		}
		posts[i].post.ID = id
	}
	// A week per transaction: the name, phone and ID indexes take random
	// inserts, and a bigger batch writes each touched page once.
	var regs []data.Registration
	for day := first; !day.After(today); day = day.AddDate(0, 0, 1) {
		for _, p := range posts {
			regs = append(regs, demoPassages(r, p, day, now)...)
		}
		if day.Weekday() == time.Sunday || day.Equal(today) {
			if err := a.DB.Batch(ctx, func(ctx context.Context) error {
				for _, r := range regs {
					if _, err := a.DB.Register(ctx, r); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				return fmt.Errorf("demo registrations: %w", err)
			}
			regs = regs[:0]
		}
		for _, p := range posts {
			if !p.paperNight {
				continue
			}
			night := p.post.Shifts[len(p.post.Shifts)-1]
			if _, end := night.Window(day.AddDate(0, 0, -1)); end.After(now) {
				continue
			}
			people := p.perDay/8 + r.IntN(p.perDay/8+1)
			t := data.Tally{CheckpointID: p.post.ID, ShiftStart: day.AddDate(0, 0, -1), Shift: night, Staff: "村委值班:张伟、刘芳",
				Counts: data.Counts{Vehicles: people / 2, People: people, TurnedBack: r.IntN(2)}}
			if err := a.DB.SaveTally(ctx, t); err != nil {
				return fmt.Errorf("demo tally: %w", err)
			}
		}
	}
	return nil
}

// demoPassages makes a post's passages for one day, up to now: fewer at
// weekends and at night, an occasional fever, a few turned back.
func demoPassages(r *rand.Rand, p demoPost, day, now time.Time) []data.Registration {
	n := p.perDay * (85 + r.IntN(30)) / 100
	if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
		n = n * 3 / 4
	}
	regs := make([]data.Registration, 0, n)
	for range n {
		// Two in three pass in the daytime.
		minute := 7*60 + r.IntN(14*60)
		if r.IntN(3) == 0 {
			minute = (20*60 + r.IntN(12*60)) % (24 * 60)
		}
		at := day.Add(time.Duration(minute)*time.Minute + time.Duration(r.IntN(60))*time.Second)
		if at.After(now) || (p.paperNight && (minute < 8*60 || minute >= 20*60)) {
			continue
		}
		reg := data.Registration{CheckpointID: p.post.ID, At: at, Direction: []data.Direction{data.Inbound, data.Outbound}[r.IntN(2)],
			Name: demoName(r), Phone: demoMobile(r), CameFrom: demoOrigins[r.IntN(len(demoOrigins))], GoingTo: "城关镇",
			Celsius: 36.0 + float64(r.IntN(10))/10, HealthCode: "绿"}
		if r.IntN(3) > 0 {
			reg.IDNumber = demoIDNumber(r, 1950+r.IntN(55))
		}
		if p.vehicles && r.IntN(5) > 0 {
			reg.Plate = fmt.Sprintf("陕G%05d", r.IntN(100000))
			reg.Passengers = r.IntN(4)
		}
		switch k := r.IntN(400); {
		case k == 0:
			reg.Celsius = 37.3 + float64(r.IntN(15))/10
		case k < 12:
			reg.Outcome, reg.Note = data.TurnedBack, "非必要不进入"
		case k < 14:
			reg.HealthCode, reg.Outcome, reg.Note = "黄", data.HandedOver, "黄码,交卫生院复核"
		}
		regs = append(regs, reg)
	}
	return regs
}
