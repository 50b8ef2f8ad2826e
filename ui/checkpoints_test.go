package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

func enter(e *widget.Entry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func TestRegisterThreePassagesByTyping(t *testing.T) {
	a := openTestApp(t, false)
	shifts, _ := data.ParseShifts(data.ShiftPatterns["两班"])
	if _, err := a.DB.SaveCheckpoint(context.Background(), data.Checkpoint{Name: "G65高速城关出口", Kind: "交通卡口",
		Shifts: shifts, StaffPerShift: 2, OpenedOn: a.Now().AddDate(0, 0, -1)}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	var c *checkpoints
	for i, e := range s.entries {
		if cp, ok := e.page.(*checkpoints); ok {
			s.nav.Select(i)
			c = cp
		}
	}
	r := c.reg
	people := func() string { return c.dayRows[len(c.dayRows)-2][4] } // whole day, all checkpoints
	if people() != "0" {
		t.Fatalf("before: %v", c.dayRows)
	}

	test.Type(r.name, "赵建国")
	test.Type(r.idNumber, "11010519491231002x")
	test.Type(r.plate, "陕g12345")
	test.Type(r.passengers, "２")
	enter(r.plate)
	if r.name.Text != "" || !findLabel(r.box, "已保存:赵建国 陕G·12345") {
		t.Fatalf("first passage not saved or form not cleared: %q, %s", r.name.Text, r.saved.Text)
	}

	test.Type(r.name, "钱二")
	test.Type(r.celsius, "37.8")
	if r.outcome.Selected != "转送" || r.tempInfo.Text != "体温异常" {
		t.Fatalf("fever: outcome %q, flag %q", r.outcome.Selected, r.tempInfo.Text)
	}
	enter(r.celsius)

	test.Type(r.name, "孙三")
	test.Type(r.idNumber, "110105194912310021") // wrong check digit
	enter(r.name)
	if !r.override.Visible() || r.name.Text != "孙三" {
		t.Fatalf("a wrong check digit was not questioned, or the form was cleared: override %v, name %q, info %q, saved %q", r.override.Visible(), r.name.Text, r.idInfo.Text, r.saved.Text)
	}
	test.Type(r.override, "纸质身份证模糊,已电话核实")
	enter(r.override)

	got, _ := a.DB.RecentRegistrations(context.Background(), c.post.ID, 10)
	if len(got) != 3 || len(c.recent) != 3 {
		t.Fatalf("%d saved, %d listed", len(got), len(c.recent))
	}
	// 3 people + 2 passengers, 1 vehicle, 1 fever handed over.
	last := c.dayRows[len(c.dayRows)-2]
	if last[3] != "1" || last[4] != "5" || last[6] != "1" || last[7] != "1" {
		t.Fatalf("day totals %v", last)
	}
}
