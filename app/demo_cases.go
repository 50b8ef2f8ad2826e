package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"fangkong/data"
)

// caseFollowUp follows the demo's cases as a command post would: it knows
// the clock, the randomness and where the people found go.
type caseFollowUp struct {
	a      *App
	ctx    context.Context
	r      *rand.Rand
	now    time.Time
	clerks []string // who records the steps at the command post
}

// demoCases follows up every case the demo's passages and sites opened:
// everything found before yesterday is settled, the last two days as far
// as their time allows; then a case in every state is added to show.
func (a *App) demoCases(ctx context.Context, r *rand.Rand) error {
	f := caseFollowUp{a: a, ctx: ctx, r: r, now: a.Now()}
	staff, err := a.DB.Staff(ctx, data.StaffQuery{})
	if err != nil {
		return err
	}
	for _, s := range staff {
		if s.Kind == "干部" && len(f.clerks) < 4 {
			f.clerks = append(f.clerks, s.Name)
		}
	}
	open, err := a.DB.Cases(ctx, data.CaseQuery{OpenOnly: true, Limit: -1})
	if err != nil {
		return err
	}
	for _, c := range open {
		if err := f.steps(f.plan(c)); err != nil {
			return fmt.Errorf("demo case %d: %w", c.ID, err)
		}
	}
	return f.showcase()
}

// steps records the planned steps that have happened by now, in order;
// the rest have not happened yet.
func (f caseFollowUp) steps(plan []data.CaseStep) error {
	for _, s := range plan {
		if s.At.After(f.now) {
			return nil
		}
		s.RecordedBy = f.clerk()
		if _, err := f.a.DB.AddCaseStep(f.ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// clerk is one of the command post's clerks.
func (f caseFollowUp) clerk() string { return f.clerks[f.r.IntN(len(f.clerks))] }

// after is a moment between lo and hi minutes after t.
func (f caseFollowUp) after(t time.Time, lo, hi int) time.Time {
	return t.Add(time.Duration(lo+f.r.IntN(hi-lo+1)) * time.Minute)
}

// plan is what happens to a case after it is found, by how it was found.
// A case already stepped at its site (a later fever, a 转院) closes after
// its last step.
func (f caseFollowUp) plan(c data.Case) []data.CaseStep {
	clinic := func(at time.Time) data.CaseStep {
		return data.CaseStep{CaseID: c.ID, At: at, Kind: data.StepHandover, Unit: data.FeverClinic,
			Receiver: demoName(f.r) + "医生", ReceiverPhone: "0913-6123456"}
	}
	result := func(at time.Time, res data.CaseResult, note string) data.CaseStep {
		return data.CaseStep{CaseID: c.ID, At: at, Kind: data.StepResult, Result: res, Note: note}
	}
	closing := func(at time.Time, note string) data.CaseStep {
		if !at.After(c.LastStepAt) {
			at = f.after(c.LastStepAt, 30, 90)
		}
		return data.CaseStep{CaseID: c.ID, At: at, Kind: data.StepClose, Note: note}
	}
	handed := f.after(c.OpenedAt, 10, 40)
	decided := f.after(handed, 100, 300)
	switch c.Source {
	case data.CheckpointFever:
		switch k := f.r.IntN(100); {
		case k < 85:
			return []data.CaseStep{clinic(handed), result(decided, data.RuledOut, "复测体温正常,核酸阴性"),
				closing(decided.Add(10*time.Minute), "排除,已放行")}
		case k < 97:
			return []data.CaseStep{clinic(handed), result(decided, data.UnderWatch, "发热门诊留观"),
				closing(f.after(decided, 20*60, 30*60), "留观期满,体温正常,解除留观")}
		default:
			return []data.CaseStep{clinic(handed), result(decided, data.ToIsolation, "同乘人员中有密接,转集中隔离观察"),
				closing(decided.Add(time.Hour), "已转集中隔离点观察")}
		}
	case data.CheckpointHandover:
		return []data.CaseStep{clinic(handed), result(f.after(handed, 240, 480), data.RuledOut, "核酸阴性,健康码已转绿"),
			closing(f.after(handed, 490, 540), "排除,已告知本人")}
	case data.SiteFever:
		watched := f.after(c.OpenedAt, 20, 60)
		return []data.CaseStep{result(watched, data.UnderWatch, "隔离点医生复测,加密监测"),
			closing(f.after(watched, 20*60, 30*60), "连续复测体温正常")}
	case data.SitePositive:
		return []data.CaseStep{
			{CaseID: c.ID, At: f.after(c.OpenedAt, 60, 120), Kind: data.StepHandover, Unit: data.DesignatedHospital,
				Receiver: "市定点医院120", ReceiverPhone: "0913-2120120"},
			closing(f.after(c.OpenedAt, 150, 240), "已闭环转运至市定点医院救治")}
	}
	return nil
}

// passage registers a passage for the showcase and returns its case.
func (f caseFollowUp) passage(post string, at time.Time, reg data.Registration) (data.Case, error) {
	posts, err := f.a.DB.Checkpoints(f.ctx)
	if err != nil {
		return data.Case{}, err
	}
	for _, p := range posts {
		if p.Name == post {
			reg.CheckpointID = p.ID
		}
	}
	reg.At, reg.Direction, reg.HealthCode = at, data.Inbound, "绿"
	id, err := f.a.DB.Register(f.ctx, reg)
	if err != nil {
		return data.Case{}, err
	}
	list, err := f.a.DB.Cases(f.ctx, data.CaseQuery{OpenOnly: true, Text: reg.Name})
	for _, c := range list {
		if c.RegistrationID == id {
			return c, err
		}
	}
	return data.Case{}, fmt.Errorf("demo: no case for %s: %w", reg.Name, err)
}

// showcase adds, over yesterday and today, one case in every state: settled
// and reopened, checked in at a site from its case, under observation,
// handed over and awaiting the result, nothing done yet, and one reported
// by telephone, handed to the village nearly three hours ago.
func (f caseFollowUp) showcase() error {
	yesterday := data.StartOfDay(f.now).AddDate(0, 0, -1)
	at := func(h, m int) time.Time {
		return yesterday.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	clinic := func(c data.Case, t time.Time, who string) data.CaseStep {
		return data.CaseStep{CaseID: c.ID, At: t, Kind: data.StepHandover, Unit: data.FeverClinic, Receiver: who, ReceiverPhone: "0913-6123456"}
	}

	reopened, err := f.passage("G65高速城关出口", at(10, 12), data.Registration{Name: "孙志强", IDNumber: "610102198803152314",
		Phone: "13891234521", CameFrom: "西安市雁塔区", Celsius: 38.2, Plate: "陕G·3B721"})
	if err != nil {
		return err
	}
	if err := f.steps([]data.CaseStep{clinic(reopened, at(10, 30), "王医生"),
		{CaseID: reopened.ID, At: at(11, 40), Kind: data.StepResult, Result: data.RuledOut, Note: "复测37.1℃,核酸阴性"},
		{CaseID: reopened.ID, At: at(11, 50), Kind: data.StepClose, Note: "排除,已放行"},
		{CaseID: reopened.ID, At: at(16, 20), Kind: data.StepReopen, Note: "返家后再次发热,村医报告"},
		{CaseID: reopened.ID, At: at(16, 40), Kind: data.StepHandover, Unit: data.Community, Receiver: "东村网格员张伟",
			ReceiverPhone: "13909135566", Note: "上门测温,落实居家健康监测"},
	}); err != nil {
		return err
	}

	isolated, err := f.passage("省道S210县界", at(14, 30), data.Registration{Name: "马丽娟", IDNumber: "612301199105204528",
		Phone: "15891234876", CameFrom: "郑州市金水区", Celsius: 37.9})
	if err != nil {
		return err
	}
	if err := f.steps([]data.CaseStep{clinic(isolated, at(14, 50), "李医生"),
		{CaseID: isolated.ID, At: at(16, 10), Kind: data.StepResult, Result: data.ToIsolation, Note: "与确诊病例同乘,判定为密接"},
	}); err != nil {
		return err
	}
	if err := f.checkIn(isolated, at(17, 0)); err != nil {
		return err
	}

	watched, err := f.passage("城关镇中心卫生院哨点", at(20, 40), data.Registration{Name: "周海燕", Phone: "13709135210",
		CameFrom: "成都市武侯区", Outcome: data.HandedOver, Note: "黄码,交发热门诊复核"})
	if err != nil {
		return err
	}
	if err := f.steps([]data.CaseStep{clinic(watched, at(20, 55), "周医生"),
		{CaseID: watched.ID, At: at(22, 30), Kind: data.StepResult, Result: data.UnderWatch, Note: "发热门诊留观24小时"},
	}); err != nil {
		return err
	}

	waiting, err := f.passage("G65高速城关出口", f.now.Add(-100*time.Minute), data.Registration{Name: "吴建军",
		IDNumber: "410105197607123011", Phone: "18691236543", CameFrom: "郑州市金水区", Celsius: 37.6, Plate: "豫A·8K2F3"})
	if err != nil {
		return err
	}
	if err := f.steps([]data.CaseStep{clinic(waiting, f.now.Add(-85*time.Minute), "王医生")}); err != nil {
		return err
	}

	if _, err := f.passage("G65高速城关出口", f.now.Add(-25*time.Minute), data.Registration{Name: "郑小红",
		Phone: "13991237788", CameFrom: "宝鸡市渭滨区", Celsius: 37.5}); err != nil {
		return err
	}

	called, err := f.a.DB.OpenCase(f.ctx, data.Case{OpenedAt: f.now.Add(-190 * time.Minute), Place: "东村3组", Name: "李桂英",
		What: "村民来电:邻居李桂英从外地返乡,自述发热,未报备", FoundBy: f.clerk()})
	if err != nil {
		return err
	}
	return f.steps([]data.CaseStep{{CaseID: called, At: f.now.Add(-170 * time.Minute), Kind: data.StepHandover,
		Unit: data.Community, Receiver: "东村网格员张伟", ReceiverPhone: "13909135566", Note: "上门核实,测温"}})
}

// checkIn admits the person of a case to a room free from at until now,
// as the check-in from the case screen does: the last such room, so the
// first free ones stay free for whoever tries the demo.
func (f caseFollowUp) checkIn(c data.Case, at time.Time) error {
	sites, err := f.a.DB.Sites(f.ctx)
	if err != nil {
		return err
	}
	for _, s := range slices.Backward(sites) {
		then, err := f.a.DB.RoomBoard(f.ctx, s.ID, at)
		if err != nil {
			return err
		}
		now, err := f.a.DB.RoomBoard(f.ctx, s.ID, f.now)
		if err != nil {
			return err
		}
		freeNow := map[int64]bool{}
		for _, b := range now {
			freeNow[b.ID] = !b.OutOfService && b.State == data.RoomVacant
		}
		for _, b := range slices.Backward(then) {
			if b.OutOfService || b.State != data.RoomVacant || !freeNow[b.ID] {
				continue
			}
			_, err := f.a.DB.CheckIn(f.ctx, data.CheckIn{RoomID: b.ID, Name: c.Name, IDNumber: c.IDNumber, Phone: c.Phone,
				Category: data.GuestCategories[0], CameFrom: c.CameFrom, At: at, PlannedDays: 14, CaseID: c.ID,
				Note: "来自异常情况第" + fmt.Sprint(c.ID) + "号"})
			return err
		}
	}
	return nil // every room taken: the case stays sent to isolation, not yet admitted
}
