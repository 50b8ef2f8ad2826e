package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"fangkong/data"
)

// The passage's choices are one Tab stop each, moved with the arrows;
// nothing clears them; after an 出 passage the next starts on 进.
func TestChoicesTakeTheArrowsAndOneTab(t *testing.T) {
	a := openTestApp(t, false)
	gateAndSite(t, a)
	s := newTestShell(t, a)
	c := s.win.Canvas()
	r := pageOf[*checkpoints](t, s).reg

	c.Focus(r.direction)
	press(c, fyne.KeyRight)
	r.direction.TypedRune(' ')
	press(c, fyne.KeySpace)
	if r.direction.Selected != "出" {
		t.Fatalf("Right, then Space: %q", r.direction.Selected)
	}
	c.FocusNext()
	if c.Focused() != r.name {
		t.Fatalf("Tab from 方向 went to %T, not 姓名", c.Focused())
	}

	c.Focus(r.health)
	first := r.health.Selected
	press(c, fyne.KeyLeft)
	press(c, fyne.KeyRight)
	if r.health.Selected != first {
		t.Fatalf("Left then Right: %q, was %q", r.health.Selected, first)
	}
	tabs := 0
	for c.Focused() != r.note && tabs < 10 {
		c.FocusNext()
		tabs++
	}
	if tabs != 2 { // 健康码, 处置, 备注
		t.Fatalf("%d Tabs from 健康码 to 备注", tabs)
	}

	// A tap on an option chooses it and gives the choice the keyboard.
	for _, o := range test.LaidOutObjects(r.outcome) {
		if opt, ok := o.(*choiceOption); ok && opt.option == "劝返" {
			test.Tap(opt)
		}
	}
	if r.outcome.Selected != "劝返" || c.Focused() != r.outcome {
		t.Fatalf("tapped 劝返: %q, keyboard in %T", r.outcome.Selected, c.Focused())
	}
	r.outcome.SetSelected("放行")

	c.Focus(r.name)
	test.Type(r.name, "赵建国")
	press(c, fyne.KeyReturn)
	got, _ := a.DB.RecentRegistrations(context.Background(), pageOf[*checkpoints](t, s).post.ID, 5)
	if len(got) != 1 || got[0].Direction != data.Outbound {
		t.Fatalf("saved %+v", got)
	}
	if r.direction.Selected != "进" {
		t.Fatalf("after an 出 passage the form is on %q", r.direction.Selected)
	}
}
