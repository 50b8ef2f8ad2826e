package app

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"fangkong/data"
	"fangkong/reports"
)

// demoTownships are the county demo's twelve townships.
var demoTownships = []string{"城关镇", "东关镇", "西岭镇", "南川镇", "北塬镇", "河口镇", "柳林镇", "石桥镇", "杨家坪镇", "马道镇", "龙泉镇", "青石街道"}

// demoCounty makes a county's month: twelve townships registered by their
// keys, and thirty days of their report files (written where a clerk would
// have copied them from the USB sticks, then imported like any): most on
// time, a few late, a few re-issued, zero reports on quiet days, and a few
// days missing.
func (a *App) demoCounty(ctx context.Context) error {
	townships, err := a.DB.Townships(ctx)
	if err != nil {
		return err
	}
	if len(townships) > 0 {
		return fmt.Errorf("demo: %w", ErrNotEmpty)
	}
	if err := a.DB.SavePostInfo(ctx, data.PostInfo{Township: "秦川县", PostName: "秦川县疫情防控指挥部",
		DutyPhone: "0913-6123456", SendTo: "市疫情防控指挥部办公室", CopyTo: "县委、县政府主要领导,各乡镇(街道)"}); err != nil {
		return err
	}
	if err := a.DB.SaveMode(ctx, data.CountyMode); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(2026, 20))
	today := data.StartOfDay(a.Now())
	first := today.AddDate(0, 0, -30)
	dir := filepath.Join(a.SubmissionsDir(), "演示")
	var paths []string
	for i, name := range demoTownships {
		var seed [ed25519.SeedSize]byte
		for j := range seed {
			seed[j] = byte(r.UintN(256))
		}
		key := ed25519.NewKeyFromSeed(seed[:])
		phone := fmt.Sprintf("0913-61%05d", 10000+i*137)
		if _, err := a.DB.SaveTownship(ctx, data.Township{Name: name, Contact: demoName(r), Phone: phone,
			PublicKey: key.Public().(ed25519.PublicKey), Since: first, Active: true}); err != nil {
			return err
		}
		files, err := demoTownshipFiles(r, key, name, phone, first, today, filepath.Join(dir, name))
		if err != nil {
			return err
		}
		paths = append(paths, files...)
	}
	receipts, err := a.ImportReportFiles(ctx, paths)
	if err != nil {
		return err
	}
	for _, rc := range receipts {
		if rc.Outcome == data.Refused {
			return fmt.Errorf("demo: %s: %w", rc.File, rc.Err)
		}
	}
	return nil
}

// routine are notable events of an ordinary day, as townships write them.
var routine = []string{
	"开展重点场所全面消杀,覆盖农贸市场、客运站等12处。",
	"排查返乡人员46人,均已落实健康监测。",
	"组织集中隔离点工作人员开展防护培训1次。",
	"县督导组到卡口检查,指出夜班登记不全问题,已整改。",
	"完成辖区核酸采样点调整,新增便民采样点2个。",
}

// demoTownshipFiles writes one township's report files for the days from
// first up to (not including) today.
func demoTownshipFiles(r *rand.Rand, key ed25519.PrivateKey, name, phone string, first, today time.Time, dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	posts := 3 + r.IntN(6)
	sites := 1 + r.IntN(2)
	rooms := make([]int, sites)
	in := make([]int, sites)
	for s := range rooms {
		rooms[s] = 40 + 10*r.IntN(9)
		in[s] = rooms[s] / 3
	}
	stock := make([]int, len(data.StarterItems))
	for k, it := range data.StarterItems {
		stock[k] = it.WarningLevel * (2 + r.IntN(5))
	}
	leader := demoName(r)
	var out []string
	number := 0
	for day := first; day.Before(today); day = day.AddDate(0, 0, 1) {
		// A day missed now and then; and two townships have not yet sent
		// yesterday's, due by noon today.
		if r.IntN(40) == 0 || (day.Equal(today.AddDate(0, 0, -1)) && (name == "北塬镇" || name == "马道镇")) {
			continue
		}
		number++
		s := data.Submission{Township: name, PostName: name + "疫情防控指挥部", DutyPhone: phone, Day: day,
			AsOf: day.AddDate(0, 0, 1), Number: number, Version: 1, SignedBy: leader, FilledBy: demoName(r),
			Leaders: []string{leader}, Posts: posts, PostsFiled: posts - min(r.IntN(8), 1)}
		s.IssuedAt = day.AddDate(0, 0, 1).Add(time.Duration(8*60+r.IntN(240)) * time.Minute)
		if r.IntN(12) == 0 {
			s.IssuedAt = s.IssuedAt.Add(time.Duration(5+r.IntN(20)) * time.Hour) // late
		}
		people := posts * (150 + r.IntN(250))
		s.PostsTotal = data.SubmittedCounts{Vehicles: people / 3, People: people, TurnedBack: r.IntN(6)}
		if r.IntN(6) == 0 {
			s.PostsTotal.Fevers = 1 + r.IntN(2)
			s.PostsTotal.HandedOver = s.PostsTotal.Fevers
		}
		for k := range rooms {
			admitted, released := r.IntN(6), r.IntN(6)
			in[k] = max(0, min(rooms[k]-2, in[k]+admitted-released))
			x := data.SubmittedSite{Name: fmt.Sprintf("%s%d号隔离点", name, k+1), Rooms: rooms[k], Occupied: in[k],
				AwaitCleaning: r.IntN(4), InIsolation: in[k], Admitted: admitted, Released: released, TestsDone: in[k] / 2}
			x.Vacant = max(0, x.Rooms-x.Occupied-x.AwaitCleaning)
			if r.IntN(25) == 0 {
				x.Positives, x.PositiveInIsolation = 1, 1
			}
			s.Sites = append(s.Sites, x)
		}
		for k, it := range data.StarterItems {
			use := float64(it.WarningLevel) / float64(5+r.IntN(10))
			got := 0
			if stock[k] < it.WarningLevel*2 && r.IntN(3) == 0 {
				got = it.WarningLevel * 3
			}
			used := min(stock[k]+got, int(use))
			stock[k] += got - used
			s.Items = append(s.Items, data.SubmittedItem{Item: it.Label(), Unit: it.Unit, OnHand: stock[k], In: got, Out: used,
				Warning: it.WarningLevel, DailyUse: use, DaysLeft: float64(int(float64(stock[k])/use*10)) / 10})
			if stock[k] < it.WarningLevel {
				s.ShortItems = append(s.ShortItems, fmt.Sprintf("%s %d%s", it.Label(), stock[k], it.Unit))
			}
		}
		abnormal := s.PostsTotal.Fevers > 0 || s.Isolation().Positives > 0
		if r.IntN(3) > 0 {
			s.Events = routine[r.IntN(len(routine))]
		}
		if abnormal {
			s.Events = fmt.Sprintf("%s卡口发现发热人员%d人,已闭环转运至县人民医院发热门诊。", villages[r.IntN(len(villages))], s.PostsTotal.Fevers)
			if s.Isolation().Positives > 0 {
				s.Events = "集中隔离点核酸检测发现阳性1人,已转运定点医院,密接人员已落实管控。"
			}
		}
		s.Zero = !abnormal && s.Events == ""
		path, err := writeDemoSubmission(dir, s, key)
		if err != nil {
			return nil, err
		}
		out = append(out, path)
		if r.IntN(30) == 0 {
			// Re-issued: a night shift's tally typed in after issue.
			s.Version, s.RevisionNote = 2, "补录夜班台账"
			s.IssuedAt = s.IssuedAt.Add(3 * time.Hour)
			s.PostsTotal.People += 40 + r.IntN(60)
			if path, err = writeDemoSubmission(dir, s, key); err != nil {
				return nil, err
			}
			out = append(out, path)
		}
	}
	return out, nil
}

func writeDemoSubmission(dir string, s data.Submission, key ed25519.PrivateKey) (string, error) {
	path := filepath.Join(dir, reports.SubmissionName(s))
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	if err := reports.WriteSubmission(f, s, key); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}
