package ui

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"fangkong/data"
)

// press sends a key as the desktop driver does: to what has the keyboard,
// else to the window.
func press(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if k := c.OnTypedKey(); k != nil {
		k(ev)
	}
}

// ctrl sends Ctrl+key as the desktop driver does: to what has the
// keyboard if it takes shortcuts, else to the window's shortcuts (which
// the test canvas can't be handed).
func ctrl(c fyne.Canvas, key fyne.KeyName) {
	s := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	windowKeys[c](s)
}

func TestShortcutsWorkFromInsideAField(t *testing.T) {
	a := openTestApp(t, false)
	gateAndSite(t, a)
	s := newTestShell(t, a)
	c := s.win.Canvas()
	cp := pageOf[*checkpoints](t, s)
	if c.Focused() != cp.reg.name {
		t.Fatalf("卡口 opens with the cursor in %T, not 姓名", c.Focused())
	}
	ctrl(c, "3")
	if _, ok := s.entries[s.current].page.(*isolation); !ok {
		t.Fatalf("Ctrl+3 from inside 姓名 went to %T", s.entries[s.current].page)
	}
	ctrl(c, "2")
	if s.current != 1 || c.Focused() != cp.reg.name {
		t.Fatalf("back on 卡口: screen %d, cursor %T", s.current, c.Focused())
	}
	test.Type(cp.reg.name, "赵建国")
	ctrl(c, "3") // the half-typed passage waits on its screen
	ctrl(c, "2")
	if s.current != 1 || c.Focused() != cp.reg.name || cp.reg.name.Text != "赵建国" {
		t.Fatalf("Ctrl+3, Ctrl+2 with a name typed: screen %d, cursor %T, name %q", s.current, c.Focused(), cp.reg.name.Text)
	}
	ctrl(c, fyne.KeyS)
	got, _ := a.DB.RecentRegistrations(context.Background(), cp.post.ID, 5)
	if len(got) != 1 || got[0].Name != "赵建国" {
		t.Fatalf("Ctrl+S in a field saved %v", got)
	}

	// With a dialog open the screen stays: the dialog is answered first.
	showMessage(s.win, "标题", "一句话")
	ctrl(c, "5")
	if s.current != 1 {
		t.Fatalf("Ctrl+5 under a dialog left the screen for %d", s.current)
	}
	press(c, fyne.KeyEscape)
	ctrl(c, "5")
	if s.current != 4 {
		t.Fatalf("Ctrl+5 after Esc: screen %d", s.current)
	}
}

func TestCtrlSSavesThePersonWithTheCursorAnywhere(t *testing.T) {
	a := openTestApp(t, false)
	s := newTestShell(t, a)
	st := pageOf[*staffScreen](t, s)
	test.Tap(findButton(t, st.box, "新增人员"))
	test.Type(st.name, "周敏")
	test.Type(st.phone, "13800001111")
	st.kind.SetSelected(data.StaffKinds[0])
	s.win.Canvas().Focus(st.note)
	test.Type(st.note, "夜班优先")
	ctrl(s.win.Canvas(), fyne.KeyS) // in the multi-line note: Enter is a new line there, Ctrl+S saves
	people, _ := a.DB.Staff(context.Background(), data.StaffQuery{IncludeInactive: true})
	if len(people) != 1 || people[0].Note != "夜班优先" {
		t.Fatalf("Ctrl+S in 备注 saved %+v", people)
	}
}

func TestTheFirstRunThenShortcutsAtOnce(t *testing.T) {
	a := openTestApp(t, true)
	s := newTestShell(t, a)
	c := s.win.Canvas()
	if !focusFirst(c) {
		t.Fatal("the first-run form has no field for the cursor")
	}
	for i, e := range entriesIn(s.root)[:3] {
		c.Focus(e)
		test.Type(e, []string{"城关镇", "城关镇疫情防控指挥部", "0913-2345678"}[i])
	}
	ctrl(c, fyne.KeyS)
	if s.current != 0 {
		t.Fatalf("Ctrl+S did not start the program: screen %d", s.current)
	}
	ctrl(c, "2") // the setup form's field had the keyboard and is gone
	if s.current != 1 {
		t.Fatalf("Ctrl+2 right after the first run: screen %d", s.current)
	}
}

func TestEnterAndEscAnswerEveryDialog(t *testing.T) {
	a := openTestApp(t, false)
	s := newTestShell(t, a)
	c := s.win.Canvas()

	showMessage(s.win, "标题", "一句话")
	press(c, fyne.KeyReturn)
	if dialogOpen(s.win) {
		t.Fatal("Enter left the message open")
	}

	var answers []bool
	answer := func(ok bool) { answers = append(answers, ok) }
	confirmDialog(s.win, "标题", "是否继续?", answer)
	press(c, fyne.KeyReturn)
	confirmDialog(s.win, "标题", "是否继续?", answer)
	press(c, fyne.KeyEscape)
	confirmLoss(s.win, "标题", "放弃已输入的内容?", answer)
	press(c, fyne.KeyReturn) // meant for a field: loses nothing
	if !dialogOpen(s.win) {
		t.Fatal("Enter answered yes to throwing input away")
	}
	press(c, fyne.KeyEscape)
	if fmt.Sprint(answers) != "[true false false]" || dialogOpen(s.win) {
		t.Fatalf("answers %v, still open %v", answers, dialogOpen(s.win))
	}

	// A form: the cursor in its first field, Enter saves, Esc cancels,
	// Ctrl+S saves from a field of several lines.
	var saved []string
	open := func() (*textField, *textField) {
		name, note := newField(), newMultiLineField()
		f := newForm()
		f.add("name", "姓名", name)
		f.add("note", "备注", note)
		showFormDialog(s.win, "表单", "保存", f, func() error { saved = append(saved, name.Text+"/"+note.Text); return nil })
		return name, note
	}
	name, _ := open()
	if c.Focused() != name {
		t.Fatalf("the form opens with the cursor in %T", c.Focused())
	}
	test.Type(name, "甲")
	press(c, fyne.KeyReturn)
	name, _ = open()
	test.Type(name, "乙")
	press(c, fyne.KeyEscape)
	name, note := open()
	test.Type(name, "丙")
	c.Focus(note)
	test.Type(note, "夜班")
	press(c, fyne.KeyReturn) // a new line in 备注
	ctrl(c, fyne.KeyS)
	if fmt.Sprint(saved) != "[甲/ 丙/夜班\n]" || dialogOpen(s.win) {
		t.Fatalf("saved %q, still open %v", saved, dialogOpen(s.win))
	}
}
