package ui

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
)

// openTestApp opens a real database file in a temporary folder, with the
// post already set up unless fresh is asked for.
func openTestApp(t *testing.T, fresh bool) *app.App {
	t.Helper()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	return openTestAppAt(t, fresh, &now)
}

// openTestAppAt is openTestApp with a clock the test moves.
func openTestAppAt(t *testing.T, fresh bool, now *time.Time) *app.App {
	t.Helper()
	a, err := app.Open(context.Background(), filepath.Join(t.TempDir(), "fangkong.db"), func() time.Time { return *now })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if !fresh {
		if err := a.DB.SavePostInfo(context.Background(), data.PostInfo{Township: "城关镇", PostName: "城关镇疫情防控指挥部", DutyPhone: "0913-2345678"}); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// newTestShell shows the main window on Fyne's test driver.
func newTestShell(t *testing.T, a *app.App) *shell {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	s := newShell(w, a)
	w.SetContent(s.root)
	w.Resize(fyne.NewSize(1200, 760))
	return s
}

// findLabel reports whether a label or rich text in o shows text
// containing want, where the clerk sees it (nothing hidden above it).
func findLabel(o fyne.CanvasObject, want string) bool {
	test.LaidOutObjects(o) // lays it out, as it would be drawn
	return shownText(o, want)
}

func shownText(o fyne.CanvasObject, want string) bool {
	if o == nil || !o.Visible() {
		return false
	}
	switch o := o.(type) {
	case *widget.Label:
		return strings.Contains(o.Text, want)
	case *tableCell:
		return strings.Contains(o.Text, want)
	case *widget.RichText:
		return strings.Contains(o.String(), want)
	case *fyne.Container:
		for _, c := range o.Objects {
			if shownText(c, want) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			if shownText(c, want) {
				return true
			}
		}
	}
	return false
}

// pageOf shows the screen of type T in the navigation and returns it.
func pageOf[T page](t *testing.T, s *shell) T {
	t.Helper()
	p := findPage[T](t, s)
	for i := range s.entries {
		if s.pageAt(i) == page(p) {
			s.nav.Select(i)
		}
	}
	return p
}

// findPage is the screen of type T in the navigation, left unshown.
func findPage[T page](t *testing.T, s *shell) T {
	t.Helper()
	for i := range s.entries {
		if p, ok := s.pageAt(i).(T); ok {
			return p
		}
	}
	var none T
	t.Fatalf("no %T in the navigation", none)
	return none
}

func TestAddStaffByTypingAndTapping(t *testing.T) {
	a := openTestApp(t, false)
	s := newTestShell(t, a)
	st := pageOf[*staffScreen](t, s)

	test.Tap(findButton(t, st.box, "新增人员"))
	test.Type(st.name, "赵卫东")
	test.Type(st.phone, "139 1234 5678")
	test.Type(st.unit, "派出所")
	st.kind.SetSelected("民警/辅警")
	test.Tap(st.mayLead)
	test.Tap(st.save)

	list, err := a.DB.Staff(context.Background(), data.StaffQuery{Text: "赵卫东"})
	if err != nil || len(list) != 1 {
		t.Fatalf("staff in database: %v, %v", list, err)
	}
	got := list[0]
	if got.Phone != "13912345678" || got.Unit != "派出所" || got.Kind != "民警/辅警" || !got.MayLead || !got.Active {
		t.Fatalf("saved as %+v", got)
	}
	if st.unsaved() {
		t.Fatal("form still counts as unsaved after saving")
	}
	if len(st.table.shown()) != 1 || st.count.Text != "共 1 人" {
		t.Fatalf("list shows %d rows, count %q", len(st.table.shown()), st.count.Text)
	}

	// Search by pinyin initials finds them; a non-matching search hides them.
	test.Type(st.search, "zwd")
	if len(st.table.shown()) != 1 {
		t.Fatalf("search zwd: %d rows", len(st.table.shown()))
	}
	st.search.SetText("无此人")
	if len(st.table.shown()) != 0 {
		t.Fatalf("search for nobody: %d rows", len(st.table.shown()))
	}
}

func TestBadPhoneShowsChineseAndSavesNothing(t *testing.T) {
	a := openTestApp(t, false)
	s := newTestShell(t, a)
	st := pageOf[*staffScreen](t, s)

	test.Type(st.name, "钱小红")
	test.Type(st.phone, "1391234")
	test.Tap(st.save)

	if list, _ := a.DB.Staff(context.Background(), data.StaffQuery{IncludeInactive: true}); len(list) != 0 {
		t.Fatalf("saved despite a bad phone: %v", list)
	}
	msg := st.form.errs["phone"]
	if !msg.Visible() || !strings.HasPrefix(msg.Text, "电话号码不正确") {
		t.Fatalf("phone message = %q (visible %v)", msg.Text, msg.Visible())
	}
	if st.name.Text != "钱小红" || st.phone.Text != "1391234" {
		t.Fatal("typed input was lost")
	}
	// Correcting the phone clears the message; saving then works.
	st.phone.SetText("13912345678")
	if msg.Visible() {
		t.Fatal("message stays after the phone was edited")
	}
	test.Tap(st.save)
	if list, _ := a.DB.Staff(context.Background(), data.StaffQuery{}); len(list) != 1 {
		t.Fatalf("after correcting: %v", list)
	}
}

func TestEmptyNameIsRefusedBesideTheField(t *testing.T) {
	a := openTestApp(t, false)
	s := newTestShell(t, a)
	st := pageOf[*staffScreen](t, s)
	test.Type(st.phone, "13912345678")
	test.Tap(st.save)
	if msg := st.form.errs["name"]; !msg.Visible() || msg.Text != "请填写名称。" {
		t.Fatalf("name message = %q", msg.Text)
	}
	if list, _ := a.DB.Staff(context.Background(), data.StaffQuery{IncludeInactive: true}); len(list) != 0 {
		t.Fatalf("saved without a name: %v", list)
	}
}

func TestDeactivateAndLeaveWithUnsavedChanges(t *testing.T) {
	a := openTestApp(t, false)
	id, err := a.DB.SaveStaff(context.Background(), data.Staff{Name: "孙丽", Phone: "13612345678", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	st := pageOf[*staffScreen](t, s)
	st.table.view.Select(widget.TableCellID{Row: 0, Col: 0})
	if st.loaded.ID != id {
		t.Fatalf("selecting the row loaded %+v", st.loaded)
	}
	test.Tap(st.toggle)
	if p, _ := a.DB.StaffMember(context.Background(), id); p.Active {
		t.Fatal("still active after 停用")
	}
	if len(st.table.shown()) != 0 {
		t.Fatal("deactivated person still listed without 显示已停用")
	}
	test.Tap(st.showInactive)
	if len(st.table.shown()) != 1 || !strings.HasSuffix(tableText(st.table.view, 0), "已停用") {
		t.Fatalf("inactive row: %v", st.table.shown())
	}

	// Typing then switching screens asks first, and keeps the text on 取消.
	test.Type(st.note, "临时借调")
	s.nav.Select(0)
	if s.current != 5 || st.note.Text != "临时借调" {
		t.Fatalf("switched screen (current %d) or lost text %q", s.current, st.note.Text)
	}
}

func TestFirstRunSetup(t *testing.T) {
	a := openTestApp(t, true)
	s := newTestShell(t, a)
	if s.nav != nil {
		t.Fatal("main screens shown before setup")
	}
	if !findLabel(s.root, "欢迎使用防控指挥台") {
		t.Fatal("no welcome on first run")
	}
	setupForm := s.root.Objects[0]
	entries := []*textField{}
	for _, o := range test.LaidOutObjects(setupForm) {
		if e, ok := o.(*textField); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) != 5 { // township, name, phone, and the report's 报 and 送 (optional)
		t.Fatalf("%d entries on the setup form", len(entries))
	}
	test.Type(entries[0], "城关镇")
	test.Type(entries[1], "城关镇疫情防控指挥部")
	test.Type(entries[2], "12")
	test.Tap(findButton(t, setupForm, "保存并开始使用"))
	if s.nav != nil || !findLabel(setupForm, "电话号码不正确") {
		t.Fatal("a bad duty phone was accepted or not explained")
	}
	entries[2].SetText("0913-2345678")
	test.Tap(findButton(t, setupForm, "保存并开始使用"))
	if s.nav == nil {
		t.Fatal("main screens not shown after setup")
	}
	if p, _ := a.DB.PostInfo(context.Background()); !p.Complete() {
		t.Fatalf("post info %+v", p)
	}
	if got := s.win.Title(); got != "防控指挥台 — 城关镇疫情防控指挥部" {
		t.Fatalf("title %q", got)
	}
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// The buttons that open Fyne's file and folder dialogs show them.
func TestFileDialogsOpen(t *testing.T) {
	a := openTestApp(t, false)
	s := newTestShell(t, a)
	st := pageOf[*staffScreen](t, s)
	test.Tap(findButton(t, st.box, "从Excel导入"))
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no file dialog after 从Excel导入")
	}
	s.win.Canvas().Overlays().Remove(s.win.Canvas().Overlays().Top())

	s.nav.Select(7)
	set := pageOf[*settings](t, s)
	test.Tap(findButton(t, set.box, "备份到…"))
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no folder dialog after 备份到…")
	}
}

func TestPrintContactListWritesDatedPDF(t *testing.T) {
	a := openTestApp(t, false)
	if _, err := a.DB.SaveStaff(context.Background(), data.Staff{Name: "周卫东", Phone: "13612345678", Unit: "镇政府", Active: true}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	st := pageOf[*staffScreen](t, s)
	test.Tap(findButton(t, st.box, "打印通讯录"))
	files, err := os.ReadDir(a.ReportsDir())
	if err != nil || len(files) != 1 {
		t.Fatalf("reports folder: %v, %v", files, err)
	}
	if name := files[0].Name(); name != "人员通讯录-2026-11-25-090000.pdf" {
		t.Fatalf("PDF named %q", name)
	}
	out, err := exec.Command("pdftotext", filepath.Join(a.ReportsDir(), files[0].Name()), "-").Output()
	if err != nil || !strings.Contains(string(out), "周卫东") {
		t.Fatalf("PDF text %q, %v", out, err)
	}
	if filepath.Base(a.ReportsDir()) != "报表" {
		t.Fatalf("reports folder %s", a.ReportsDir())
	}
}

func TestClosingWithUnsavedFormAsksFirst(t *testing.T) {
	a := openTestApp(t, false)
	test.NewTempApp(t)
	// Its own window: the test closes it, and Fyne's test driver can't
	// close a window twice.
	w := test.NewWindow(nil)
	s := newShell(w, a)
	w.SetContent(s.root)
	closed := false
	w.SetOnClosed(func() { closed = true })
	st := pageOf[*staffScreen](t, s)
	test.Type(st.name, "钱小红")
	s.close()
	if closed || s.win.Canvas().Overlays().Top() == nil || st.name.Text != "钱小红" {
		t.Fatalf("closed %v without asking, or lost the text %q", closed, st.name.Text)
	}
	test.Tap(findButton(t, s.win.Canvas().Overlays().Top(), "是"))
	if !closed {
		t.Fatal("agreeing to discard did not close the window")
	}
}

// What was typed and not saved is written down every few seconds; the
// next start offers it back, into the same forms.
func TestTypedInputSurvivesARestart(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	two := data.TwoShifts.Shifts()
	if _, err := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: "G65高速城关出口", Kind: "交通卡口", Shifts: two, StaffPerShift: 1,
		OpenedOn: a.Now().AddDate(0, 0, -1)}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	st := pageOf[*staffScreen](t, s)
	s.saveDrafts(map[string]map[string]string{})
	if drafts, _ := a.DB.Drafts(ctx); len(drafts) != 0 {
		t.Fatalf("untouched forms kept as drafts: %+v", drafts)
	}
	test.Type(st.name, "李秀英")
	test.Type(st.phone, "13812345678")
	c := findPage[*checkpoints](t, s)
	c.refresh()
	test.Type(c.reg.name, "赵建国")
	test.Type(c.reg.plate, "陕G12345")
	kept := map[string]map[string]string{}
	s.saveDrafts(kept) // what the ticker does every few seconds
	if drafts, _ := a.DB.Drafts(ctx); len(drafts) != 2 {
		t.Fatalf("drafts kept: %+v", drafts)
	}
	// A new window on the same database, as after a shutdown or a kill.
	next := newTestShell(t, a)
	dlg := topOverlay(t, next)
	if !findLabel(dlg, "人员: 李秀英 13812345678") || !findLabel(dlg, "卡口登记 G65高速城关出口: 赵建国 陕G12345") {
		t.Fatal("the restart does not offer the typed input back")
	}
	test.Tap(findButton(t, dlg, "恢复"))
	st2 := pageOf[*staffScreen](t, next)
	c2 := findPage[*checkpoints](t, next)
	if st2.name.Text != "李秀英" || st2.phone.Text != "13812345678" || !st2.unsaved() {
		t.Fatalf("staff form after restoring: %q %q", st2.name.Text, st2.phone.Text)
	}
	if c2.reg.name.Text != "赵建国" || c2.reg.plate.Text != "陕G12345" || c2.post.Name != "G65高速城关出口" {
		t.Fatalf("registration after restoring: %q %q at %q", c2.reg.name.Text, c2.reg.plate.Text, c2.post.Name)
	}
	// Saved, the draft goes at the next write-down.
	test.Tap(findButton(t, st2.box, "保存"))
	next.saveDrafts(map[string]map[string]string{"staff": {"name": "李秀英"}})
	drafts, _ := a.DB.Drafts(ctx)
	for _, d := range drafts {
		if d.Form == "staff" {
			t.Fatalf("the saved person's draft is still kept: %+v", d)
		}
	}
}

// The import shows every row before anything is kept, then adds the new
// people at once; a second time, it says everyone is there already.
func TestStaffImportShowsRowsFirst(t *testing.T) {
	a := openTestApp(t, false)
	ctx := context.Background()
	var buf bytes.Buffer
	reports.WriteXLSX(&buf, reports.Table{Name: "名单", Header: []string{"姓名", "电话"}, Rows: [][]string{
		{"李秀英", "13812345678"}, {"王伟", "139123"}, {"赵刚", "13712345678"}}})
	s := newTestShell(t, a)
	st := pageOf[*staffScreen](t, s)
	imp, err := a.ReadStaffImport(ctx, bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	st.confirmImport(imp)
	dlg := topOverlay(t, s)
	if !findLabel(dlg, "可导入2人;已在名单中0人;有问题1行。") || !findLabel(dlg, "第3行 王伟") {
		t.Fatal("the rows are not shown before importing")
	}
	if list, _ := a.DB.Staff(ctx, data.StaffQuery{}); len(list) != 0 {
		t.Fatal("saved before the clerk agreed")
	}
	test.Tap(findButton(t, dlg, "导入2人"))
	if list, _ := a.DB.Staff(ctx, data.StaffQuery{}); len(list) != 2 {
		t.Fatalf("%d people after importing, want 2", len(list))
	}
	again, _ := a.ReadStaffImport(ctx, bytes.NewReader(buf.Bytes()))
	st.confirmImport(again)
	if dlg := topOverlay(t, s); !findLabel(dlg, "没有需要导入的新人员。") || !findLabel(dlg, "已在名单中2人") {
		t.Fatal("a second import does not say everyone is there")
	}
}
