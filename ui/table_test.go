package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

type stockRow struct {
	item   string
	onHand int
	unit   string
}

func stockTable() *table[stockRow] {
	t := newTableOf(
		col("物资", 120, func(r stockRow) string { return r.item }),
		col("库存", 80, func(r stockRow) string { return strconv.Itoa(r.onHand) + r.unit }))
	t.set([]stockRow{{"医用外科口罩", 800, "只"}, {"N95口罩", 90, "只"}, {"防护服", 1200, "套"}, {"合计", 2090, ""}})
	return t
}

func shownItems(t *table[stockRow]) string {
	var names []string
	for _, r := range t.shown() {
		names = append(names, r.item)
	}
	return strings.Join(names, " ")
}

// headerAt is the header cell of a column, as the table draws it.
func headerAt(t *table[stockRow], col int) *headerCell {
	h := t.view.CreateHeader().(*headerCell)
	t.view.UpdateHeader(widget.TableCellID{Row: -1, Col: col}, h)
	return h
}

// A header tapped sorts by its column, numbers as numbers; tapped again,
// the other way; the total stays last.
func TestHeaderSortsAndTotalsStayLast(t *testing.T) {
	test.NewTempApp(t)
	tb := stockTable()
	tb.totals = 1
	tb.set(tb.all)
	test.Tap(headerAt(tb, 1))
	if got := shownItems(tb); got != "N95口罩 医用外科口罩 防护服 合计" {
		t.Fatalf("by stock: %s", got)
	}
	if h := headerAt(tb, 1); h.Text != "库存 ▲" {
		t.Fatalf("sorted header reads %q", h.Text)
	}
	test.Tap(headerAt(tb, 1))
	if got := shownItems(tb); got != "防护服 医用外科口罩 N95口罩 合计" {
		t.Fatalf("by stock, the other way: %s", got)
	}
	// New rows keep the order chosen.
	tb.set(append([]stockRow{{"护目镜", 50, "副"}}, tb.all...))
	if got := shownItems(tb); got != "防护服 医用外科口罩 N95口罩 护目镜 合计" {
		t.Fatalf("after new rows: %s", got)
	}
}

// The filter keeps the rows holding what is typed, or whose pinyin
// initials start with it; the total stays.
func TestFilterNarrowsTheRows(t *testing.T) {
	test.NewTempApp(t)
	tb := stockTable().withFilter()
	tb.totals = 1
	tb.set(tb.all)
	test.Type(tb.filter, "口罩")
	if got := shownItems(tb); got != "医用外科口罩 N95口罩 合计" {
		t.Fatalf("口罩: %s", got)
	}
	tb.filter.SetText("fhf")
	if got := shownItems(tb); got != "防护服 合计" {
		t.Fatalf("fhf: %s", got)
	}
	tb.filter.SetText("")
	if len(tb.shown()) != 4 {
		t.Fatalf("cleared: %s", shownItems(tb))
	}
}

// The line below shows the whole of the cell pointed at; a row is copied
// as tab-separated cells, to paste into a spreadsheet.
func TestCellShownWholeAndRowCopied(t *testing.T) {
	a := test.NewTempApp(t)
	tb := stockTable()
	w := test.NewWindow(tb.box)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	tb.view.OnHighlighted(widget.TableCellID{Row: 0, Col: 0})
	if tb.full.Text != "物资:医用外科口罩" {
		t.Fatalf("hover line %q", tb.full.Text)
	}
	tb.openRow(1, fyne.NewPos(10, 10), tb.view)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("a right-click opens no menu")
	}
	menu := tb.rowMenu(tb.shown()[1], w.Canvas())
	if menu.Items[1].Label != "复制此行" {
		t.Fatalf("menu %q", menu.Items[1].Label)
	}
	menu.Items[1].Action()
	if got := a.Clipboard().Content(); got != "N95口罩\t90只" {
		t.Fatalf("copied %q", got)
	}
}

func TestCompareTextReadsNumbers(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"9只", "12只", -1}, {"37.5", "37.3", 1}, {"-2", "+1", -1}, {"", "1", 1}, {"甲", "乙", -1}, {"3天", "3天", 0}} {
		if got := compareText(c.a, c.b); got != c.want {
			t.Errorf("compareText(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// A click on a cell opens its row, as the screens' lists expect: the cell
// takes right-clicks, so it hands the click on to the table.
func TestTappingACellChoosesItsRow(t *testing.T) {
	test.NewTempApp(t)
	tb := stockTable()
	var chosen string
	tb.onSelect = func(r stockRow) { chosen = r.item }
	w := test.NewWindow(tb.box)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(400, 300))
	var cells []*tableCell
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *tableCell:
			if o.id.Row == 1 && o.id.Col == 1 {
				cells = append(cells, o)
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(tb.view)
	if len(cells) != 1 {
		t.Fatalf("%d cells at row 1, column 1", len(cells))
	}
	test.Tap(cells[0])
	if chosen != "N95口罩" {
		t.Fatalf("tapping row 1 chose %q", chosen)
	}
}
