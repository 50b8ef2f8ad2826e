package data

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// openTestAt opens a fresh database on a clock the test moves.
func openTestAt(t *testing.T, now *time.Time) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), func() time.Time { return *now })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// feverAtTheGate registers a passage with a fever at post and returns the
// case it opened.
func feverAtTheGate(t *testing.T, db *DB, post int64, at time.Time, name string) Case {
	t.Helper()
	ctx := context.Background()
	regID, err := db.Register(ctx, Registration{CheckpointID: post, At: at, Direction: "进", Name: name,
		IDNumber: "11010519491231002X", Phone: "13912345678", CameFrom: "西安市雁塔区", Celsius: 37.8})
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.Cases(ctx, CaseQuery{Text: name})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.RegistrationID == regID {
			return c
		}
	}
	t.Fatalf("no case for the fever passage of %s: %+v", name, list)
	return Case{}
}

// step records a step as the duty clerk 值班员李娜.
func step(t *testing.T, db *DB, s CaseStep) {
	t.Helper()
	if _, err := db.AddCaseStep(WithOperator(context.Background(), Operator{ID: 3, Name: "值班员李娜"}), s); err != nil {
		t.Fatalf("step %s: %v", s.Kind, err)
	}
}

func TestCaseFollowsThePersonFromCheckpointToHospital(t *testing.T) {
	now := fixedNow
	db := openTestAt(t, &now)
	ctx := WithOperator(context.Background(), Operator{ID: 3, Name: "值班员李娜"})
	post := highwayPost(t, db)
	siteID, rooms := siteWithRooms(t, db)

	// A fever at the gate opens its case, in the passage's transaction.
	c := feverAtTheGate(t, db, post, fixedNow.Add(-90*time.Minute), "赵一")
	if c.Source != CheckpointFever || c.Place != "G65高速城关出口" || c.Celsius != 37.8 || !c.Open ||
		c.IDNumber != "11010519491231002X" || c.Phone != "13912345678" || c.CameFrom != "西安市雁塔区" {
		t.Fatalf("case as opened: %+v", c)
	}
	// A turned-back passage without fever opens none.
	db.Register(ctx, Registration{CheckpointID: post, At: fixedNow.Add(-time.Hour), Direction: "进", Name: "钱二", Outcome: "劝返"})
	if all, _ := db.Cases(ctx, CaseQuery{}); len(all) != 1 {
		t.Fatalf("cases after a turn-back: %d", len(all))
	}

	// A hand-over needs its receiver, and a time neither future nor before the case.
	bad := []struct {
		s     CaseStep
		field string
		err   error
	}{
		{CaseStep{CaseID: c.ID, Kind: StepHandover, Unit: FeverClinic}, "receiver", ErrReceiverRequired},
		{CaseStep{CaseID: c.ID, Kind: StepHandover, Unit: "卫生院", Receiver: "王医生"}, "unit", ErrBadChoice},
		{CaseStep{CaseID: c.ID, Kind: StepHandover, Unit: FeverClinic, Receiver: "王医生", At: fixedNow.Add(time.Minute)}, "at", ErrTimeInFuture},
		{CaseStep{CaseID: c.ID, Kind: StepHandover, Unit: FeverClinic, Receiver: "王医生", At: fixedNow.Add(-2 * time.Hour)}, "at", ErrBeforeCase},
		{CaseStep{CaseID: c.ID, Kind: StepResult}, "result", ErrBadChoice},
		{CaseStep{CaseID: c.ID, Kind: StepClose}, "note", ErrConclusionNeeded},
	}
	for _, b := range bad {
		_, err := db.AddCaseStep(ctx, b.s)
		if !isField(err, b.field, b.err) {
			t.Errorf("%s %+v: %v; want %v beside %s", b.s.Kind, b.s, err, b.err, b.field)
		}
	}
	if _, err := db.AddCaseStep(ctx, CaseStep{CaseID: c.ID, Kind: StepFever}); !errors.Is(err, ErrStepNotByHand) {
		t.Errorf("a fever step by hand: %v", err)
	}
	step(t, db, CaseStep{CaseID: c.ID, At: fixedNow.Add(-80 * time.Minute), Kind: StepHandover, Unit: FeverClinic,
		Receiver: "王医生", ReceiverPhone: "0913 6123456"})
	step(t, db, CaseStep{CaseID: c.ID, At: fixedNow.Add(-30 * time.Minute), Kind: StepResult, Result: ToIsolation, Note: "密接"})

	// Checked in from the case: the stay points back to it, the case says where.
	gid, err := db.CheckIn(ctx, CheckIn{RoomID: rooms["201"], Name: c.Name, IDNumber: c.IDNumber, Phone: c.Phone,
		Category: "密切接触者", PlannedDays: 14, At: fixedNow.Add(-10 * time.Minute), CaseID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	g, _ := db.GuestByID(ctx, gid)
	if g.CaseID != c.ID {
		t.Fatalf("guest's case %d, want %d", g.CaseID, c.ID)
	}
	// A positive there is a step on the same case, not a new one.
	now = fixedNow.Add(3 * time.Hour)
	tests, _ := db.GuestTests(ctx, gid)
	if err := db.RecordTestResult(ctx, tests[0].ID, now, TestPositive); err != nil {
		t.Fatal(err)
	}
	// Recorded again (a corrected time), it is not a second finding.
	if err := db.RecordTestResult(ctx, tests[0].ID, now.Add(-time.Minute), TestPositive); err != nil {
		t.Fatal(err)
	}
	now = now.Add(2 * time.Hour)
	if err := db.EndIsolation(ctx, gid, "转院", now.Add(-time.Hour), "120送市定点医院"); err != nil {
		t.Fatal(err)
	}
	if all, _ := db.Cases(ctx, CaseQuery{}); len(all) != 1 {
		t.Fatalf("the positive and the transfer opened new cases: %d", len(all))
	}

	// Closing needs the conclusion and may not precede the last step.
	if _, err := db.AddCaseStep(ctx, CaseStep{CaseID: c.ID, Kind: StepClose, Note: "已转院", At: now.Add(-2 * time.Hour)}); !isField(err, "at", ErrBeforeLastStep) {
		t.Fatalf("closing before the last step: %v", err)
	}
	if _, err := db.AddCaseStep(ctx, CaseStep{CaseID: c.ID, Kind: StepReopen, Note: "复查"}); !errors.Is(err, ErrCaseNotClosed) {
		t.Fatalf("reopening an open case: %v", err)
	}
	step(t, db, CaseStep{CaseID: c.ID, Kind: StepClose, Note: "已转市定点医院救治"})
	if _, err := db.AddCaseStep(ctx, CaseStep{CaseID: c.ID, Kind: StepResult, Result: Confirmed}); !errors.Is(err, ErrCaseClosed) {
		t.Fatalf("a step on a closed case: %v", err)
	}
	if _, err := db.AddCaseStep(ctx, CaseStep{CaseID: c.ID, Kind: StepReopen}); !isField(err, "note", ErrReasonRequired) {
		t.Fatalf("reopening without a reason: %v", err)
	}

	got, steps, err := db.CaseWithSteps(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, s := range steps {
		kinds = append(kinds, string(s.Kind)+string(s.Result)+string(s.Unit))
	}
	want := "移交发热门诊 结果转集中隔离 入住 阳性 结果转院 办结"
	if strings.Join(kinds, " ") != want || got.Open {
		t.Fatalf("steps %q (open %v), want %q", strings.Join(kinds, " "), got.Open, want)
	}
	if steps[0].Receiver != "王医生" || steps[0].ReceiverPhone != "0913-6123456" || steps[0].RecordedBy != "值班员李娜" ||
		steps[2].Note != "城关镇隔离点一 3号楼201" || steps[4].Note != "120送市定点医院" {
		t.Fatalf("steps as kept: %+v", steps)
	}
	// A check-in from a closed case is refused, and nothing is admitted.
	if _, err := db.CheckIn(ctx, CheckIn{RoomID: rooms["202"], Name: "孙三", Category: "密切接触者", Sex: "男",
		PlannedDays: 14, CaseID: c.ID}); !errors.Is(err, ErrCaseClosed) {
		t.Fatalf("check-in from a closed case: %v", err)
	}
	if in, _ := db.Guests(ctx, GuestQuery{SiteID: siteID, Text: "孙三"}); len(in) != 0 {
		t.Fatalf("admitted despite the refusal: %v", in)
	}
	step(t, db, CaseStep{CaseID: c.ID, Kind: StepReopen, Note: "家属反映情况有误,重新核实"})
	if got, _, _ := db.CaseWithSteps(ctx, c.ID); !got.Open {
		t.Fatal("reopened case is not open")
	}
}

func TestCasesAreAppendOnly(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	id, err := db.OpenCase(ctx, Case{Name: "李四", What: "村民来电:邻居发热", Place: "东村", FoundBy: "张伟"})
	if err != nil {
		t.Fatal(err)
	}
	step(t, db, CaseStep{CaseID: id, Kind: StepHandover, Unit: Community, Receiver: "东村网格员"})
	for _, stmt := range []string{
		"UPDATE cases SET name = '王五'", "DELETE FROM cases",
		"UPDATE case_steps SET receiver = '别人'", "DELETE FROM case_steps",
	} {
		if _, err := db.sql.Exec(stmt); err == nil || !strings.Contains(err.Error(), "never") {
			t.Errorf("%s: %v", stmt, err)
		}
	}
	c, steps, _ := db.CaseWithSteps(ctx, id)
	if c.Name != "李四" || len(steps) != 1 || steps[0].Receiver != "东村网格员" {
		t.Fatalf("after the refused edits: %+v %+v", c, steps)
	}
	// Opened by hand, the matter is required; the person is not.
	if _, err := db.OpenCase(ctx, Case{Place: "东村"}); !isField(err, "what", ErrMatterNeeded) {
		t.Fatalf("a case without its matter: %v", err)
	}
}

func TestOverdueCasesStandFirst(t *testing.T) {
	now := fixedNow
	db := openTestAt(t, &now)
	ctx := context.Background()
	post := highwayPost(t, db)
	first := feverAtTheGate(t, db, post, fixedNow.Add(-5*time.Hour), "赵一")  // stepped 30 minutes ago
	middle := feverAtTheGate(t, db, post, fixedNow.Add(-4*time.Hour), "钱二") // no step for 4 hours
	last := feverAtTheGate(t, db, post, fixedNow.Add(-3*time.Hour), "孙三")   // no step for 3 hours
	fresh := feverAtTheGate(t, db, post, fixedNow.Add(-time.Hour), "李四")    // within the limit
	closed := feverAtTheGate(t, db, post, fixedNow.Add(-6*time.Hour), "周五")
	step(t, db, CaseStep{CaseID: first.ID, At: fixedNow.Add(-30 * time.Minute), Kind: StepHandover, Unit: FeverClinic, Receiver: "王医生"})
	step(t, db, CaseStep{CaseID: closed.ID, At: fixedNow.Add(-5 * time.Hour), Kind: StepClose, Result: RuledOut, Note: "复测正常"})

	order := func(q CaseQuery) []int64 {
		list, err := db.Cases(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, c := range list {
			ids = append(ids, c.ID)
		}
		return ids
	}
	// Overdue first, the longest without a step at the top; then the newest.
	if got, want := order(CaseQuery{OpenOnly: true}), []int64{middle.ID, last.ID, fresh.ID, first.ID}; !slices.Equal(got, want) {
		t.Fatalf("open cases %v, want %v", got, want)
	}
	if got, want := order(CaseQuery{}), []int64{middle.ID, last.ID, fresh.ID, first.ID, closed.ID}; !slices.Equal(got, want) {
		t.Fatalf("all cases %v, want %v", got, want)
	}
	s, err := db.OpenCasesNow(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if s.Open != 4 || s.Overdue != 2 || !s.Oldest.Equal(first.OpenedAt) || len(s.First) != 2 || s.First[0].ID != middle.ID {
		t.Fatalf("summary %+v", s)
	}
	// The limit is set in 设置: 5 hours makes none overdue.
	if err := db.SaveCaseOverdueHours(ctx, 0); !isField(err, "overdue_hours", ErrCaseOverdueHours) {
		t.Fatalf("0 hours: %v", err)
	}
	if err := db.SaveCaseOverdueHours(ctx, 5); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.OpenCasesNow(ctx, 0); s.Overdue != 0 {
		t.Fatalf("overdue at 5 hours: %d", s.Overdue)
	}
	// A voided passage settles its case.
	if err := db.Void(ctx, last.RegistrationID, "录入错误,体温36.8"); err != nil {
		t.Fatal(err)
	}
	c, steps, _ := db.CaseWithSteps(ctx, last.ID)
	if c.Open || len(steps) != 1 || steps[0].Result != VoidedPassage || steps[0].Note != "录入错误,体温36.8" {
		t.Fatalf("case of a voided passage: %+v %+v", c, steps)
	}
}

func TestSiteFindingsOpenOneCasePerGuest(t *testing.T) {
	now := fixedNow
	db := openTestAt(t, &now)
	ctx := context.Background()
	_, rooms := siteWithRooms(t, db)
	gid, err := db.CheckIn(ctx, guest(rooms["201"], "赵一", "11010519491231002X"))
	if err != nil {
		t.Fatal(err)
	}
	now = fixedNow.Add(6 * time.Hour)
	// Two fevers in one round of readings and a positive: one case, its steps.
	if err := db.RecordTemperatures(ctx, []Reading{{GuestID: gid, TakenAt: fixedNow.Add(time.Hour), Celsius: 37.6},
		{GuestID: gid, TakenAt: fixedNow.Add(2 * time.Hour), Celsius: 38.1}}); err != nil {
		t.Fatal(err)
	}
	tests, _ := db.GuestTests(ctx, gid)
	if err := db.RecordTestResult(ctx, tests[0].ID, fixedNow.Add(3*time.Hour), TestPositive); err != nil {
		t.Fatal(err)
	}
	list, _ := db.Cases(ctx, CaseQuery{})
	if len(list) != 1 || list[0].Source != SiteFever || list[0].Celsius != 37.6 || list[0].GuestID != gid ||
		list[0].Place != "城关镇隔离点一 3号楼201" || list[0].LastStep.Kind != StepPositive {
		t.Fatalf("cases %+v", list)
	}
	_, steps, _ := db.CaseWithSteps(ctx, list[0].ID)
	if len(steps) != 2 || steps[0].Kind != StepFever || steps[0].Celsius != 38.1 {
		t.Fatalf("steps %+v", steps)
	}
	// Once it is settled, a new fever is a new case.
	step(t, db, CaseStep{CaseID: list[0].ID, Kind: StepClose, Note: "复核阴性"})
	if err := db.RecordTemperature(ctx, gid, fixedNow.Add(5*time.Hour), 37.5); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.Cases(ctx, CaseQuery{OpenOnly: true}); len(list) != 1 || list[0].Source != SiteFever {
		t.Fatalf("after a new fever: %+v", list)
	}
	// A normal reading finds nothing.
	if err := db.RecordTemperature(ctx, gid, fixedNow.Add(5*time.Hour+time.Minute), 36.6); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.Cases(ctx, CaseQuery{}); len(list) != 2 {
		t.Fatalf("cases after a normal reading: %d", len(list))
	}
}

func TestZeroReportOnlyWhenNoCaseOpenedOrOpen(t *testing.T) {
	day1 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local)
	now := day1.Add(10 * time.Hour)
	db := openTestAt(t, &now)
	ctx := context.Background()
	db.SavePostInfo(ctx, PostInfo{Township: "城关镇", PostName: "城关镇疫情防控指挥部", DutyPhone: "0913-2345678"})

	// Day 1: a call, settled the same evening. Day 2: quiet. Day 3: a call
	// that stays open. Day 4: nothing happens, the case is still open.
	// Day 5: it is settled in the morning, reopened at noon, settled again
	// at night. Day 6: quiet again.
	settled, _ := db.OpenCase(ctx, Case{Name: "李四", What: "村民来电:邻居发热", OpenedAt: day1.Add(9 * time.Hour)})
	now = day1.Add(20 * time.Hour)
	step(t, db, CaseStep{CaseID: settled, Kind: StepClose, Note: "复测正常"})
	now = day1.AddDate(0, 0, 2).Add(11 * time.Hour)
	carried, _ := db.OpenCase(ctx, Case{Name: "王五", What: "外地返乡未报备", OpenedAt: day1.AddDate(0, 0, 2).Add(10 * time.Hour)})
	now = day1.AddDate(0, 0, 4).Add(8 * time.Hour)
	step(t, db, CaseStep{CaseID: carried, Kind: StepClose, Note: "已落实居家健康监测"})
	now = day1.AddDate(0, 0, 4).Add(12 * time.Hour)
	step(t, db, CaseStep{CaseID: carried, Kind: StepReopen, Note: "未按要求居家"})
	now = day1.AddDate(0, 0, 4).Add(22 * time.Hour)
	step(t, db, CaseStep{CaseID: carried, Kind: StepClose, Note: "已转集中隔离"})
	now = day1.AddDate(0, 0, 6).Add(9 * time.Hour)

	want := []struct {
		opened, closed, open int
		zero                 bool
	}{{1, 1, 0, false}, {0, 0, 0, true}, {1, 0, 1, false}, {0, 0, 1, false}, {0, 1, 0, true}, {0, 0, 0, true}}
	for i, w := range want {
		day := day1.AddDate(0, 0, i)
		f, err := db.DailyFigures(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		got := *f.Cases
		if got.Opened != w.opened || got.Closed != w.closed || got.Open != w.open || f.Abnormal() == w.zero {
			t.Errorf("%s: %+v, zero report %v; want %+v", day.Format("01-02"), got, !f.Abnormal(), w)
		}
		if sql := caseFiguresBySQL(t, db, day, day.AddDate(0, 0, 1).Add(-time.Second)); sql != got {
			t.Errorf("%s: figures %+v, the test's own SQL %+v", day.Format("01-02"), got, sql)
		}
	}
	// Day 5 closed and reopened and closed: the case counts once as settled.
	// The day's cases for the 重要情况 of day 4: the one carried, open.
	stories, err := db.DayCases(ctx, day1.AddDate(0, 0, 3))
	if err != nil || len(stories) != 1 || stories[0].ID != carried || !stories[0].Open || len(stories[0].Steps) != 0 {
		t.Fatalf("day 4's cases: %+v, %v", stories, err)
	}
	stories, _ = db.DayCases(ctx, day1.AddDate(0, 0, 4))
	if len(stories) != 1 || stories[0].Open || len(stories[0].Steps) != 3 {
		t.Fatalf("day 5's cases: %+v", stories)
	}
	if stories, _ := db.DayCases(ctx, day1.AddDate(0, 0, 5)); len(stories) != 0 {
		t.Fatalf("day 6's cases: %+v", stories)
	}
}

// caseFiguresBySQL counts a day's cases with the test's own SQL: every
// case's state at the moment from a window over all its closings and
// reopenings, with no help from open_cases.
func caseFiguresBySQL(t *testing.T, db *DB, day, state time.Time) CaseFigures {
	t.Helper()
	var f CaseFigures
	err := db.sql.QueryRow(`WITH marks AS (
			SELECT case_id, kind, at, row_number() OVER (PARTITION BY case_id ORDER BY at DESC, id DESC) AS n
			FROM case_steps WHERE kind IN ('办结', '重新打开') AND at <= ?2),
		at_state AS (SELECT c.id, coalesce(m.kind, '未办结') AS state FROM cases c
			LEFT JOIN marks m ON m.case_id = c.id AND m.n = 1 WHERE c.opened_at <= ?2)
		SELECT
			(SELECT count(*) FROM cases WHERE date(opened_at) = date(?1) AND opened_at <= ?2),
			(SELECT count(*) FROM at_state a WHERE a.state = '办结'
				AND EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = a.id AND s.kind = '办结' AND date(s.at) = date(?1) AND s.at <= ?2)),
			(SELECT count(*) FROM at_state WHERE state != '办结')`,
		formatTime(day), formatTime(state)).Scan(&f.Opened, &f.Closed, &f.Open)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
