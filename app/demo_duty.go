package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"fangkong/data"
)

// demoDuty rosters the township up to a week ahead, month by month, with
// some leave, the first site asking for duty staff, a swap made knowingly
// against the rest rule, and a few days of the duty log.
func (a *App) demoDuty(ctx context.Context, r *rand.Rand, scale Scale) error {
	now := a.Now()
	today := data.StartOfDay(now)
	first := today.AddDate(0, 0, -6)
	if scale == ScaleYear {
		first = today.AddDate(-1, 0, 1)
	}
	sites, err := a.DB.Sites(ctx)
	if err != nil {
		return err
	}
	if len(sites) > 0 {
		sites[0].DutyStaff = 2
		if _, err := a.DB.SaveSite(ctx, sites[0]); err != nil {
			return fmt.Errorf("demo site duty: %w", err)
		}
	}
	staff, err := a.DB.Staff(ctx, data.StaffQuery{})
	if err != nil {
		return err
	}
	for day := first; day.Before(today.AddDate(0, 0, 7)); day = day.AddDate(0, 0, 7) {
		for range 1 + r.IntN(3) {
			s := staff[r.IntN(len(staff))]
			from := day.AddDate(0, 0, r.IntN(7))
			if _, err := a.DB.AddLeave(ctx, data.Leave{StaffID: s.ID, From: from, To: from.AddDate(0, 0, r.IntN(5)),
				Reason: []string{"病假", "事假", "隔离观察", "轮休"}[r.IntN(4)]}); err != nil {
				return fmt.Errorf("demo leave: %w", err)
			}
		}
	}
	upto := today.AddDate(0, 0, 7)
	for from := first; from.Before(upto); from = from.AddDate(0, 1, 0) {
		end := from.AddDate(0, 1, 0)
		if end.After(upto) {
			end = upto
		}
		if _, err := a.DB.RosterPast(ctx, from, end); err != nil {
			return fmt.Errorf("demo roster: %w", err)
		}
	}
	// Tonight one more on a night shift, knowingly: someone who is on a
	// day shift tomorrow morning, so the grid shows the short rest.
	week, err := a.DB.RosterWeek(ctx, today, 2)
	if err != nil {
		return err
	}
	var extra int64
	var night *data.ShiftView
	for _, row := range week.Rows {
		if row.Shift.Start == 8*60 && row.Days[1] != nil && len(row.Days[1].People) > 0 && extra == 0 {
			extra = row.Days[1].People[0].StaffID
		}
		if row.Post.Kind == data.CheckpointPost && row.Shift.Start == 20*60 && row.Days[0] != nil && night == nil {
			night = row.Days[0]
		}
	}
	if extra != 0 && night != nil {
		if _, err := a.DB.Assign(ctx, night.Slot, extra, "夜班增派1人,本人自愿"); err != nil {
			return fmt.Errorf("demo extra night: %w", err)
		}
	}
	matters := []struct{ caller, matter, handling string }{
		{"县指挥部", "通知明日起G65出口加强夜间查验", "已转告各交通卡口负责人,夜班增派1人"},
		{"河湾村村委", "村民反映有外地车辆夜间进村", "通知河湾村村口卡口核查登记,已落实"},
		{"城关镇中心卫生院", "发热门诊接诊1名发热人员,已闭环转运", "登记在册,通知隔离点做好准备"},
		{"群众来电", "咨询返乡需要提供哪些材料", "按最新政策答复:48小时核酸阴性证明、健康码绿码"},
	}
	for d := 3; d >= 1; d-- {
		day := today.AddDate(0, 0, -d)
		for i, m := range matters[:2+r.IntN(3)] {
			if _, err := a.DB.LogDuty(ctx, data.DutyLogEntry{At: day.Add(time.Duration(9+4*i) * time.Hour), Kind: data.LogMatter,
				Caller: m.caller, Matter: m.matter, Handling: m.handling, Officer: "刘芳"}); err != nil {
				return fmt.Errorf("demo duty log: %w", err)
			}
		}
		if _, err := a.DB.LogDuty(ctx, data.DutyLogEntry{At: day.Add(20 * time.Hour), Kind: data.LogHandover,
			Matter: "白班各卡口运行正常,物资已补充;G65出口夜班注意大货车查验。", Officer: "刘芳"}); err != nil {
			return fmt.Errorf("demo duty log: %w", err)
		}
	}
	return nil
}
