package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// materialsWithStock opens 物资 on a database with the common items, a
// checkpoint, and masks and goggles in the command post's store.
func materialsWithStock(t *testing.T) (*shell, *materials, *app.App, map[string]data.Item, int64) {
	t.Helper()
	a := openTestApp(t, false)
	ctx := context.Background()
	if err := a.DB.AddStarterItems(ctx); err != nil {
		t.Fatal(err)
	}
	shifts := data.TwoShifts.Shifts()
	if _, err := a.DB.SaveCheckpoint(ctx, data.Checkpoint{Name: "河湾村村口", Kind: "村口/小区卡口", Shifts: shifts,
		StaffPerShift: 2, OpenedOn: a.Now()}); err != nil {
		t.Fatal(err)
	}
	list, _ := a.DB.Items(ctx, false)
	items := map[string]data.Item{}
	for _, it := range list {
		items[it.Name] = it
	}
	locs, _ := a.DB.Locations(ctx)
	store := locs[0].ID
	if _, err := a.DB.Receive(ctx, data.Receipt{LocationID: store, Source: "上级调拨", Lines: []data.Line{
		{ItemID: items["N95口罩"].ID, Quantity: 600, ExpiresOn: a.Now().AddDate(1, 0, 0)},
		{ItemID: items["护目镜"].ID, Quantity: 60}}}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, a)
	m := pageOf[*materials](t, s)
	return s, m, a, items, store
}

func selectEntriesIn(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	for _, obj := range test.LaidOutObjects(o) {
		switch e := obj.(type) {
		case *widget.SelectEntry:
			out = append(out, &e.Entry)
		case *searchPicker:
			out = append(out, &e.Entry)
		}
	}
	return out
}

// pick types part of an item's name into a line's picker, then chooses
// it, as tapping it in the narrowed drop-down does.
func pick(t *testing.T, e *widget.Entry, typed string, it data.Item) {
	t.Helper()
	test.Type(e, typed)
	e.SetText(it.Label())
}

func TestIssueTwoItemsToACheckpoint(t *testing.T) {
	s, m, a, items, store := materialsWithStock(t)
	ctx := context.Background()
	// The 8 other common items have no stock yet: under their levels.
	if !findLabel(m.box, "8项低于警戒线") {
		t.Fatalf("summary: %q", m.summary.Text)
	}
	test.Tap(findButton(t, m.box, "出库"))
	dlg := topOverlay(t, s)
	test.Tap(findButton(t, dlg, "添加一行"))
	selects := selectEntriesIn(dlg) // recipient, then one per line
	if len(selects) != 3 {
		t.Fatalf("%d pickers", len(selects))
	}
	test.Type(selects[0], "河湾村村口")
	pick(t, selects[1], "N95", items["N95口罩"])
	pick(t, selects[2], "护目", items["护目镜"])
	if !findLabel(dlg, "现有 600 只") {
		t.Fatal("the store's masks are not shown beside the line")
	}
	entries := entriesIn(dlg)
	quantity := func(line int) *textField {
		// receiver, handler, note, then quantity and batch for each line.
		return entries[3+2*line]
	}
	test.Type(entries[0], "陈建华")
	test.Type(quantity(0), "250")
	test.Type(quantity(1), "61") // one more than there is
	test.Tap(findButton(t, dlg, "保存并打印出库单"))
	if top := s.win.Canvas().Overlays().Top(); top != dlg || !findLabel(dlg, "指挥部仓库的护目镜(防雾)现有60副,不够61副,未保存。") {
		t.Fatal("the over-issue was not refused in Chinese inside the form")
	}
	if n, _ := a.DB.OnHand(ctx, items["N95口罩"].ID, store); n != 600 {
		t.Fatalf("the refused issue moved masks: %d", n)
	}
	quantity(1).SetText("")
	test.Type(quantity(1), "20")
	test.Tap(findButton(t, dlg, "保存并打印出库单"))
	masks, _ := a.DB.OnHand(ctx, items["N95口罩"].ID, store)
	goggles, _ := a.DB.OnHand(ctx, items["护目镜"].ID, store)
	if masks != 350 || goggles != 40 {
		t.Fatalf("after the issue: %d masks, %d goggles", masks, goggles)
	}
	// The screen shows the new balances, and the slip was printed.
	found := 0
	for _, l := range m.stockTbl.shown() {
		if l.LocationID == 0 && (l.Item.Name == "N95口罩" && l.OnHand == 350 || l.Item.Name == "护目镜" && l.OnHand == 40) {
			found++
		}
	}
	if found != 2 {
		t.Fatalf("stock view not refreshed: %+v", m.stockTbl.shown())
	}
	files, _ := os.ReadDir(a.ReportsDir())
	if len(files) != 1 {
		t.Fatalf("reports: %v", files)
	}
	out, err := exec.Command("pdftotext", filepath.Join(a.ReportsDir(), files[0].Name()), "-").Output()
	text := strings.Join(strings.Fields(string(out)), "")
	if err != nil || !strings.Contains(text, "防疫物资出库单") || !strings.Contains(text, "领用单位:河湾村村口") ||
		!strings.Contains(text, "N95口罩") || !strings.Contains(text, "250") || !strings.Contains(text, "陈建华") {
		t.Fatalf("slip %q, %v", text, err)
	}
}

func TestStockUnderWarningComesFirstInRed(t *testing.T) {
	_, m, a, items, _ := materialsWithStock(t)
	// 60 goggles against a level of 50: fine; raise the level to 100.
	g := items["护目镜"]
	g.WarningLevel = 100
	if _, err := a.DB.SaveItem(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	m.refresh()
	// Every item under a level comes before every item that is not, the
	// goggles now among the first and the masks (600 against 500) after.
	seenFine, goggles := false, false
	for row, l := range m.stockTbl.shown() {
		if l.LocationID != 0 {
			continue
		}
		if l.Below && seenFine {
			t.Fatalf("%s under its level after an item that is not", l.Item.Name)
		}
		seenFine = seenFine || !l.Below
		if l.Item.Name == "护目镜" {
			goggles = l.Below && !seenFine && cellText(m.stockTbl.view, row, 2) == "仅在指挥部仓库"
		}
		if l.Item.Name == "N95口罩" && l.Below {
			t.Fatal("masks flagged")
		}
	}
	if !goggles {
		t.Fatal("goggles not flagged at the top")
	}
	test.Type(m.filter, "N95")
	for _, l := range m.stockTbl.shown() {
		if l.Item.Name != "N95口罩" {
			t.Fatalf("filter shows %s", l.Item.Name)
		}
	}
}

// A stock movement half typed in its form survives a restart: the next
// start reopens the same form with its lines.
func TestStockMovementDraftSurvivesARestart(t *testing.T) {
	s, m, a, items, store := materialsWithStock(t)
	m.moves.receive(store)
	if _, fields := m.draft(); fields != nil {
		t.Fatalf("an untouched form is a draft: %v", fields)
	}
	test.Tap(findButton(t, topOverlay(t, s), "取消"))
	m.moves.stocktake(store)
	test.Type(m.moves.open.lines.rows[0].quantity, "598")
	if _, fields := m.draft(); fields["kind"] != "stocktake" || fields["line1.quantity"] != "598" {
		t.Fatalf("a stocktake half typed: %v", fields)
	}
	test.Tap(findButton(t, topOverlay(t, s), "取消"))
	if _, fields := m.draft(); fields != nil {
		t.Fatalf("a cancelled stocktake is still a draft: %v", fields)
	}
	m.moves.issue(store)
	dlg := topOverlay(t, s)
	selects := selectEntriesIn(dlg)
	test.Type(selects[0], "河湾村村口")
	pick(t, selects[1], "N95", items["N95口罩"])
	entries := entriesIn(dlg)
	test.Type(entries[0], "陈建华")
	test.Type(entries[3], "200")
	s.saveDrafts(map[string]map[string]string{})

	next := newTestShell(t, a)
	offer := topOverlay(t, next)
	if !findLabel(offer, "物资出库(领用) N95口罩(KN95级) 200") {
		t.Fatal("the restart does not offer the stock movement back")
	}
	test.Tap(findButton(t, offer, "恢复"))
	form := topOverlay(t, next)
	got := selectEntriesIn(form)
	in := entriesIn(form)
	if got[0].Text != "河湾村村口" || got[1].Text != "N95口罩(KN95级)" || in[0].Text != "陈建华" || in[3].Text != "200" {
		t.Fatalf("reopened as %q %q %q %q", got[0].Text, got[1].Text, in[0].Text, in[3].Text)
	}
	// Saved, nothing is kept any more and the masks left the store.
	test.Tap(findButton(t, form, "保存并打印出库单"))
	if n, _ := a.DB.OnHand(context.Background(), items["N95口罩"].ID, store); n != 400 {
		t.Fatalf("store has %d masks after the restored issue, want 400", n)
	}
	mats := findPage[*materials](t, next)
	if _, fields := mats.draft(); fields != nil {
		t.Fatalf("a saved movement is still a draft: %v", fields)
	}
}

// 入库 through its form books the lines and prints the 入库单, saying
// where it went.
func TestReceiveByTypingPrintsTheReceiptSlip(t *testing.T) {
	s, m, a, items, store := materialsWithStock(t)
	m.moves.receive(store)
	dlg := topOverlay(t, s)
	pick(t, selectEntriesIn(dlg)[0], "防护服", items["防护服"])
	entries := entriesIn(dlg)
	test.Type(entries[len(entries)-3], "40") // the line's quantity, batch and expiry come last
	test.Type(entries[len(entries)-1], "2027-06-30")
	test.Tap(findButton(t, dlg, "保存并打印入库单"))
	if n, _ := a.DB.OnHand(context.Background(), items["防护服"].ID, store); n != 40 {
		t.Fatalf("%d suits in store after the receipt", n)
	}
	note := topOverlay(t, s)
	if !findLabel(note, "入库单") {
		t.Fatal("no word that the receipt slip was printed")
	}
	text := pdfText(t, newestFile(t, a.ReportsDir()))
	if !strings.Contains(text, "物资入库单") || !strings.Contains(text, "防护服") || !strings.Contains(text, "40") {
		t.Fatalf("the slip reads %q", text)
	}
}
