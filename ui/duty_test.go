package ui

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
	"fangkong/reports"
)

func TestGenerateWeekThenSwapIntoShortRest(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	for i := range 10 {
		if _, err := a.DB.SaveStaff(ctx, data.Staff{Name: fmt.Sprintf("值班员%02d", i), Phone: fmt.Sprintf("1391234%04d", i),
			Kind: "干部", MayLead: i < 3, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	shifts := data.TwoShifts.Shifts()
	if _, err := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: "河湾村村口", Kind: "村口/小区卡口", Shifts: shifts,
		StaffPerShift: 1, OpenedOn: a.Now().AddDate(0, 0, -30)}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	d := pageOf[*duty](t, s)
	test.Tap(findButton(t, d.box, "本周自动排班"))
	// What the result says is what the grid shows: the places missing are
	// all on shifts already begun, and no rule is broken.
	c := d.counts()
	result := topOverlay(t, s)
	if c.missing == 0 || c.missing != c.pastMissing || c.warnings != 0 ||
		!findLabel(result, fmt.Sprintf("本周仍缺%d人次(表中红色),其中%d人次在已开始的班次。", c.missing, c.missing)) ||
		findLabel(result, "· ") || findLabel(result, "违反规则") || !findLabel(result, "不再补排") {
		t.Fatalf("the result does not agree with the grid %+v", c)
	}
	test.Tap(findButton(t, topOverlay(t, s), "关闭"))
	if !strings.Contains(d.note.Text, "0个班次违反规则") {
		t.Fatalf("grid note %q", d.note.Text)
	}
	// Every place still ahead is filled; what began before now (Monday,
	// Tuesday, this morning) is left as it was.
	for _, r := range d.week.Rows {
		for _, v := range r.Days {
			if v == nil {
				continue
			}
			if ahead := !v.Slot.Start.Before(a.Now()); ahead && v.Missing > 0 {
				t.Fatalf("%s %s still misses %d", r.Post.Name, v.Slot.Start, v.Missing)
			} else if !ahead && len(v.People) > 0 {
				t.Fatalf("%s %s, begun before now, was rostered", r.Post.Name, v.Slot.Start)
			}
		}
	}

	// Find P with a day shift (08:00) on some day D and another shift not
	// next to it, and Q on the night before D (20:00 on D−1). Swapping P's
	// other shift for Q's night leaves P no rest before the morning of D.
	type cell struct {
		row, col int
		v        *data.ShiftView
	}
	var cells []cell
	for row := 1; row <= len(d.week.Rows); row++ {
		for col := 1; col <= 7; col++ {
			if v := d.view(row, col); v != nil && len(v.People) == 1 {
				cells = append(cells, cell{row, col, v})
			}
		}
	}
	var other, night cell
	found := false
	for _, day := range cells {
		if day.v.Slot.Shift.Start != 8*60 || day.col < 2 {
			continue
		}
		p := day.v.People[0].StaffID
		for _, n := range cells {
			if n.col != day.col-1 || n.v.Slot.Shift.Start != 20*60 || n.v.People[0].StaffID == p {
				continue
			}
			for _, o := range cells {
				if o.v.People[0].StaffID == p && o.v != day.v && (o.col < day.col-2 || o.col > day.col+1) {
					other, night, found = o, n, true
				}
			}
		}
	}
	if !found {
		t.Fatal("no shifts to swap in the generated week")
	}
	p := other.v.People[0]
	d.openShift(*other.v)
	test.Tap(findButton(t, topOverlay(t, s), "调换"))
	form := topOverlay(t, s)
	var pick *searchPicker
	var note *textField
	for _, o := range test.LaidOutObjects(form) {
		switch w := o.(type) {
		case *searchPicker:
			pick = w
		case *textField:
			note = w
		}
	}
	// The shifts offered are in date order, found by typing the name.
	monthDay := regexp.MustCompile(`^(\d+)月(\d+)日`)
	last := 0
	for _, o := range pick.all {
		m := monthDay.FindStringSubmatch(o)
		month, _ := strconv.Atoi(m[1])
		day, _ := strconv.Atoi(m[2])
		if month*100+day < last {
			t.Fatalf("offered out of order: %q", pick.all)
		}
		last = month*100 + day
	}
	q := night.v.People[0]
	r := d.week.Rows[night.row-1]
	want := fmt.Sprintf("%s %s %s", reports.FormatDay(q.Start), r.Post.Name+" "+r.Shift.String(), q.Staff.Name)
	test.Type(pick, q.Staff.Name)
	if !slices.Contains(pick.shown, want) || slices.ContainsFunc(pick.shown, func(o string) bool { return !strings.Contains(o, q.Staff.Name) }) {
		t.Fatalf("typing %s offers %q", q.Staff.Name, pick.shown)
	}
	pick.SetText(want)
	if pick.chosen() < 0 {
		t.Fatal("the night shift is not offered")
	}
	test.Tap(findButton(t, form, "调换"))
	if !findLabel(form, "违反规则:两班之间休息不足") || s.win.Canvas().Overlays().Top() != form {
		t.Fatal("the short rest was not named in the form")
	}
	if v := d.view(other.row, other.col); v.People[0].StaffID != p.StaffID {
		t.Fatal("a refused swap changed the roster")
	}
	test.Type(note, "本人申请")
	test.Tap(findButton(t, form, "调换"))
	if v := d.view(night.row, night.col); v.People[0].StaffID != p.StaffID || !slices.Contains(v.Warnings, data.RuleRest) {
		t.Fatalf("after the swap: %+v", v)
	}
	lines := d.cell(night.row, night.col)
	if lines[0].text != "⚠"+p.Staff.Name+" *" || lines[0].color != theme.ColorNameWarning {
		t.Fatalf("the person who broke the rule is not the one marked: %+v", lines)
	}
	for _, l := range lines[1:] {
		if strings.Contains(l.text, "⚠") {
			t.Fatalf("someone else is marked too: %+v", lines)
		}
	}
	if !strings.Contains(d.note.Text, "违反规则") || strings.Contains(d.note.Text, "0个班次违反规则") {
		t.Fatalf("grid note %q", d.note.Text)
	}
	// 人员统计: tapping P lists P's shifts, the swapped night among them.
	var load data.PersonLoad
	for _, l := range d.loads.rows {
		if l.Staff.ID == p.StaffID {
			load = l
		}
	}
	swapped := false
	for _, a := range load.Assignments {
		swapped = swapped || a.Start.Equal(q.Start)
	}
	d.loads.showShifts(load)
	list := topOverlay(t, s)
	var table *widget.Table
	for _, o := range test.LaidOutObjects(list) {
		if tbl, ok := o.(*widget.Table); ok {
			table = tbl
		}
	}
	if !swapped || !findLabel(list, p.Staff.Name+"的值班安排") || table == nil {
		t.Fatal("the person's shifts are not listed")
	}
	if rows, _ := table.Length(); rows != len(load.Assignments) {
		t.Fatalf("%d rows for %d shifts", rows, len(load.Assignments))
	}
}

// With no police, a checkpoint that needs them is left open, and the
// result says why and what to change, once for the post rather than a
// line per shift; past days are not filled.
func TestRosterHolesSayWhatWouldFillThem(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	for i := range 8 {
		if _, err := a.DB.SaveStaff(ctx, data.Staff{Name: fmt.Sprintf("干部%02d", i), Phone: fmt.Sprintf("1391234%04d", i),
			Kind: "干部", MayLead: true, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: "G65高速城关出口", Kind: "交通卡口", Shifts: data.TwoShifts.Shifts(),
		StaffPerShift: 1, RequiredKind: "民警/辅警", OpenedOn: a.Now().AddDate(0, 0, -30)}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	d := pageOf[*duty](t, s)
	test.Tap(findButton(t, d.box, "本周自动排班"))
	result := topOverlay(t, s)
	if !findLabel(result, "· G65高速城关出口:") ||
		!findLabel(result, "该岗位需要民警/辅警,在册民警/辅警为0人:请在「人员」中添加民警/辅警,或在「卡口」中修改该卡口需要的人员类别。") {
		t.Fatal("the hole does not say what would fill it")
	}
	var text string
	for _, o := range test.LaidOutObjects(result) {
		if l, ok := o.(*widget.Label); ok {
			text += l.Text
		}
	}
	if n := strings.Count(text, "· G65高速城关出口"); n != 1 {
		t.Fatalf("the post is named %d times", n)
	}
	// Nothing was put on a shift that had begun.
	for _, r := range d.week.Rows {
		for _, v := range r.Days {
			if v != nil && v.Slot.Start.Before(a.Now()) && len(v.People) > 0 {
				t.Fatalf("%s %s, begun before now, was rostered", r.Post.Name, v.Slot.Start)
			}
		}
	}
}
