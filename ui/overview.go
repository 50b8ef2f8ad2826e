package ui

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// destinations are where 总览 leads: each opens a screen already narrowed
// to what a tile counts or a line of 待办 asks for.
type destinations struct {
	guests, board, due func() // 隔离点: the people in isolation, the rooms, its 待办
	passages           func() // 卡口: today's totals
	stock              func() // 物资: the stock, items under their levels first
	cases              func() // 异常情况: the open ones
	casesToday         func() // 异常情况: found today
	openCase           func(id int64)
	roster, report     func()
}

// overview is 总览, the command post's front page: the key figures as
// tiles coloured by how they stand, their trend over the last two weeks
// or month, what needs doing in every area (each line opening it), the
// open cases, who is on duty now, and what is still unfiled today.
type overview struct {
	win   fyne.Window
	app   *app.App
	to    destinations
	date  *widget.Label
	span  *choice
	tiles []*keyFigure // the key figures, in the order of overviewTiles
	// the charts: passages and fevers; isolation and rooms; days of supply
	passages, rooms, supply *trendChart
	todo, cases             *fyne.Container
	duty, unfiled           *widget.Label
	box                     fyne.CanvasObject
}

// overviewTiles are the key figures' captions, in the order shown.
var overviewTiles = []string{"In isolation", "Vacant rooms", "Registered today", "Fevers today", "Items under warning level", "Open abnormal cases"}

// trendSpans are the spans the charts offer, in days.
var trendSpans = []int{14, 30}

func newOverview(w fyne.Window, a *app.App, to destinations) *overview {
	o := &overview{win: w, app: a, to: to, date: widget.NewLabel(""), duty: widget.NewLabel(""), unfiled: widget.NewLabel(""),
		todo: container.NewVBox(), cases: container.NewVBox(),
		passages: newTrendChart(lang.L("Registered and fevers")), rooms: newTrendChart(lang.L("In isolation and vacant rooms")),
		supply: newTrendChart(lang.L("Days of supply, the three lowest"))}
	o.date.TextStyle = fyne.TextStyle{Bold: true}
	for _, l := range []*widget.Label{o.duty, o.unfiled} {
		l.Wrapping = fyne.TextWrapWord
	}
	var spans []string
	for _, n := range trendSpans {
		spans = append(spans, lang.L("{{.N}} days", map[string]any{"N": n}))
	}
	o.span = newChoice(spans, "")
	o.span.OnChanged = func(string) { o.refresh() }
	opens := []func(){to.guests, to.board, to.passages, to.casesToday, to.stock, to.cases}
	tiles := container.NewGridWithColumns(len(overviewTiles))
	for i, caption := range overviewTiles {
		t := newKeyFigure(lang.L(caption), opens[i])
		o.tiles = append(o.tiles, t)
		tiles.Add(t)
	}
	charts := container.NewGridWithColumns(3, o.passages, o.rooms, o.supply)
	lists := container.NewGridWithColumns(2,
		container.NewBorder(heading(lang.L("To do")), nil, nil, nil, container.NewVScroll(o.todo)),
		container.NewBorder(heading(lang.L("Open abnormal cases")), container.NewVBox(widget.NewSeparator(), o.duty, o.unfiled),
			nil, nil, container.NewVScroll(o.cases)))
	top := container.NewVBox(container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewLabel(lang.L("Trend of the last")), o.span), o.date), tiles)
	o.box = container.NewBorder(top, nil, nil, nil, container.NewGridWithRows(2, charts, lists))
	return o
}

func (o *overview) content() fyne.CanvasObject { return container.NewPadded(o.box) }

// overviewData is what 总览 shows, read in one go away from the window's
// loop.
type overviewData struct {
	figures data.DailyFigures
	trend   []data.DayPoint
	due     []data.DueItem
	week    data.Week
	issued  []data.IssuedReportLine
	open    data.OpenCaseSummary
}

// refresh reads 总览's figures beside the window's loop (the window is
// drawn at once, the figures fill in) and then shows them.
func (o *overview) refresh() {
	now := o.app.Now()
	o.date.SetText(lang.L("Today is {{.Date}}", map[string]any{"Date": reports.FormatDate(now)}))
	days := trendSpans[max(0, slices.Index(o.span.Options, o.span.Selected))]
	runBusy(o.win, lang.L("Overview"), func() (overviewData, error) { return o.read(now, days) }, func(d overviewData, err error) {
		if err != nil {
			showMessage(o.win, lang.L("Overview"), say.Message(err))
			return
		}
		o.show(d, now)
	})
}

// read gathers 总览's figures at now, with days of trend.
func (o *overview) read(now time.Time, days int) (overviewData, error) {
	ctx := o.app.Ctx()
	var d overviewData
	var err error
	if d.figures, err = o.app.DB.DailyFigures(ctx, now); err != nil {
		return d, err
	}
	if d.trend, err = o.app.DB.PostTrend(ctx, data.StartOfDay(now).AddDate(0, 0, -1), days-1); err != nil {
		return d, err
	}
	d.trend = append(d.trend, data.PointOf(d.figures))
	if d.due, err = o.app.DB.Due(ctx, 0, now); err != nil {
		return d, err
	}
	// Yesterday's night shifts may still be running.
	if d.week, err = o.app.DB.RosterWeek(ctx, data.StartOfDay(now).AddDate(0, 0, -1), 8); err != nil {
		return d, err
	}
	if d.issued, err = o.app.DB.IssuedReports(ctx); err != nil {
		return d, err
	}
	d.open, err = o.app.DB.OpenCasesNow(ctx, 8)
	return d, err
}

// show puts what was read on the screen.
func (o *overview) show(d overviewData, now time.Time) {
	f := d.figures
	o.showTiles(f, d.trend, d.open)
	o.showCharts(d.trend)
	o.showTodo(f, d.due, d.week, d.issued, d.open, now)
	o.showCases(d.open, now)
	o.duty.SetText(dutyNow(f, d.week, now))
	if len(f.Unfiled) == 0 {
		o.unfiled.SetText(lang.L("Everything due so far today has been entered."))
	} else {
		o.unfiled.SetText(lang.L("Not yet filed today") + ":" + strings.Join(f.Unfiled, "、") + "  " +
			lang.L("(the daily report says 未填报 for these, not 0)"))
	}
}

// showTiles sets the key figures, each coloured by how it stands, with
// a note against yesterday or on what lies behind it.
func (o *overview) showTiles(f data.DailyFigures, trend []data.DayPoint, open data.OpenCaseSummary) {
	today, yesterday := trend[len(trend)-1], data.DayPoint{}
	if len(trend) > 1 {
		yesterday = trend[len(trend)-2]
	}
	rooms, awaiting, positive, siteFevers := 0, 0, 0, 0
	for _, s := range f.Sites {
		rooms += s.Rooms
		awaiting += s.AwaitCleaning
		positive += s.PositiveInIsolation
		siteFevers += s.Fevers
	}
	against := func(now, then int) string {
		return lang.L("{{.Diff}} on yesterday", map[string]any{"Diff": signed(now - then)})
	}

	state := tileNormal
	note := against(today.InIsolation, yesterday.InIsolation)
	if positive > 0 {
		state, note = tileDanger, lang.L("{{.N}} of them positive", map[string]any{"N": positive})
	}
	o.tiles[0].set(strconv.Itoa(today.InIsolation), note, state)

	state = tileNormal
	switch {
	case today.Vacant == 0 && rooms > 0:
		state = tileDanger
	case today.Vacant*10 < rooms:
		state = tileWarning
	}
	o.tiles[1].set(strconv.Itoa(today.Vacant), lang.L("{{.N}} await disinfection, of {{.Rooms}} rooms",
		map[string]any{"N": awaiting, "Rooms": rooms}), state)

	o.tiles[2].set(strconv.Itoa(today.Registered), lang.L("{{.Vehicles}} vehicles, {{.Back}} turned back",
		map[string]any{"Vehicles": f.PostsTotal.Vehicles, "Back": f.PostsTotal.TurnedBack}), tileNormal)

	state = tileNormal
	if today.Fevers > 0 {
		state = tileDanger
	}
	o.tiles[3].set(strconv.Itoa(today.Fevers), lang.L("{{.Gates}} at checkpoints, {{.Sites}} at sites",
		map[string]any{"Gates": f.PostsTotal.Fevers, "Sites": siteFevers}), state)

	state, note = tileNormal, lang.L("All items above their levels")
	if len(f.ShortItems) > 0 {
		state, note = tileDanger, f.ShortItems[0]
	}
	o.tiles[4].set(strconv.Itoa(len(f.ShortItems)), note, state)

	state, note = tileNormal, lang.L("None open")
	switch {
	case open.Overdue > 0:
		state, note = tileDanger, lang.L("{{.N}} without a step for over {{.Limit}}", map[string]any{"N": open.Overdue, "Limit": durationText(open.Limit)})
	case open.Open > 0:
		state, note = tileWarning, lang.L("the oldest found {{.Age}} ago", map[string]any{"Age": durationText(o.app.Now().Sub(open.Oldest))})
	}
	o.tiles[5].set(strconv.Itoa(open.Open), note, state)
}

// signed is a difference as +3, −2 or ±0.
func signed(n int) string {
	switch {
	case n > 0:
		return "+" + strconv.Itoa(n)
	case n < 0:
		return "−" + strconv.Itoa(-n)
	}
	return "±0"
}

// showCharts draws the trend: passages as bars with the fevers against the
// right scale; people in isolation and vacant rooms; the days of supply of
// the three key items lowest today.
func (o *overview) showCharts(trend []data.DayPoint) {
	days := make([]time.Time, len(trend))
	people, fevers, isolated, vacant := make([]float64, len(trend)), make([]float64, len(trend)), make([]float64, len(trend)), make([]float64, len(trend))
	for i, p := range trend {
		days[i] = p.Day
		people[i], fevers[i] = float64(p.Registered), float64(p.Fevers)
		isolated[i], vacant[i] = float64(p.InIsolation), float64(p.Vacant)
	}
	o.passages.set(days, []series{
		{name: lang.L("Registered"), color: theme.ColorNamePrimary, bars: true, vals: people},
		{name: lang.L("Fevers"), color: theme.ColorNameError, right: true, vals: fevers},
	})
	o.rooms.set(days, []series{
		{name: lang.L("In isolation"), color: theme.ColorNamePrimary, vals: isolated},
		{name: lang.L("Vacant rooms"), color: theme.ColorNameSuccess, vals: vacant},
	})
	last := trend[len(trend)-1].Supply
	lowest := slices.Clone(last)
	lowest = slices.DeleteFunc(lowest, func(s data.ItemSupply) bool { return s.DaysLeft < 0 })
	slices.SortStableFunc(lowest, func(a, b data.ItemSupply) int { return cmp.Compare(a.DaysLeft, b.DaysLeft) })
	colors := []fyne.ThemeColorName{theme.ColorNameError, theme.ColorNameWarning, theme.ColorNamePrimary}
	var supply []series
	for k, item := range lowest[:min(3, len(lowest))] {
		vals := make([]float64, len(trend))
		for i, p := range trend {
			vals[i] = math.NaN()
			for _, s := range p.Supply {
				if s.Item == item.Item && s.DaysLeft >= 0 {
					vals[i] = math.Round(s.DaysLeft*10) / 10
				}
			}
		}
		name, _, _ := strings.Cut(item.Item, "(") // the name alone: three fit the key
		supply = append(supply, series{name: name, color: colors[k], unit: lang.L("d"), vals: vals})
	}
	o.supply.set(days, supply)
}

// showTodo lists what needs doing from every area, each line opening it.
func (o *overview) showTodo(f data.DailyFigures, due []data.DueItem, week data.Week, issued []data.IssuedReportLine,
	open data.OpenCaseSummary, now time.Time) {
	o.todo.Objects = nil
	add := func(text string, urgent bool, to func()) {
		l := newTapLabel("• "+text, to)
		if urgent {
			l.Importance = widget.DangerImportance
		}
		o.todo.Add(l)
	}
	if open.Open > 0 {
		add(lang.L("Abnormal cases: {{.N}} open, the oldest for {{.Age}}, {{.Overdue}} without a step for more than {{.Limit}} (异常情况).",
			map[string]any{"N": open.Open, "Age": durationText(now.Sub(open.Oldest)), "Overdue": open.Overdue, "Limit": durationText(open.Limit)}),
			open.Overdue > 0, o.to.cases)
	}
	if s := dueSummary(due); s != "" {
		add(lang.L("Isolation sites:")+" "+s, slices.ContainsFunc(due, func(d data.DueItem) bool { return urgentDue[d.Kind] }), o.to.due)
	}
	if len(f.ShortItems) > 0 || len(f.Expiring) > 0 {
		add(lang.L("Materials: {{.Short}} items under their warning level ({{.List}}); {{.Expiring}} batches expire within 30 days.",
			map[string]any{"Short": len(f.ShortItems), "List": strings.Join(f.ShortItems[:min(3, len(f.ShortItems))], "、"), "Expiring": len(f.Expiring)}),
			len(f.ShortItems) > 0, o.to.stock)
	}
	missing := 0
	for _, r := range week.Rows {
		for _, v := range r.Days[1:] {
			if v != nil {
				missing += v.Missing
			}
		}
	}
	for _, v := range week.Leaders[1:] {
		missing += v.Missing
	}
	if missing > 0 {
		add(lang.L("Duty: {{.N}} places not yet filled in the coming week (值班 → 本周自动排班).", map[string]any{"N": missing}), false, o.to.roster)
	}
	reported := slices.ContainsFunc(issued, func(l data.IssuedReportLine) bool { return l.Day.Equal(data.StartOfDay(now)) })
	if !reported {
		add(lang.L("Today's daily report has not been issued yet (报表)."), false, o.to.report)
	}
	if len(o.todo.Objects) == 0 {
		o.todo.Add(widget.NewLabel(lang.L("Nothing waiting.")))
	}
	o.todo.Refresh()
}

// showCases lists the open cases to chase, overdue first, each opening
// its case.
func (o *overview) showCases(open data.OpenCaseSummary, now time.Time) {
	o.cases.Objects = nil
	for _, c := range open.First {
		l := newTapLabel(c.OpenedAt.Format("01-02 15:04")+" "+c.Place+" "+c.Who()+" "+reports.CaseFinding(c)+"  "+caseAge(c, now, open.Limit),
			func() { o.to.openCase(c.ID) })
		l.Importance = widget.WarningImportance
		if c.Overdue(now, open.Limit) {
			l.Importance = widget.DangerImportance
		}
		o.cases.Add(l)
	}
	if more := open.Open - len(open.First); more > 0 {
		o.cases.Add(newTapLabel(lang.L("and {{.N}} more (异常情况)", map[string]any{"N": more}), o.to.cases))
	}
	if open.Open == 0 {
		o.cases.Add(widget.NewLabel(lang.L("None open")))
	}
	o.cases.Refresh()
}

// dutyNow names today's leader and who is on the command post's shift now,
// with how many are on duty at the checkpoints and sites.
func dutyNow(f data.DailyFigures, week data.Week, now time.Time) string {
	var command []string
	others := 0
	for _, r := range week.Rows {
		for _, v := range r.Days {
			if v == nil || now.Before(v.Slot.Start) || !now.Before(v.Slot.End) {
				continue
			}
			if r.Post.Kind == data.CommandPost {
				for _, a := range v.People {
					command = append(command, strings.TrimSpace(a.Staff.Name+" "+a.Staff.Phone))
				}
			} else {
				others += len(v.People)
			}
		}
	}
	leader := string(data.NotFiled)
	if len(f.Leaders) > 0 {
		leader = f.Leaders[0]
	}
	onDuty := string(data.NotFiled)
	if len(command) > 0 {
		onDuty = strings.Join(command, "、")
	}
	return lang.L("Leader of the day: {{.Leader}}    On duty at the command post now: {{.Who}}    On duty at checkpoints and sites now: {{.N}}",
		map[string]any{"Leader": leader, "Who": onDuty, "N": others})
}
