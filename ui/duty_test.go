package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
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
	if !findLabel(topOverlay(t, s), "全部符合规则") {
		t.Fatal("the week was not filled without holes")
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
	var pick *widget.Select
	var note *textField
	for _, o := range test.LaidOutObjects(form) {
		switch w := o.(type) {
		case *widget.Select:
			pick = w
		case *textField:
			note = w
		}
	}
	q := night.v.People[0]
	r := d.week.Rows[night.row-1]
	pick.SetSelected(fmt.Sprintf("%s %s %s", reports.FormatDay(q.Start), r.Post.Name+" "+r.Shift.String(), q.Staff.Name))
	if pick.Selected == "" {
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
	if text, _ := d.cell(night.row, night.col); !strings.Contains(text, "⚠") || !strings.Contains(text, "*") {
		t.Fatalf("the cell does not show the warning: %q", text)
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
