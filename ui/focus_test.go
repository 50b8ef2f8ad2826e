package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fieldsIn are the fields of o a clerk could type into now.
func fieldsIn(o fyne.CanvasObject) []fyne.Focusable {
	var out []fyne.Focusable
	for _, obj := range test.LaidOutObjects(o) {
		f, ok := obj.(fyne.Focusable)
		if !ok || !obj.Visible() || !typingField(f) {
			continue
		}
		if d, ok := obj.(fyne.Disableable); ok && d.Disabled() {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Every screen with a field opens with the cursor in one of its fields,
// and so does every dialog named in the complaint.
func TestEveryScreenAndDialogStartsInAField(t *testing.T) {
	a := openTestApp(t, false)
	gateAndSite(t, a)
	s := newTestShell(t, a)
	c := s.win.Canvas()
	// 总览 last: it is shown already, before the window had its content.
	var order []int
	for i := 1; i < len(s.entries); i++ {
		order = append(order, i)
	}
	for _, i := range append(order, 0) {
		e := s.entries[i]
		s.nav.Select(i)
		fields := fieldsIn(s.pageAt(i).content())
		if len(fields) == 0 {
			continue
		}
		if f := c.Focused(); f == nil || !typingField(f) || !slices.Contains(fields, f) {
			t.Errorf("%s opens with the cursor in %T", e.title, f)
		}
	}

	cp := pageOf[*checkpoints](t, s)
	test.Type(cp.reg.name, "赵建国")
	press(c, fyne.KeyReturn)
	iso := pageOf[*isolation](t, s)
	dialogs := map[string]func(){
		"新增卡口": func() { test.Tap(findButton(t, cp.box, "新增卡口")) },
		"作废":   func() { cp.voidEntry(cp.recent[0]) },
		"记录消杀": func() { iso.disinfect(tile(t, iso, "201").room) },
		"入住登记": func() { test.Tap(tile(t, iso, "202")); press(c, fyne.KeyReturn) },
	}
	for name, open := range dialogs {
		open()
		top := c.Overlays().Top()
		if top == nil {
			t.Errorf("%s: no dialog", name)
			continue
		}
		if f := c.Focused(); f == nil || !slices.Contains(fieldsIn(top), f) {
			t.Errorf("%s opens with the cursor in %T", name, f)
		}
		press(c, fyne.KeyEscape)
		if dialogOpen(s.win) {
			t.Errorf("%s: Esc left it open", name)
			c.Overlays().Remove(c.Overlays().Top())
		}
	}
}
