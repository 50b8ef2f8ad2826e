package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// overview is 总览, the command post's front page: today's key numbers,
// who leads and who is on duty now, what needs doing in every area, and
// what is still unfiled before the day's report is issued.
type overview struct {
	win     fyne.Window
	app     *app.App
	date    *widget.Label
	numbers []*widget.Label // the key figures, one card each
	cases   *widget.Label   // the open cases, overdue first
	duty    *widget.Label
	todo    *widget.Label
	unfiled *widget.Label
	sites   *table[data.SiteSummary]
	box     fyne.CanvasObject
}

// overviewCards are the key figures' captions, in the order shown.
var overviewCards = []string{"In isolation", "Vacant rooms", "Registered today", "Fevers today", "Items under warning level", "Open abnormal cases"}

func newOverview(w fyne.Window, a *app.App) *overview {
	o := &overview{win: w, app: a, date: widget.NewLabel(""), duty: widget.NewLabel(""), todo: widget.NewLabel(""), unfiled: widget.NewLabel(""),
		cases: widget.NewLabel("")}
	for _, l := range []*widget.Label{o.duty, o.todo, o.unfiled, o.cases} {
		l.Wrapping = fyne.TextWrapWord
	}
	cards := container.NewGridWithColumns(len(overviewCards))
	for _, caption := range overviewCards {
		n := widget.NewLabel("")
		n.SizeName = "headingText"
		n.Importance = widget.HighImportance
		o.numbers = append(o.numbers, n)
		cards.Add(container.NewVBox(n, widget.NewLabel(lang.L(caption))))
	}
	n := func(header string, width float32, of func(data.SiteSummary) int) column[data.SiteSummary] {
		return col(header, width, func(s data.SiteSummary) string { return strconv.Itoa(of(s)) })
	}
	cols := []column[data.SiteSummary]{col(lang.L("Isolation site"), 200, func(s data.SiteSummary) string { return s.Site.Name }),
		n(lang.L("Rooms"), 60, func(s data.SiteSummary) int { return s.Rooms })}
	for _, state := range []data.RoomState{data.RoomOccupied, data.RoomVacant, data.RoomAwaitsClean, data.RoomOutOfService} {
		cols = append(cols, n(string(state), 65, func(s data.SiteSummary) int { return s.Counts[state] }))
	}
	cols = append(cols, n(lang.L("In isolation"), 80, func(s data.SiteSummary) int { return s.InGuests }))
	for i, h := range []string{lang.L("Vacant by tomorrow"), lang.L("In 2 days"), lang.L("In 3 days")} {
		cols = append(cols, n(h, 90, func(s data.SiteSummary) int { return s.VacantSoon[i] }))
	}
	o.sites = newTableOf(cols...)
	o.box = container.NewBorder(
		container.NewVBox(o.date, cards, o.cases, widget.NewSeparator(), o.duty,
			heading(lang.L("To do")), o.todo, heading(lang.L("Not yet filed today")), o.unfiled, heading(lang.L("Isolation"))),
		nil, nil, nil, o.sites.box)
	return o
}

func (o *overview) content() fyne.CanvasObject { return container.NewPadded(o.box) }

func (o *overview) refresh() {
	ctx, now := o.app.Ctx(), o.app.Now()
	o.date.SetText(lang.L("Today is {{.Date}}", map[string]any{"Date": reports.FormatDate(now)}))
	f, err := o.app.DB.DailyFigures(ctx, now)
	var rows []data.SiteSummary
	var due []data.DueItem
	var week data.Week
	var issued []data.IssuedReportLine
	if err == nil {
		rows, err = o.app.DB.SiteSummaries(ctx, now)
	}
	if err == nil {
		due, err = o.app.DB.Due(ctx, 0, now)
	}
	if err == nil {
		// Yesterday's night shifts may still be running.
		week, err = o.app.DB.RosterWeek(ctx, data.StartOfDay(now).AddDate(0, 0, -1), 8)
	}
	if err == nil {
		issued, err = o.app.DB.IssuedReports(ctx)
	}
	var open data.OpenCaseSummary
	if err == nil {
		open, err = o.app.DB.OpenCasesNow(ctx, 5)
	}
	if err != nil {
		showMessage(o.win, lang.L("Overview"), say.Message(err))
		return
	}
	o.sites.set(rows)
	vacant := 0
	for _, s := range f.Sites {
		vacant += s.Vacant
	}
	for i, n := range []int{f.InIsolation(), vacant, f.PostsTotal.People, f.PostsTotal.Fevers, len(f.ShortItems), open.Open} {
		o.numbers[i].SetText(strconv.Itoa(n))
	}
	cases := o.numbers[len(o.numbers)-1]
	cases.Importance = widget.HighImportance
	if open.Open > 0 {
		cases.Importance = widget.DangerImportance
	}
	cases.Refresh()
	o.cases.SetText(openCasesText(open, now))
	o.cases.Importance = widget.DangerImportance
	o.cases.Hidden = open.Open == 0
	o.duty.SetText(dutyNow(f, week, now))
	o.todo.SetText(o.todoText(f, due, week, issued, open, now))
	if len(f.Unfiled) == 0 {
		o.unfiled.SetText(lang.L("Everything due so far today has been entered."))
	} else {
		o.unfiled.SetText(strings.Join(f.Unfiled, "、") + "  " + lang.L("(the daily report says 未填报 for these, not 0)"))
	}
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

// todoText gathers what needs doing from every area.
func (o *overview) todoText(f data.DailyFigures, due []data.DueItem, week data.Week, issued []data.IssuedReportLine,
	open data.OpenCaseSummary, now time.Time) string {
	var lines []string
	if open.Open > 0 {
		lines = append(lines, lang.L("Abnormal cases: {{.N}} open, the oldest for {{.Age}}, {{.Overdue}} without a step for more than {{.Limit}} (异常情况).",
			map[string]any{"N": open.Open, "Age": durationText(now.Sub(open.Oldest)), "Overdue": open.Overdue, "Limit": durationText(open.Limit)}))
	}
	if s := dueSummary(due); s != "" {
		lines = append(lines, lang.L("Isolation sites:")+" "+s+"  "+lang.L("(details under 隔离点 → 待办)"))
	}
	if len(f.ShortItems) > 0 || len(f.Expiring) > 0 {
		lines = append(lines, lang.L("Materials: {{.Short}} items under their warning level ({{.List}}); {{.Expiring}} batches expire within 30 days.",
			map[string]any{"Short": len(f.ShortItems), "List": strings.Join(f.ShortItems[:min(3, len(f.ShortItems))], "、"), "Expiring": len(f.Expiring)}))
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
		lines = append(lines, lang.L("Duty: {{.N}} places not yet filled in the coming week (值班 → 本周自动排班).", map[string]any{"N": missing}))
	}
	reported := false
	for _, l := range issued {
		reported = reported || l.Day.Equal(data.StartOfDay(now))
	}
	if !reported {
		lines = append(lines, lang.L("Today's daily report has not been issued yet (报表)."))
	}
	if len(lines) == 0 {
		return lang.L("Nothing waiting.")
	}
	return fmt.Sprintf("• %s", strings.Join(lines, "\n• "))
}

// openCasesText lists the open cases to chase, overdue first: five, and
// how many more.
func openCasesText(open data.OpenCaseSummary, now time.Time) string {
	if open.Open == 0 {
		return ""
	}
	lines := []string{lang.L("Open abnormal cases:")}
	for _, c := range open.First {
		lines = append(lines, fmt.Sprintf("• %s %s %s %s  %s", c.OpenedAt.Format("01-02 15:04"), c.Place, c.Who(),
			reports.CaseFinding(c), caseAge(c, now, open.Limit)))
	}
	if more := open.Open - len(open.First); more > 0 {
		lines = append(lines, lang.L("and {{.N}} more (异常情况)", map[string]any{"N": more}))
	}
	return strings.Join(lines, "\n")
}
