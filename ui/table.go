package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
	"fangkong/reports"
)

// column is one column of a table, defined once: its header, its width,
// the text of a row's cell, and how rows order by it where the text would
// order them wrongly (nil: by the text, numbers as numbers).
type column[T any] struct {
	header string
	width  float32
	text   func(T) string
	order  func(a, b T) int
}

// col is a column: col("姓名", 90, func(s data.Staff) string { return s.Name }).
func col[T any](header string, width float32, text func(T) string) column[T] {
	return column[T]{header: header, width: width, text: text}
}

// textColumns are the columns of a table of texts, a row a []string.
func textColumns(headers []string, widths []float32) []column[[]string] {
	cols := make([]column[[]string], len(headers))
	for i, h := range headers {
		cols[i] = col(h, widths[i], func(r []string) string {
			if i < len(r) {
				return r[i]
			}
			return ""
		})
	}
	return cols
}

// by orders the column's rows by order rather than by their text.
func (c column[T]) by(order func(a, b T) int) column[T] {
	c.order = order
	return c
}

// table shows rows like a spreadsheet: a header tapped sorts by its
// column (tapped again, the other way), the filter box narrows the rows to
// those holding what is typed, the line below shows the whole of the cell
// under the pointer, and a right-click offers the row to read or copy. It
// is the one table every screen uses.
type table[T any] struct {
	cols     []column[T]
	all      []T
	rows     []T // shown: filtered, then sorted
	sortCol  int // -1: in the order given
	desc     bool
	filter   *textField
	full     *widget.Label
	view     *widget.Table
	box      fyne.CanvasObject
	mark     func(T) widget.Importance // how a row stands out; nil: none does
	onSelect func(T)                   // a row tapped; nil: nothing happens
	totals   int                       // the last rows sum the rest: they stay last, whatever the sort or filter
}

// newTableOf makes a table of the columns; rows come with set.
func newTableOf[T any](cols ...column[T]) *table[T] {
	t := &table[T]{cols: cols, sortCol: -1, filter: newField(), full: widget.NewLabel("")}
	t.full.Truncation = fyne.TextTruncateEllipsis
	t.full.Importance = widget.LowImportance
	t.filter.SetPlaceHolder(lang.L("Filter the rows shown"))
	t.filter.OnChanged = func(string) { t.show() }
	t.view = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.rows), len(t.cols) },
		func() fyne.CanvasObject { return newTableCell(t.openRow, t.view.Select) },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := o.(*tableCell)
			c.id = id
			c.Importance = widget.MediumImportance
			if t.mark != nil {
				c.Importance = t.mark(t.rows[id.Row])
			}
			c.setText(t.cols[id.Col].text(t.rows[id.Row]), t.cols[id.Col].width)
		})
	t.view.ShowHeaderColumn = false
	t.view.CreateHeader = func() fyne.CanvasObject { return newHeaderCell() }
	t.view.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col < 0 || id.Col >= len(t.cols) {
			return
		}
		h := o.(*headerCell)
		text := t.cols[id.Col].header
		switch {
		case id.Col == t.sortCol && t.desc:
			text += " ▼"
		case id.Col == t.sortCol:
			text += " ▲"
		}
		h.SetText(fitted(text, t.cols[id.Col].width))
		h.onTap = func() { t.sortBy(id.Col) }
	}
	t.view.OnSelected = func(id widget.TableCellID) {
		t.view.UnselectAll()
		if t.onSelect != nil && id.Row >= 0 && id.Row < len(t.rows) {
			t.onSelect(t.rows[id.Row])
		}
	}
	t.view.OnHighlighted = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.rows) && id.Col >= 0 && id.Col < len(t.cols) {
			t.full.SetText(t.cols[id.Col].header + ":" + t.cols[id.Col].text(t.rows[id.Row]))
		}
	}
	t.widths()
	t.box = container.NewBorder(nil, t.full, nil, nil, t.view)
	return t
}

// withFilter puts the filter box above the table, for tables that have no
// search of their own.
func (t *table[T]) withFilter() *table[T] {
	t.box = container.NewBorder(t.filter, t.full, nil, nil, t.view)
	return t
}

func (t *table[T]) widths() {
	for i, c := range t.cols {
		t.view.SetColumnWidth(i, c.width)
	}
}

// setColumns replaces the columns, for tables whose columns follow the
// data (a day each, a report's section).
func (t *table[T]) setColumns(cols ...column[T]) {
	t.cols, t.sortCol = cols, -1
	t.widths()
	t.view.Refresh()
}

// set shows rows, kept in the sort and filter chosen.
func (t *table[T]) set(rows []T) {
	t.all = rows
	t.show()
}

// shown are the rows as the table shows them.
func (t *table[T]) shown() []T { return t.rows }

// sheet is the table as shown, for a workbook.
func (t *table[T]) sheet(name string) reports.Table { return sheetOf(name, t.cols, t.rows) }

// sheetOf is rows in columns, for a workbook.
func sheetOf[T any](name string, cols []column[T], rows []T) reports.Table {
	s := reports.Table{Name: name}
	for _, c := range cols {
		s.Header = append(s.Header, c.header)
	}
	for _, r := range rows {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = c.text(r)
		}
		s.Rows = append(s.Rows, cells)
	}
	return s
}

// show filters and sorts the rows and draws them.
func (t *table[T]) show() {
	body, tail := t.all, []T(nil)
	if n := min(t.totals, len(t.all)); n > 0 {
		body, tail = t.all[:len(t.all)-n], t.all[len(t.all)-n:]
	}
	t.rows = t.rows[:0]
	if q := strings.TrimSpace(t.filter.Text); q != "" {
		for _, r := range body {
			if t.matches(r, q) {
				t.rows = append(t.rows, r)
			}
		}
	} else {
		t.rows = append(t.rows, body...)
	}
	defer func() {
		t.rows = append(t.rows, tail...)
		t.full.SetText("")
		t.view.Refresh()
	}()
	if t.sortCol < 0 {
		return
	}
	if c := t.cols[t.sortCol]; c.order != nil {
		slices.SortStableFunc(t.rows, func(a, b T) int {
			if t.desc {
				return c.order(b, a)
			}
			return c.order(a, b)
		})
		return
	}
	t.sortByText(t.cols[t.sortCol].text)
}

// sortByText sorts the rows by a column's text, each row's text and its
// pinyin read once rather than at every comparison.
func (t *table[T]) sortByText(text func(T) string) {
	type keyed struct {
		row       T
		text, key string
	}
	rows := make([]keyed, len(t.rows))
	for i, r := range t.rows {
		s := text(r)
		rows[i] = keyed{r, s, data.SortKey(s)}
	}
	slices.SortStableFunc(rows, func(a, b keyed) int {
		if t.desc {
			a, b = b, a
		}
		return compareCells(a.text, a.key, b.text, b.key)
	})
	for i, r := range rows {
		t.rows[i] = r.row
	}
}

func (t *table[T]) matches(r T, q string) bool {
	texts := make([]string, len(t.cols))
	for i, c := range t.cols {
		texts[i] = c.text(r)
	}
	return data.Matches(q, texts...)
}

// sortBy sorts by a column; again by the same one, the other way.
func (t *table[T]) sortBy(col int) {
	if col == t.sortCol {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = col, false
	}
	t.show()
}

// compareText orders cell texts as a clerk reads them: numbers (with a
// unit or sign after them, 120只, 37.5, +12) by value, the rest by pinyin,
// empty cells last.
func compareText(a, b string) int { return compareCells(a, data.SortKey(a), b, data.SortKey(b)) }

// compareCells is compareText with each text's pinyin already read.
func compareCells(a, keyA, b, keyB string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	x, okA := leadingNumber(a)
	y, okB := leadingNumber(b)
	if okA && okB && x != y {
		return cmp.Compare(x, y)
	}
	if c := strings.Compare(keyA, keyB); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// leadingNumber reads the number a cell starts with.
func leadingNumber(s string) (float64, bool) {
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || (end == 0 && (s[end] == '-' || s[end] == '+'))) {
		end++
	}
	v, err := strconv.ParseFloat(s[:end], 64)
	return v, err == nil
}

// openRow offers a row to read whole or to copy, at where it was
// right-clicked.
func (t *table[T]) openRow(row int, at fyne.Position, on fyne.CanvasObject) {
	if row < 0 || row >= len(t.rows) {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(on)
	if c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(t.rowMenu(t.rows[row], c), c, at)
}

// rowMenu is what a right-click offers for a row.
func (t *table[T]) rowMenu(r T, c fyne.Canvas) *fyne.Menu {
	return fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("Show the whole row"), func() { t.showRow(r, c) }),
		fyne.NewMenuItem(lang.L("Copy the row"), func() { fyne.CurrentApp().Clipboard().SetContent(t.rowText(r, "\t")) }))
}

// rowText is a row's cells joined by sep.
func (t *table[T]) rowText(r T, sep string) string {
	cells := make([]string, len(t.cols))
	for i, c := range t.cols {
		cells[i] = c.text(r)
	}
	return strings.Join(cells, sep)
}

// showRow shows every cell of a row whole, with a button to copy it.
func (t *table[T]) showRow(r T, c fyne.Canvas) {
	lines := make([]string, len(t.cols))
	for i, col := range t.cols {
		lines[i] = col.header + ":" + col.text(r)
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	w := fyne.CurrentApp().Driver().AllWindows()[0]
	for _, win := range fyne.CurrentApp().Driver().AllWindows() {
		if win.Canvas() == c {
			w = win
		}
	}
	d := dialog.NewCustomConfirm(lang.L("Row"), lang.L("Copy the row"), lang.L("Close"), container.NewVScroll(text), func(copy bool) {
		if copy {
			fyne.CurrentApp().Clipboard().SetContent(t.rowText(r, "\t"))
		}
	}, w)
	d.Resize(fyne.NewSize(560, min(620, 80+30*float32(len(lines)))))
	showKeyed(w, d, d.Confirm)
}

// tableCell is a cell's text, truncated with an ellipsis; a tap selects
// its row, a right-click opens it.
type tableCell struct {
	widget.Label
	id     widget.TableCellID
	open   func(row int, at fyne.Position, on fyne.CanvasObject)
	choose func(widget.TableCellID)
}

func newTableCell(open func(int, fyne.Position, fyne.CanvasObject), choose func(widget.TableCellID)) *tableCell {
	c := &tableCell{open: open, choose: choose}
	// No truncation of Fyne's: fitted has cut the text to the column.
	c.ExtendBaseWidget(c)
	return c
}

// setText shows s in a cell of width, cut short with … when it is longer
// than the cell; the whole of it is on the line below the table and in
// the row's view.
func (c *tableCell) setText(s string, width float32) { c.SetText(fitted(s, width)) }

// fitKey is a text in a column of a width.
type fitKey struct {
	text  string
	width float32
}

// fits are texts as fitted to their columns. Fyne's own truncation shapes
// the whole text at every refresh, which made a table ten times slower
// than its cells: a text is measured once, and a long one cut once.
var fits = map[fitKey]string{}

// fitted is s as a cell of width shows it: whole when it fits, else cut
// to the longest start that fits with … after it.
func fitted(s string, width float32) string {
	k := fitKey{s, width}
	if f, ok := fits[k]; ok {
		return f
	}
	room := width - 2*theme.InnerPadding()
	measure := func(t string) float32 { return fyne.MeasureText(t, theme.TextSize(), fyne.TextStyle{}).Width }
	f := s
	if measure(s) > room {
		r := []rune(s)
		// no character is narrower than 4 points: start from what could fit
		lo, hi := 0, min(len(r), int(room/4)+1)
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if measure(string(r[:mid])+"…") <= room {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		f = string(r[:lo]) + "…"
	}
	if len(fits) > 20000 { // a long session's worth of cells: start again
		clear(fits)
	}
	fits[k] = f
	return f
}

// TappedSecondary opens the cell's row.
func (c *tableCell) TappedSecondary(e *fyne.PointEvent) { c.open(c.id.Row, e.AbsolutePosition, c) }

// Tapped selects the cell's row: the desktop driver gives a click to the
// cell, which takes right-clicks, not to the table under it.
func (c *tableCell) Tapped(*fyne.PointEvent) { c.choose(c.id) }

// headerCell is a column's header; a tap sorts by it.
type headerCell struct {
	widget.Label
	onTap func()
}

func newHeaderCell() *headerCell {
	h := &headerCell{} // fitted to its column, as the cells are
	h.ExtendBaseWidget(h)
	return h
}

// Tapped sorts by the header's column.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}
