package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// duty is 值班: the week's roster as a grid (days across, the leader and
// every post's shifts down), generated automatically and changed by hand,
// with each person's load, leave and the duty log.
type duty struct {
	win   fyne.Window
	app   *app.App
	start *dayPicker // any day of the week shown; the week starts on Monday
	week  data.Week
	grid  *widget.Table
	note  *widget.Label
	loads *loadList
	leave *leaveList
	log   *dutyLog
	tabs  *container.AppTabs
	box   fyne.CanvasObject
}

// newDuty builds 值班; openCase records a duty log matter as an abnormal
// case.
func newDuty(w fyne.Window, a *app.App, openCase func(data.Case)) *duty {
	d := &duty{win: w, app: a, note: widget.NewLabel("")}
	d.note.Wrapping = fyne.TextWrapWord
	d.start = newDayPicker(a.Now, d.refresh)
	d.grid = widget.NewTableWithHeaders(
		func() (int, int) { return 1 + len(d.week.Rows), 1 + len(d.week.Days) },
		func() fyne.CanvasObject {
			r := widget.NewRichText()
			r.Wrapping = fyne.TextWrapWord
			return r
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			r := o.(*widget.RichText)
			r.Segments = nil
			for _, l := range d.cell(id.Row, id.Col) {
				r.Segments = append(r.Segments, &widget.TextSegment{Text: l.text,
					Style: widget.RichTextStyle{ColorName: l.color, TextStyle: fyne.TextStyle{Bold: l.bold}}})
			}
			r.Refresh()
		})
	d.grid.ShowHeaderColumn = false
	d.grid.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	d.grid.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		switch {
		case id.Col == 0:
			o.(*widget.Label).SetText(lang.L("Post and shift"))
		case id.Col > 0 && id.Col <= len(d.week.Days):
			o.(*widget.Label).SetText(reports.FormatDay(d.week.Days[id.Col-1]))
		}
	}
	d.grid.SetColumnWidth(0, 160)
	for c := 1; c <= 7; c++ {
		d.grid.SetColumnWidth(c, 124)
	}
	d.grid.OnSelected = func(id widget.TableCellID) {
		d.grid.UnselectAll()
		if v := d.view(id.Row, id.Col); v != nil {
			d.openShift(*v)
		}
	}
	d.loads = newLoadList(w, a)
	d.leave = newLeaveList(w, a, d.refresh)
	d.log = newDutyLog(w, a, openCase)
	d.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Week roster"), container.NewBorder(d.note, nil, nil, nil, d.grid)),
		container.NewTabItem(lang.L("Per person"), d.loads.box),
		container.NewTabItem(lang.L("Leave"), d.leave.box),
		container.NewTabItem(lang.L("Duty log"), d.log.box),
	)
	toolbar := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Week of")), d.start.box),
		container.NewHBox(
			widget.NewButtonWithIcon(lang.L("Roster this week"), theme.MediaPlayIcon(), d.generate),
			widget.NewButtonWithIcon(lang.L("Clear this week"), theme.DeleteIcon(), d.clear),
			widget.NewButtonWithIcon(lang.L("Print duty roster"), theme.DocumentPrintIcon(), d.printWeek),
			widget.NewButtonWithIcon(lang.L("Print day sheet"), theme.DocumentPrintIcon(), d.printDay)))
	d.box = container.NewBorder(toolbar, nil, nil, nil, d.tabs)
	return d
}

func (d *duty) content() fyne.CanvasObject { return d.box }

// monday is the first day of the week shown; a mistyped day is explained
// and ok is false.
func (d *duty) monday() (time.Time, bool) {
	day, ok := d.start.chosen(d.win, lang.L("Duty"))
	return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7)), ok
}

func (d *duty) refresh() {
	from, ok := d.monday()
	if !ok {
		return
	}
	var err error
	if d.week, err = d.app.DB.RosterWeek(d.app.Ctx(), from, 7); err != nil {
		showMessage(d.win, lang.L("Duty"), say.Message(err))
		return
	}
	for row := range len(d.week.Rows) + 1 {
		d.grid.SetRowHeight(row, d.rowHeight(row))
	}
	c := d.counts()
	d.note.SetText(lang.L("WeekNote", map[string]any{"Missing": c.missing, "Warnings": c.warnings}))
	d.grid.Refresh()
	d.loads.show(from.AddDate(0, 0, 7-7*data.FairnessWeeks), from.AddDate(0, 0, 7))
	d.leave.show(from, from.AddDate(0, 0, 6))
	d.log.refresh()
}

// rowHeight fits the most people a row's cells hold, one per line.
func (d *duty) rowHeight(row int) float32 {
	most := 2 // the post and its shift
	for col := 1; col <= len(d.week.Days); col++ {
		if v := d.view(row, col); v != nil {
			// The rules broken take up to three lines in a column this narrow.
			most = max(most, len(v.People)+min(1, v.Missing)+3*min(1, len(v.Warnings)))
		}
	}
	if row == 0 {
		most--
	}
	return 14 + 18*float32(most)
}

// view is the shift under a grid cell: row 0 the leaders, then the posts.
func (d *duty) view(row, col int) *data.ShiftView {
	if col < 1 || col > len(d.week.Days) {
		return nil
	}
	if row == 0 {
		return &d.week.Leaders[col-1]
	}
	if row-1 < len(d.week.Rows) {
		return d.week.Rows[row-1].Days[col-1]
	}
	return nil
}

// cellLine is a line of a grid cell, in the colour of what it says.
type cellLine struct {
	text  string
	color fyne.ThemeColorName
	bold  bool
}

// cell is what the grid shows in a cell: a post and its shift, or the
// people on a shift with the one breaking a rule marked ⚠ in orange (and
// the rule under them), and the places missing in red.
func (d *duty) cell(row, col int) []cellLine {
	if col == 0 {
		if row == 0 {
			return []cellLine{{lang.L("Leader of the day"), theme.ColorNamePrimary, true}}
		}
		r := d.week.Rows[row-1]
		shift := r.Shift.String()
		if r.Shift.Night() {
			shift += lang.L("(night)")
		}
		return []cellLine{{r.Post.Name, theme.ColorNameForeground, true}, {shift, theme.ColorNameForeground, false}}
	}
	v := d.view(row, col)
	if v == nil {
		return []cellLine{{"—", theme.ColorNameDisabled, false}}
	}
	var lines []cellLine
	var broken []data.Rule
	for _, a := range v.People {
		l := cellLine{a.Staff.Name, theme.ColorNameForeground, false}
		if a.Note != "" {
			l.text += " *"
		}
		if len(a.Breaks) > 0 {
			l = cellLine{"⚠" + l.text, theme.ColorNameWarning, true}
			for _, r := range a.Breaks {
				if !slices.Contains(broken, r) {
					broken = append(broken, r)
				}
			}
		}
		lines = append(lines, l)
	}
	for _, r := range v.Warnings {
		if !slices.Contains(broken, r) { // the shift's, not one person's: no one of the kind it needs
			broken = append(broken, r)
		}
	}
	if len(broken) > 0 {
		lines = append(lines, cellLine{say.Rules(broken), theme.ColorNameWarning, false})
	}
	if v.Missing > 0 {
		lines = append(lines, cellLine{lang.L("[{{.N}} missing]", map[string]any{"N": v.Missing}), theme.ColorNameError, true})
	}
	return lines
}

// generate fills the week's open places from today on, then says what
// the grid now shows: places filled, places still open and why, shifts
// with someone breaking a rule.
func (d *duty) generate() {
	from, ok := d.monday()
	if !ok {
		return
	}
	res, err := d.app.DB.Roster(d.app.Ctx(), from, from.AddDate(0, 0, 7))
	if err != nil {
		showMessage(d.win, lang.L("Roster this week"), say.Message(err))
		return
	}
	d.refresh()
	c := d.counts()
	lines := []string{lang.L("{{.N}} places filled.", map[string]any{"N": res.Added})}
	if data.StartOfDay(d.app.Now()).After(from) {
		lines = append(lines, lang.L("Days gone by are left as they were."))
	}
	if c.missing > 0 {
		lines = append(lines, lang.L("Still {{.N}} places open this week (red in the grid), {{.Past}} of them on shifts already begun.",
			map[string]any{"N": c.missing, "Past": c.pastMissing}))
		lines = append(lines, holeLines(res.Holes)...)
	}
	if c.warnings > 0 {
		lines = append(lines, lang.L("{{.N}} shifts have someone breaking a rule (marked ⚠ in the grid): set by hand or by a swap, never by the roster.",
			map[string]any{"N": c.warnings}))
	}
	if c.missing == 0 && c.warnings == 0 {
		lines = append(lines, lang.L("The week is complete; every rule kept."))
	}
	label := widget.NewLabel(strings.Join(lines, "\n"))
	label.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(lang.L("Roster this week"), lang.L("Close"), container.NewVScroll(label), d.win)
	dlg.Resize(fyne.NewSize(680, min(600, 180+44*float32(len(lines)))))
	showKeyed(d.win, dlg, dlg.Hide)
}

// weekCounts are what the grid shows: places missing (those on shifts
// already begun apart) and shifts with someone breaking a rule. The note
// above the grid and the roster's result both say these.
type weekCounts struct {
	missing, pastMissing, warnings int
}

func (d *duty) counts() weekCounts {
	var c weekCounts
	now := d.app.Now()
	count := func(v *data.ShiftView) {
		if v == nil {
			return
		}
		c.missing += v.Missing
		if v.Slot.Start.Before(now) {
			c.pastMissing += v.Missing
		}
		if len(v.Warnings) > 0 {
			c.warnings++
		}
	}
	for i := range d.week.Leaders {
		count(&d.week.Leaders[i])
	}
	for _, r := range d.week.Rows {
		for _, v := range r.Days {
			count(v)
		}
	}
	return c
}

// holeLines explain the places the roster could not fill, a line per post
// and kind: how many, who exists to fill them, what keeps them off, and
// what to change.
func holeLines(holes []data.Hole) []string {
	type group struct {
		post, kind string
		leader     bool
		missing    int
		shifts     int
		pool       int
		stopped    map[data.Rule]bool
	}
	var order []string
	groups := map[string]*group{}
	for _, h := range holes {
		key := h.Slot.Post.Name + "|" + h.Kind
		g := groups[key]
		if g == nil {
			g = &group{post: h.Slot.Post.Name, kind: h.Kind, leader: h.Slot.Post.Kind == data.LeaderPost, stopped: map[data.Rule]bool{}}
			if g.leader {
				g.post = lang.L("Leader of the day")
			}
			groups[key] = g
			order = append(order, key)
		}
		g.missing += h.Missing
		g.shifts++
		g.pool = max(g.pool, h.Pool)
		for r, n := range h.Stopped {
			if n > 0 {
				g.stopped[r] = true
			}
		}
	}
	var out []string
	for _, key := range order {
		g := groups[key]
		head := lang.L("· {{.Post}}: {{.N}} places on {{.Shifts}} shifts.", map[string]any{"Post": g.post, "N": g.missing, "Shifts": g.shifts})
		var why string
		switch {
		case g.leader && g.pool == 0:
			why = lang.L("No one may lead the day: tick 可任带班领导 for someone under 人员.")
		case g.kind != "" && g.pool == 0:
			why = lang.L("It needs {{.Kind}} and there is none: add {{.Kind}} under 人员, or change what the checkpoint needs under 卡口.", map[string]any{"Kind": g.kind})
		case g.pool == 0:
			why = lang.L("No one is active: add people under 人员.")
		default:
			var rules []data.Rule
			for _, r := range []data.Rule{data.RuleLeave, data.RuleRest, data.RuleOverlap, data.RuleInactive, data.RuleLeader} {
				if g.stopped[r] {
					rules = append(rules, r)
				}
			}
			who := lang.L("people who can be rostered")
			if g.kind != "" {
				who = g.kind
			}
			why = lang.L("Of the {{.N}} {{.Who}}, none is free: {{.Rules}}. Add people, take back leave, or need fewer per shift or less rest (设置).",
				map[string]any{"N": g.pool, "Who": who, "Rules": say.Rules(rules)})
		}
		out = append(out, head+why)
	}
	return out
}

// clear removes the week's assignments after asking.
func (d *duty) clear() {
	from, ok := d.monday()
	if !ok {
		return
	}
	confirmLoss(d.win, lang.L("Clear this week"), lang.L("Remove every assignment of this week, including those made by hand?"), func(ok bool) {
		if !ok {
			return
		}
		if _, err := d.app.DB.ClearRoster(d.app.Ctx(), from, from.AddDate(0, 0, 7)); err != nil {
			showMessage(d.win, lang.L("Clear this week"), say.Message(err))
		}
		d.refresh()
	})
}

func (d *duty) printWeek() {
	monday := d.week.Days[0]
	printing(d.win, lang.L("Print duty roster"), func() (string, error) { return d.app.PrintWeekRoster(d.app.Ctx(), monday) })
}

// printDay prints one post's sheet for the day chosen.
func (d *duty) printDay() {
	day, ok := d.start.chosen(d.win, lang.L("Duty"))
	if !ok {
		return
	}
	var names []string
	posts := map[string]data.DutyPost{}
	for _, r := range d.week.Rows {
		if len(names) == 0 || names[len(names)-1] != r.Post.Name {
			names = append(names, r.Post.Name)
			posts[r.Post.Name] = r.Post
		}
	}
	pick := newSelect(names, nil)
	if len(names) > 0 {
		pick.SetSelectedIndex(0)
	}
	f := newForm()
	f.add("post", lang.L("Post"), pick)
	showFormDialog(d.win, lang.L("Print day sheet")+" "+reports.FormatDate(day), lang.L("Print"), f, func() error {
		if pick.Selected == "" {
			return &data.FieldError{Field: "post", Err: data.ErrBadChoice}
		}
		path, err := d.app.PrintDaySheet(d.app.Ctx(), posts[pick.Selected], day)
		if err != nil {
			return err
		}
		openPrinted(d.win, lang.L("Print day sheet"), path)
		return nil
	})
}

// openShift shows who is on a shift, with buttons to take someone off,
// swap them with someone else this week, or add a person.
func (d *duty) openShift(v data.ShiftView) {
	var dlg dialog.Dialog
	rows := container.NewVBox()
	for _, a := range v.People {
		label := a.Staff.Name + "  " + a.Staff.Kind + "  " + a.Staff.Phone
		if a.Note != "" {
			label += "  " + lang.L("(note: {{.Note}})", map[string]any{"Note": a.Note})
		}
		off := widget.NewButtonWithIcon(lang.L("Take off"), theme.ContentRemoveIcon(), func() {
			if err := d.app.DB.Unassign(d.app.Ctx(), a.ID); err != nil {
				showMessage(d.win, lang.L("Duty"), say.Message(err))
			}
			dlg.Hide()
			d.refresh()
		})
		swap := widget.NewButtonWithIcon(lang.L("Swap"), theme.ViewRefreshIcon(), func() { dlg.Hide(); d.swap(a) })
		rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(swap, off), widget.NewLabel(label)))
	}
	if len(v.Warnings) > 0 {
		warn := widget.NewLabel("⚠ " + say.Rules(v.Warnings))
		warn.Importance = widget.WarningImportance
		rows.Add(warn)
	}
	add := widget.NewButtonWithIcon(lang.L("Add a person"), theme.ContentAddIcon(), func() { dlg.Hide(); d.assign(v) })
	title := v.Slot.Post.Name + " " + reports.FormatDay(v.Slot.Start)
	if v.Slot.Post.Kind != data.LeaderPost {
		title += " " + v.Slot.Shift.String()
	}
	dlg = dialog.NewCustom(title, lang.L("Close"), container.NewVBox(rows, add), d.win)
	dlg.Resize(fyne.NewSize(620, 0))
	showKeyed(d.win, dlg, dlg.Hide)
}

// staffChoice picks a person by typing, the least loaded first.
func (d *duty) staffChoice() (*searchPicker, []int64) {
	var options []string
	var ids []int64
	for _, l := range slices.Backward(d.loads.rows) {
		options = append(options, fmt.Sprintf("%s(%s,%s)", l.Staff.Name, l.Staff.Kind, lang.L("{{.N}} shifts", map[string]any{"N": l.Shifts})))
		ids = append(ids, l.Staff.ID)
	}
	p := newSearchPicker(options)
	p.SetPlaceHolder(lang.L("Type part of the name or its initials"))
	return p, ids
}

// assign puts someone on a shift; a break of the rules is named and then
// needs a note to go ahead.
func (d *duty) assign(v data.ShiftView) {
	pick, ids := d.staffChoice()
	note := newField()
	note.SetPlaceHolder(lang.L("Only if a rule must be broken: why"))
	f := newForm()
	f.add("staff", lang.L("Person"), pick)
	f.add("note", lang.L("Note"), note)
	showFormDialog(d.win, lang.L("Add a person"), lang.L("Save"), f, func() error {
		i := pick.chosen()
		if i < 0 {
			return &data.FieldError{Field: "staff", Err: data.ErrBadChoice}
		}
		if _, err := d.app.DB.Assign(d.app.Ctx(), v.Slot, ids[i], note.Text); err != nil {
			return ruleAsNote(err)
		}
		d.refresh()
		return nil
	})
}

// swapOption is a shift someone could swap into.
type swapOption struct {
	label string
	start time.Time
	id    int64
}

// swap exchanges a person with someone on another shift this week, found
// by typing a name, a post or a date; the shifts listed in time order.
func (d *duty) swap(a data.Assignment) {
	var offered []swapOption
	add := func(v *data.ShiftView, label string) {
		if v == nil {
			return
		}
		for _, b := range v.People {
			if b.ID == a.ID || b.StaffID == a.StaffID || (b.PostKind == data.LeaderPost) != (a.PostKind == data.LeaderPost) {
				continue
			}
			offered = append(offered, swapOption{fmt.Sprintf("%s %s %s", reports.FormatDay(b.Start), label, b.Staff.Name), b.Start, b.ID})
		}
	}
	for i := range d.week.Leaders {
		add(&d.week.Leaders[i], lang.L("Leader of the day"))
	}
	for _, r := range d.week.Rows {
		for _, v := range r.Days {
			add(v, r.Post.Name+" "+r.Shift.String())
		}
	}
	slices.SortStableFunc(offered, func(x, y swapOption) int { return x.start.Compare(y.start) })
	options := make([]string, len(offered))
	for i, o := range offered {
		options[i] = o.label
	}
	pick := newSearchPicker(options)
	pick.SetPlaceHolder(lang.L("Type a name, a post or a date"))
	note := newField()
	note.SetPlaceHolder(lang.L("Only if a rule must be broken: why"))
	f := newForm()
	f.add("other", lang.L("Swap with"), pick)
	f.add("note", lang.L("Note"), note)
	showFormDialog(d.win, lang.L("Swap {{.Name}}", map[string]any{"Name": a.Staff.Name}), lang.L("Swap"), f, func() error {
		i := pick.chosen()
		if i < 0 {
			return &data.FieldError{Field: "other", Err: data.ErrBadChoice}
		}
		if err := d.app.DB.Swap(d.app.Ctx(), a.ID, offered[i].id, note.Text); err != nil {
			return ruleAsNote(err)
		}
		d.refresh()
		return nil
	})
}

// ruleAsNote puts a broken rule beside the note field: the change goes
// ahead once a reason is written there.
func ruleAsNote(err error) error {
	var re *data.RuleError
	if errors.As(err, &re) {
		return &data.FieldError{Field: "note", Err: err}
	}
	return err
}

// loadList is everyone's shifts, nights, weekend shifts and days leading
// over four weeks, against the average.
type loadList struct {
	win   fyne.Window
	app   *app.App
	rows  []data.PersonLoad
	mean  float64 // shifts a person on average
	avg   *widget.Label
	table *table[data.PersonLoad]
	box   fyne.CanvasObject
}

func newLoadList(w fyne.Window, a *app.App) *loadList {
	l := &loadList{win: w, app: a, avg: widget.NewLabel("")}
	count := func(header string, width float32, n func(data.PersonLoad) int) column[data.PersonLoad] {
		return col(header, width, func(r data.PersonLoad) string { return strconv.Itoa(n(r)) })
	}
	l.table = newTableOf(
		col(lang.L("Name"), 90, func(r data.PersonLoad) string { return r.Staff.Name }),
		col(lang.L("Unit"), 140, func(r data.PersonLoad) string { return r.Staff.Unit }),
		col(lang.L("Kind"), 100, func(r data.PersonLoad) string { return r.Staff.Kind }),
		count(lang.L("Shift count"), 60, func(r data.PersonLoad) int { return r.Shifts }),
		count(lang.L("Night shift count"), 60, func(r data.PersonLoad) int { return r.Nights }),
		count(lang.L("Weekend shifts"), 70, func(r data.PersonLoad) int { return r.Weekends }),
		count(lang.L("Days leading"), 70, func(r data.PersonLoad) int { return r.Leads }),
		col(lang.L("Against the average"), 120, func(r data.PersonLoad) string { return fmt.Sprintf("%+.1f", float64(r.Shifts)-l.mean) }),
	).withFilter()
	l.table.onSelect = l.showShifts
	l.box = container.NewBorder(l.avg, nil, nil, nil, l.table.box)
	return l
}

// showShifts lists one person's shifts over the four weeks.
func (l *loadList) showShifts(p data.PersonLoad) {
	posts, err := l.app.DB.DutyPosts(l.app.Ctx())
	if err != nil {
		showMessage(l.win, p.Staff.Name, say.Message(err))
		return
	}
	type postID struct {
		kind data.PostKind
		id   int64
	}
	names := map[postID]string{}
	for _, post := range posts {
		names[postID{post.Kind, post.ID}] = post.Name
	}
	table := newTableOf(
		col(lang.L("Date"), 130, func(a data.Assignment) string { return reports.FormatDay(a.Start) }).
			by(func(a, b data.Assignment) int { return a.Start.Compare(b.Start) }),
		col(lang.L("Post"), 190, func(a data.Assignment) string {
			if a.PostKind == data.LeaderPost {
				return lang.L("Leader of the day")
			}
			return names[postID{a.PostKind, a.PostID}]
		}),
		col(lang.L("Shift"), 130, func(a data.Assignment) string {
			if a.PostKind == data.LeaderPost {
				return ""
			}
			return a.Start.Format("15:04") + "-" + a.End.Format("15:04")
		}),
		col(lang.L("Note"), 200, func(a data.Assignment) string { return a.Note }))
	newest := slices.Clone(p.Assignments)
	slices.Reverse(newest)
	table.set(newest)
	dlg := dialog.NewCustom(lang.L("Duty of {{.Name}}", map[string]any{"Name": p.Staff.Name}), lang.L("Close"), table.box, l.win)
	dlg.Resize(fyne.NewSize(700, 520))
	showKeyed(l.win, dlg, dlg.Hide)
}

// average is the shifts a person of rows had on average.
func average(rows []data.PersonLoad) float64 {
	total := 0
	for _, r := range rows {
		total += r.Shifts
	}
	if len(rows) == 0 {
		return 0
	}
	return float64(total) / float64(len(rows))
}

func (l *loadList) show(from, upto time.Time) {
	rows, err := l.app.DB.Loads(l.app.Ctx(), from, upto)
	if err != nil {
		l.avg.SetText(say.Message(err))
		return
	}
	l.rows, l.mean = rows, average(rows)
	l.avg.SetText(lang.L("Four weeks to {{.To}}: {{.Avg}} shifts a person on average. Tap a person for their shifts.", map[string]any{
		"To": upto.AddDate(0, 0, -1).Format("1月2日"), "Avg": fmt.Sprintf("%.1f", l.mean)}))
	l.table.set(rows)
}
