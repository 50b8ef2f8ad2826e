package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

func TestOperatorsSignInAndAudit(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	liID, _ := a.DB.SaveStaff(ctx, data.Staff{Name: "李娜", Phone: "13912345678", Active: true})
	a.DB.SaveStaff(ctx, data.Staff{Name: "王强", Phone: "13812345678", Active: true})

	// Before any operator: the program opens straight away; 设置 adds the first.
	s := newTestShell(t, a)
	if s.nav == nil {
		t.Fatal("without operators the main screens should open")
	}
	if s.switchOp.Visible() {
		t.Fatal("切换操作员 offered with no operators to switch to")
	}
	s.nav.Select(7)
	ops := pageOf[*settings](t, s).ops
	ops.person.SetSelectedIndex(indexOf(ops.staff, liID))
	test.Type(ops.pin, "12")
	test.Tap(ops.save)
	if msg := ops.form.errs["pin"]; !msg.Visible() || msg.Text != "密码应为4到20个字符。" {
		t.Fatalf("short PIN message %q", msg.Text)
	}
	ops.pin.SetText("2468")
	test.Tap(ops.save)
	rows, _ := a.DB.Operators(ctx)
	if len(rows) != 1 || !rows[0].Admin {
		t.Fatalf("operators %+v", rows)
	}
	s.nav.Select(0)
	if !s.switchOp.Visible() {
		t.Fatal("切换操作员 not offered once an operator exists")
	}

	// From now on the program asks who is at the keyboard.
	s2 := newTestShell(t, a)
	if s2.nav != nil {
		t.Fatal("main screens shown without signing in")
	}
	var form *signIn
	for _, o := range test.LaidOutObjects(s2.root) {
		if sel, ok := o.(*widget.Select); ok && len(sel.Options) == 1 && sel.Options[0] == "李娜" {
			form = &signIn{picker: sel}
		}
	}
	if form == nil {
		t.Fatal("no operator picker")
	}
	form.picker.SetSelected("李娜")
	pin := passwordEntry(t, s2.root)
	test.Type(pin, "1357")
	test.Tap(findButton(t, s2.root, "进入"))
	if s2.nav != nil || !findLabel(s2.root, "密码不正确。") || pin.Text != "" {
		t.Fatal("a wrong PIN let the operator in or was not explained")
	}
	test.Type(pin, "2468")
	test.Tap(findButton(t, s2.root, "进入"))
	if s2.nav == nil || a.Operator().Name != "李娜" || !findLabel(s2.root, "操作员:李娜") {
		t.Fatal("the right PIN did not let the operator in")
	}

	// What the operator changes is audited under her name.
	st := pageOf[*staffScreen](t, s2)
	test.Type(st.name, "赵卫东")
	test.Type(st.phone, "13712345678")
	test.Tap(st.save)
	entries, _ := a.DB.Audit(ctx, data.AuditQuery{Text: "赵卫东"})
	if len(entries) != 1 || entries[0].Operator != "李娜" || entries[0].Action != "add staff" {
		t.Fatalf("audit %+v", entries)
	}
}

func indexOf(list []data.Staff, id int64) int {
	for i, s := range list {
		if s.ID == id {
			return i
		}
	}
	return -1
}

func passwordEntry(t *testing.T, o fyne.CanvasObject) *textField {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if e, ok := obj.(*textField); ok && e.Password {
			return e
		}
	}
	t.Fatal("no PIN field")
	return nil
}

func TestIdleLockKeepsTypedInput(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	id, _ := a.DB.SaveStaff(ctx, data.Staff{Name: "李娜", Phone: "13912345678", Active: true})
	a.DB.SaveOperator(ctx, id, true, "2468")
	ops, _ := a.DB.Operators(ctx)
	op, _ := a.DB.SignIn(ctx, ops[0].ID, "2468")
	a.SignIn(op)
	s := newTestShell(t, a)
	s.showMain(data.PostInfo{PostName: "城关镇疫情防控指挥部"})
	st := pageOf[*staffScreen](t, s)
	test.Type(st.name, "赵卫东")

	s.lastActivity = a.Now().Add(-10 * time.Minute)
	s.checkIdle()
	if s.locked {
		t.Fatal("locked after 10 minutes")
	}
	s.lastActivity = a.Now().Add(-16 * time.Minute)
	s.checkIdle()
	lock := s.win.Canvas().Overlays().Top()
	if !s.locked || lock == nil || !findLabel(lock, "超过15分钟无操作") {
		t.Fatal("not locked after 16 minutes")
	}
	pin := passwordEntry(t, lock)
	test.Type(pin, "1111")
	test.Tap(findButton(t, lock, "解锁"))
	if !s.locked || !findLabel(lock, "密码不正确。") {
		t.Fatal("a wrong PIN unlocked, or was not explained")
	}
	test.Type(pin, "2468")
	test.Tap(findButton(t, lock, "解锁"))
	if s.locked || st.name.Text != "赵卫东" {
		t.Fatalf("unlock: locked %v, typed text %q", s.locked, st.name.Text)
	}
	// The time is a setting: at 30 minutes, 16 are not enough.
	if err := a.DB.SaveIdleMinutes(ctx, 0); !errors.Is(err, data.ErrBadNumber) {
		t.Fatalf("0 minutes: %v", err)
	}
	a.DB.SaveIdleMinutes(ctx, 30)
	s.lastActivity = a.Now().Add(-16 * time.Minute)
	s.checkIdle()
	if s.locked {
		t.Fatal("locked after 16 of 30 minutes")
	}
	// Before any operator exists there is nobody to lock out.
	a.SignIn(data.Operator{})
	s.lastActivity = a.Now().Add(-time.Hour)
	s.checkIdle()
	if s.locked {
		t.Fatal("locked without operators")
	}
}
