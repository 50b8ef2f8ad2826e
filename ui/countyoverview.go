package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// trendDays is how far back the county's 总览 follows its measures.
const trendDays = 14

// countyOverview is 总览 in county mode: the latest whole day across the
// county (who has not reported, with their phones; the county's key
// figures), and the last 14 days of a measure per township and in total.
type countyOverview struct {
	win     fyne.Window
	app     *app.App
	date    *widget.Label
	missing *widget.Label
	numbers []*widget.Label
	measure *widget.Select
	item    *widget.Select
	chart   *barChart
	trend   data.Trend
	days    []data.CountyDay
	table   *table[int] // a row per township (by its place in the trend), then the county
	box     fyne.CanvasObject
}

// countyCards are the key figures' captions, in the order shown.
var countyCards = []string{"Reported", "Not reported", "In isolation", "Vacant rooms", "People checked", "Fevers"}

// measureNames are the trend's measures as offered, in data.Measures' order.
var measureNames = []string{"In isolation", "Vacant rooms", "People checked", "Fevers", "Days of supply"}

func newCountyOverview(w fyne.Window, a *app.App) *countyOverview {
	o := &countyOverview{win: w, app: a, date: widget.NewLabel(""), missing: widget.NewLabel(""), chart: newBarChart()}
	o.date.Wrapping = fyne.TextWrapWord
	o.missing.Wrapping = fyne.TextWrapWord
	cards := container.NewGridWithColumns(len(countyCards))
	for _, caption := range countyCards {
		n := widget.NewLabel("")
		n.SizeName = "headingText"
		n.Importance = widget.HighImportance
		o.numbers = append(o.numbers, n)
		cards.Add(container.NewVBox(n, widget.NewLabel(lang.L(caption))))
	}
	var names []string
	for _, m := range measureNames {
		names = append(names, lang.L(m))
	}
	o.measure = newSelect(names, func(string) { o.showTrend() })
	o.item = newSelect(nil, func(string) { o.showTrend() })
	o.item.Hide()
	o.table = newTableOf[int]()
	o.table.totals = 1
	o.table.mark = func(row int) widget.Importance {
		if row == len(o.trend.Rows) {
			return widget.HighImportance
		}
		return widget.MediumImportance
	}
	head := container.NewVBox(o.date, cards, o.missing, widget.NewSeparator(),
		container.NewHBox(heading(lang.L("Last 14 days")), o.measure, o.item,
			widget.NewLabel(lang.L("Pale bars: a township had not reported, the total is short of it; — : not reported."))),
		container.NewGridWrap(fyne.NewSize(980, 160), o.chart))
	o.box = container.NewBorder(head, nil, nil, nil, o.table.box)
	return o
}

func (o *countyOverview) content() fyne.CanvasObject { return container.NewPadded(o.box) }

func (o *countyOverview) refresh() {
	ctx, now := o.app.Ctx(), o.app.Now()
	last := data.StartOfDay(now).AddDate(0, 0, -1)
	c, err := o.app.DB.CountyDay(ctx, last)
	if err == nil {
		o.days, err = o.app.DB.CountyDays(ctx, last.AddDate(0, 0, 1-trendDays), last)
	}
	if err != nil {
		showMessage(o.win, lang.L("Overview"), say.Message(err))
		return
	}
	o.date.SetText(lang.L("Today is {{.Date}}", map[string]any{"Date": reports.FormatDate(now)}) + "  " +
		lang.L("Latest whole day: {{.Date}}", map[string]any{"Date": reports.FormatDate(last)}) + "  " +
		lang.L("Due by {{.Deadline}}.", map[string]any{"Deadline": c.Deadline.Format("1月2日 15:04")}) + "\n" + reports.RateLine(c))
	posts, sites, _ := c.Totals()
	rate := c.Rate()
	for i, n := range []int{rate.Actual, len(c.Missing()), sites.InIsolation, sites.Vacant, posts.People, posts.Fevers + sites.Fevers} {
		o.numbers[i].SetText(strconv.Itoa(n))
	}
	o.numbers[1].Importance = widget.HighImportance
	if len(c.Missing()) > 0 {
		o.numbers[1].Importance = widget.DangerImportance
	}
	o.numbers[1].Refresh()
	var chase []string
	for _, t := range c.Missing() {
		chase = append(chase, strings.TrimSpace(t.Township.Name+" "+t.Township.Contact+" "+t.Township.Phone))
	}
	o.missing.Importance = widget.MediumImportance
	o.missing.SetText(reports.MissingLine(c))
	if len(chase) > 0 {
		o.missing.Importance = widget.DangerImportance
		o.missing.SetText(lang.L("Not reported, to chase: {{.List}}", map[string]any{"List": strings.Join(chase, ";")}))
	}
	_, _, items := c.Totals()
	var names []string
	for _, it := range items {
		names = append(names, it.Item)
	}
	o.item.Options = names
	if o.item.Selected == "" && len(names) > 0 {
		o.item.Selected = names[0]
	}
	o.item.Refresh()
	if o.measure.SelectedIndex() < 0 {
		o.measure.SetSelectedIndex(0) // shows the trend
		return
	}
	o.showTrend()
}

// showTrend follows the chosen measure over the 14 days.
func (o *countyOverview) showTrend() {
	i := max(o.measure.SelectedIndex(), 0)
	m := data.Measures[i]
	if m == data.MeasureDaysOfSupply {
		o.item.Show()
	} else {
		o.item.Hide()
	}
	o.trend = data.TrendOf(o.days, m, o.item.Selected)
	var labels []string
	for _, d := range o.days {
		labels = append(labels, d.Day.Format("1/2"))
	}
	partial := make([]bool, len(o.trend.Missing))
	for i, n := range o.trend.Missing {
		partial[i] = n > 0
	}
	o.chart.set(o.trend.Total, partial, labels)
	cols := []column[int]{col(lang.L("Township"), 120, func(row int) string { return o.cell(row, 0) })}
	for i, l := range labels {
		cols = append(cols, col(l, 74, func(row int) string { return o.cell(row, i+1) }))
	}
	o.table.setColumns(cols...)
	rows := make([]int, len(o.trend.Rows)+1)
	for i := range rows {
		rows[i] = i
	}
	o.table.set(rows)
}

func (o *countyOverview) cell(row, col int) string {
	if col == 0 {
		if row == len(o.trend.Rows) {
			return lang.L("Whole county")
		}
		return o.trend.Townships[row].Name
	}
	v := o.trend.Total
	if row < len(o.trend.Rows) {
		v = o.trend.Rows[row]
	}
	if col-1 >= len(v) || !v[col-1].Known {
		return "—"
	}
	x := v[col-1].Value
	text := strconv.FormatFloat(x, 'f', 1, 64)
	if x == float64(int(x)) {
		text = strconv.Itoa(int(x))
	}
	if row == len(o.trend.Rows) && o.trend.Missing[col-1] > 0 {
		text += lang.L(" ({{.N}} missing)", map[string]any{"N": o.trend.Missing[col-1]})
	}
	return text
}
