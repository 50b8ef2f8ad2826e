package data

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"testing"
	"time"
)

func TestParseShifts(t *testing.T) {
	good := map[string]string{
		"08:00-16:00,16:00-24:00,00:00-08:00": "00:00-08:00,08:00-16:00,16:00-00:00",
		"08:00-20:00、20:00-08:00":             "08:00-20:00,20:00-08:00",
		"０８:００-２０:００，20:00–08:00":             "08:00-20:00,20:00-08:00",
	}
	for in, want := range good {
		s, err := ParseShifts(in)
		if err != nil || formatShifts(s) != want {
			t.Errorf("ParseShifts(%q) = %q, %v; want %q", in, formatShifts(s), err, want)
		}
	}
	for _, in := range []string{"", "8-16", "08:00-08:00", "25:00-01:00", "08:00"} {
		if _, err := ParseShifts(in); !errors.Is(err, ErrBadShifts) {
			t.Errorf("ParseShifts(%q) = %v", in, err)
		}
	}
	night, _ := ParseShifts("08:00-20:00,20:00-08:00")
	if night[0].Night() || !night[1].Night() {
		t.Fatal("20:00-08:00 should be the night shift")
	}
	start, end := night[1].Window(fixedNow)
	if start.Format("01-02 15:04") != "11-25 20:00" || end.Format("01-02 15:04") != "11-26 08:00" {
		t.Fatalf("night window %v – %v", start, end)
	}
}

// highwayPost makes a road checkpoint with day and night shifts.
func highwayPost(t *testing.T, db *DB) int64 {
	t.Helper()
	shifts := TwoShifts.Shifts()
	id, err := db.SaveCheckpoint(context.Background(), Checkpoint{Name: "G65高速城关出口", Kind: "交通卡口",
		Location: "城关出口收费站", Shifts: shifts, StaffPerShift: 3, OpenedOn: fixedNow.AddDate(0, 0, -30)})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestRegisterNormalisesAndChecks(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	post := highwayPost(t, db)
	at := fixedNow
	id, err := db.Register(ctx, Registration{CheckpointID: post, At: at, Direction: "进", Name: "赵一",
		IDNumber: "11010519491231002x", Phone: "139 1234 5678", Plate: "陕g12345", Passengers: 2, Celsius: 36.5, HealthCode: "绿"})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := db.RecentRegistrations(ctx, post, 1)
	r := got[0]
	if r.ID != id || r.IDNumber != "11010519491231002X" || r.Plate != "陕G·12345" || r.Phone != "13912345678" || r.Outcome != "放行" {
		t.Fatalf("stored as %+v", r)
	}
	// A fever defaults the outcome to 转送.
	fever := Registration{CheckpointID: post, At: at, Direction: "进", Name: "钱二", Celsius: 37.3}
	db.Register(ctx, fever)
	if got, _ := db.RecentRegistrations(ctx, post, 1); got[0].Outcome != "转送" {
		t.Fatalf("fever outcome %q", got[0].Outcome)
	}
	cases := []struct {
		r     Registration
		field string
		err   error
	}{
		{Registration{Direction: "进", Name: "孙三", Celsius: 33.9}, "celsius", ErrBadTemperature},
		{Registration{Direction: "进"}, "name", ErrNameOrPlate},
		{Registration{Direction: "左", Name: "孙三"}, "direction", ErrBadChoice},
		{Registration{Direction: "进", Name: "孙三", Plate: "陕G1234"}, "plate", ErrBadPlate},
		{Registration{Direction: "进", Name: "孙三", IDNumber: "110105194912310021"}, "id_number", ErrIDCheckDigit},
		{Registration{Direction: "进", Name: "孙三", HealthCode: "蓝"}, "health_code", ErrBadChoice},
	}
	for _, c := range cases {
		c.r.CheckpointID, c.r.At = post, at
		_, err := db.Register(ctx, c.r)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, c.err) {
			t.Errorf("Register(%+v) = %v; want %s: %v", c.r, err, c.field, c.err)
		}
	}
	// A misread paper ID may be accepted knowingly, with the reason kept.
	misread := Registration{CheckpointID: post, At: at, Direction: "出", Name: "孙三", IDNumber: "110105194912310021",
		IDOverride: "纸质身份证模糊,已电话核实"}
	if _, err := db.Register(ctx, misread); err != nil {
		t.Fatalf("override: %v", err)
	}
	if got, _ := db.RecentRegistrations(ctx, post, 1); got[0].IDOverride != "纸质身份证模糊,已电话核实" {
		t.Fatalf("override reason %q", got[0].IDOverride)
	}
	// A closed checkpoint takes no registrations after it closed.
	c, _ := db.CheckpointByID(ctx, post)
	c.ClosedOn = fixedNow
	if _, err := db.SaveCheckpoint(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Register(ctx, Registration{CheckpointID: post, At: fixedNow.Add(time.Hour), Direction: "进", Name: "周四"}); !errors.Is(err, ErrCheckpointClosed) {
		t.Fatalf("closed checkpoint: %v", err)
	}
}

func TestVoidAndTalliesInDayTotals(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	post := highwayPost(t, db)
	day := StartOfDay(fixedNow)
	reg := func(at time.Time, r Registration) int64 {
		r.CheckpointID, r.At = post, at
		if r.Direction == "" {
			r.Direction = "进"
		}
		id, err := db.Register(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	// Day shift (08:00–20:00): a car with two passengers, a turned-back walker, and a mistake voided.
	reg(day.Add(9*time.Hour), Registration{Name: "赵一", Plate: "陕G12345", Passengers: 2, Celsius: 36.4})
	reg(day.Add(10*time.Hour), Registration{Name: "钱二", Outcome: "劝返"})
	wrong := reg(day.Add(11*time.Hour), Registration{Name: "孙三", Celsius: 38.0})
	if err := db.Void(ctx, wrong, ""); !errors.Is(err, ErrReasonRequired) {
		t.Fatalf("void without reason: %v", err)
	}
	if err := db.Void(ctx, wrong, "体温录错,应为36.8"); err != nil {
		t.Fatal(err)
	}
	if err := db.Void(ctx, wrong, "again"); !errors.Is(err, ErrAlreadyVoided) {
		t.Fatalf("void twice: %v", err)
	}
	// Night shift (20:00–08:00 next morning): a registration at 01:00, and the paper tally for the shift.
	reg(day.AddDate(0, 0, 1).Add(time.Hour), Registration{Name: "李四"})
	shifts := TwoShifts.Shifts()
	if err := db.SaveTally(ctx, Tally{CheckpointID: post, ShiftStart: day, Shift: shifts[1],
		Counts: Counts{Vehicles: 12, People: 20, TurnedBack: 2, Fevers: 1, HandedOver: 1}, Staff: "王五、赵六"}); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveTally(ctx, Tally{CheckpointID: post, ShiftStart: day, Shift: shifts[1]}); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("second tally for a shift: %v", err)
	}

	// As recorded by the next day (the test's clock stands at 09:30).
	days, err := db.dayTotalsAsOf(ctx, day, day.AddDate(0, 0, 2))
	if err != nil || len(days) != 1 {
		t.Fatalf("%v, %v", days, err)
	}
	d := days[0]
	dayShift, nightShift := d.Shifts[0], d.Shifts[1]
	if dayShift.Source != FromRegistrations || dayShift.Counts != (Counts{Vehicles: 1, People: 4, TurnedBack: 1}) {
		t.Fatalf("day shift %+v", dayShift)
	}
	if nightShift.Source != FromBoth || nightShift.Counts != (Counts{Vehicles: 12, People: 20, TurnedBack: 2, Fevers: 1, HandedOver: 1}) {
		t.Fatalf("night shift %+v", nightShift)
	}
	if d.Total != (Counts{Vehicles: 13, People: 24, TurnedBack: 3, Fevers: 1, HandedOver: 1}) || d.Night != nightShift.Counts {
		t.Fatalf("totals %+v night %+v", d.Total, d.Night)
	}
	// The voided entry is still there, marked.
	recent, _ := db.RecentRegistrations(ctx, post, 10)
	found := false
	for _, r := range recent {
		if r.ID == wrong {
			found = !r.VoidedAt.IsZero() && r.VoidReason == "体温录错,应为36.8"
		}
	}
	if !found {
		t.Fatal("the voided registration is not kept as voided")
	}
	// A day with nothing entered says so rather than printing zeros.
	days, _ = db.DayTotals(ctx, day.AddDate(0, 0, -3))
	if days[0].Shifts[0].Source != NotFiled || days[0].Shifts[1].Source != NotFiled {
		t.Fatalf("empty day %+v", days[0].Shifts)
	}
	// A shift that has not begun yet is not missing.
	days, _ = db.DayTotals(ctx, fixedNow.AddDate(0, 0, 1))
	if days[0].Shifts[0].Source != NotStarted || days[0].Shifts[1].Source != NotStarted {
		t.Fatalf("tomorrow %+v", days[0].Shifts)
	}
}

func TestSearchRegistrations(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	post := highwayPost(t, db)
	for _, r := range []Registration{
		{Name: "赵建国", IDNumber: "11010519491231002X", Phone: "13912345678", Plate: "陕G12345"},
		{Name: "赵小红", IDNumber: "440524198001010013", Plate: "陕AD12345"},
		{Name: "钱二", Phone: "0913-2345678"},
	} {
		r.CheckpointID, r.At, r.Direction = post, fixedNow, "进"
		if _, err := db.Register(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	search := map[string][]string{
		"002X":               {"赵建国"},
		"002x":               {"赵建国"},
		"0013":               {"赵小红"},
		"11010519491231002X": {"赵建国"},
		"陕g·12345":           {"赵建国"},
		"陕AD12345":           {"赵小红"},
		"陕G":                 {"赵建国"},
		"陕a":                 {"赵小红"},
		"陕G 123":             {"赵建国"},
		"赵":                  {"赵小红", "赵建国"},
		"赵建":                 {"赵建国"},
		"13912345678":        {"赵建国"},
		"09132345678":        {"钱二"},
		"9999":               nil,
	}
	for q, want := range search {
		got, err := db.SearchRegistrations(ctx, RegistrationQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range got {
			names = append(names, r.Name)
		}
		if len(names) != len(want) {
			t.Errorf("search %q = %v, want %v", q, names, want)
			continue
		}
		for i := range want {
			if names[i] != want[i] {
				t.Errorf("search %q = %v, want %v", q, names, want)
			}
		}
	}
}

func TestBatchIsAllOrNothingAndRegistrationsKeepTheOperator(t *testing.T) {
	db := openTest(t)
	ctx := WithOperator(context.Background(), Operator{ID: 1, Name: "刘芳"})
	post := highwayPost(t, db)
	batch := []Registration{
		{CheckpointID: post, At: fixedNow, Direction: "进", Name: "赵一"},
		{CheckpointID: post, At: fixedNow, Direction: "进", Name: "钱二", Plate: "陕G1234"},
	}
	registerAll := func(ctx context.Context) error {
		for _, r := range batch {
			if _, err := db.Register(ctx, r); err != nil {
				return err
			}
		}
		return nil
	}
	if err := db.Batch(ctx, registerAll); !errors.Is(err, ErrBadPlate) {
		t.Fatalf("bad plate in a batch: %v", err)
	}
	if got, _ := db.RecentRegistrations(ctx, post, 10); len(got) != 0 {
		t.Fatalf("a refused batch left %d rows", len(got))
	}
	batch[1].Plate = "陕G12345"
	if err := db.Batch(ctx, registerAll); err != nil {
		t.Fatal(err)
	}
	got, _ := db.RecentRegistrations(ctx, post, 10)
	if len(got) != 2 || got[0].RegisteredBy != "刘芳" || got[1].RegisteredBy != "刘芳" {
		t.Fatalf("stored %+v", got)
	}
}

func TestSearchRegistrationsFilters(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	road := highwayPost(t, db)
	shifts := TwoShifts.Shifts()
	village, err := db.SaveCheckpoint(ctx, Checkpoint{Name: "河湾村村口", Kind: "村口/小区卡口", Shifts: shifts,
		StaffPerShift: 2, OpenedOn: fixedNow.AddDate(0, 0, -30)})
	if err != nil {
		t.Fatal(err)
	}
	day := StartOfDay(fixedNow)
	for _, r := range []Registration{
		{CheckpointID: road, At: day.Add(-2 * time.Hour), Name: "赵一"},
		{CheckpointID: road, At: day.Add(9 * time.Hour), Name: "赵二", Outcome: "劝返"},
		{CheckpointID: village, At: day.Add(10 * time.Hour), Name: "赵三"},
		{CheckpointID: village, At: day.Add(34 * time.Hour), Name: "赵四"},
	} {
		r.Direction = "进"
		if _, err := db.Register(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		q    RegistrationQuery
		want string
	}{
		{RegistrationQuery{Text: "赵"}, "赵四赵三赵二赵一"},
		{RegistrationQuery{Text: "赵", CheckpointID: village}, "赵四赵三"},
		{RegistrationQuery{From: day, Upto: day.AddDate(0, 0, 1)}, "赵三赵二"},
		{RegistrationQuery{Outcome: "劝返"}, "赵二"},
		{RegistrationQuery{CheckpointID: road, Outcome: "放行"}, "赵一"},
		{RegistrationQuery{Text: "赵", Limit: 1}, "赵四"},
	}
	for _, c := range cases {
		got, err := db.SearchRegistrations(ctx, c.q)
		if err != nil {
			t.Fatal(err)
		}
		names := ""
		for _, r := range got {
			names += r.Name
		}
		if names != c.want {
			t.Errorf("search %+v = %s, want %s", c.q, names, c.want)
		}
	}
}

// A search reads a page at a time, newest first, the next page starting
// after the last one shown, whether its text matches few passages (put in
// order off the name's index) or many (met walking back in time): page by
// page the same passages, in the same order, as one plain SQL query.
func TestSearchPagesNewestFirst(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	post := highwayPost(t, db)
	// 30,000 passages over ten days: two in three 王 (more than
	// denseMatches), one in three hundred 赵; three to the same second, so
	// the order needs the id as well.
	tx, err := db.sql.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := range denseMatches * 3 / 2 {
		name := "李四"
		switch {
		case i%3 != 0:
			name = "王" + strconv.Itoa(i%7)
		case i%300 == 0:
			name = "赵六"
		}
		at := fixedNow.Add(-time.Duration(i/3) * 10 * time.Second)
		if _, err := tx.Exec(`INSERT INTO registrations (checkpoint_id, at, direction, name, passengers, outcome, created_at)
			VALUES (?, ?, '进', ?, 0, '放行', ?)`, post, formatTime(at), name, formatTime(at)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"王", "赵六"} {
		var want []int64
		rows, _ := db.sql.Query("SELECT id FROM registrations WHERE name >= ? AND name < ? ORDER BY at DESC, id DESC", text, text+"\U0010FFFF")
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			want = append(want, id)
		}
		rows.Close()
		var got []int64
		q := RegistrationQuery{Text: text}
		for page := 0; ; page++ {
			rs, err := db.SearchRegistrations(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				got = append(got, r.ID)
			}
			if len(rs) < SearchPage || page > 3 {
				break
			}
			q.After = rs[len(rs)-1]
		}
		n := min(len(want), len(got))
		if n < min(len(want), 4*SearchPage) || !slices.Equal(got[:n], want[:n]) {
			t.Fatalf("%s: %d paged, %d by SQL; first differ at %d", text, len(got), len(want),
				slices.IndexFunc(got, func(id int64) bool { return !slices.Contains(want[:n], id) }))
		}
	}
}
