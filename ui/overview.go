package ui

import (
	"cmp"
	"slices"
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
)

// overview is 总览, the command post's front page: what stands today and
// what needs doing. Each area adds its part as it is built.
type overview struct {
	win   fyne.Window
	app   *app.App
	date  *widget.Label
	due   *widget.Label
	stock *widget.Label
	sites *widget.Table
	rows  []data.SiteSummary
	box   fyne.CanvasObject
}

func newOverview(w fyne.Window, a *app.App) *overview {
	o := &overview{win: w, app: a, date: widget.NewLabel(""), due: widget.NewLabel(""), stock: widget.NewLabel("")}
	o.due.Wrapping = fyne.TextWrapWord
	o.stock.Wrapping = fyne.TextWrapWord
	headers := []string{lang.L("Isolation site"), lang.L("Rooms"), string(data.RoomOccupied), string(data.RoomVacant),
		string(data.RoomAwaitsClean), string(data.RoomOutOfService), lang.L("In isolation"),
		lang.L("Vacant by tomorrow"), lang.L("In 2 days"), lang.L("In 3 days")}
	o.sites = newTable(headers, []float32{200, 60, 70, 60, 70, 60, 80, 100, 80, 80},
		func() int { return len(o.rows) }, o.cell)
	o.box = container.NewBorder(
		container.NewVBox(o.date, heading(lang.L("Isolation")), o.due),
		container.NewVBox(heading(lang.L("Materials")), o.stock),
		nil, nil, o.sites)
	return o
}

func (o *overview) content() fyne.CanvasObject { return container.NewPadded(o.box) }

func (o *overview) cell(row, col int) string {
	s := o.rows[row]
	switch col {
	case 0:
		return s.Site.Name
	case 1:
		return strconv.Itoa(s.Rooms)
	case 2, 3, 4, 5:
		return strconv.Itoa(s.Counts[[]data.RoomState{data.RoomOccupied, data.RoomVacant, data.RoomAwaitsClean, data.RoomOutOfService}[col-2]])
	case 6:
		return strconv.Itoa(s.InGuests)
	}
	return strconv.Itoa(s.VacantSoon[col-7])
}

func (o *overview) refresh() {
	ctx := o.app.Ctx()
	now := o.app.Now()
	o.date.SetText(lang.L("Today is {{.Date}}", map[string]any{"Date": reports.FormatDate(now)}))
	rows, err := o.app.DB.SiteSummaries(ctx, now)
	if err != nil {
		showMessage(o.win, lang.L("Overview"), Message(err))
		return
	}
	o.rows = rows
	o.sites.Refresh()
	items, err := o.app.DB.Due(ctx, 0, now)
	if err != nil {
		showMessage(o.win, lang.L("Overview"), Message(err))
		return
	}
	if summary := dueSummary(items); summary == "" {
		o.due.SetText(lang.L("To do at the isolation sites: nothing."))
	} else {
		o.due.SetText(lang.L("To do at the isolation sites:") + summary + "  " + lang.L("(details under 隔离点 → 待办)"))
	}
	o.stock.SetText(o.stockSummary(now))
}

// stockSummary names the items under their warning levels, the batches
// about to expire and the items with the fewest days of supply.
func (o *overview) stockSummary(now time.Time) string {
	lines, err := o.app.DB.StockTable(o.app.Ctx(), now)
	var expiring []data.Batch
	if err == nil {
		expiring, err = o.app.DB.ExpiringBatches(o.app.Ctx(), now)
	}
	if err != nil {
		return Message(err)
	}
	var below []string
	var totals []data.StockLine
	for _, l := range lines {
		if l.Below {
			place := l.Location
			if l.LocationID == 0 {
				place = ""
			}
			below = append(below, strings.TrimSpace(l.Item.Label()+" "+place))
		}
		if l.LocationID == 0 && l.DaysLeft >= 0 {
			totals = append(totals, l)
		}
	}
	slices.SortFunc(totals, func(a, b data.StockLine) int { return cmp.Compare(a.DaysLeft, b.DaysLeft) })
	var lowest []string
	for _, l := range totals[:min(3, len(totals))] {
		lowest = append(lowest, lang.L("{{.Item}} {{.Days}} days", map[string]any{"Item": l.Item.Label(), "Days": daysLeft(l.DaysLeft)}))
	}
	parts := []string{lang.L("Under warning level: {{.List}}.", map[string]any{"List": listOrNone(below)}),
		lang.L("Batches expiring within 30 days: {{.N}}.", map[string]any{"N": len(expiring)}),
		lang.L("Fewest days of supply: {{.List}}.", map[string]any{"List": listOrNone(lowest)})}
	return strings.Join(parts, "\n")
}

func listOrNone(items []string) string {
	if len(items) == 0 {
		return lang.L("none")
	}
	return strings.Join(items, "、")
}
