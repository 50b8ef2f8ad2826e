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
	"fangkong/say"
)

// dueList is 待办 at a site: what needs doing now, the most urgent first.
// Each item opens its guest or room.
type dueList struct {
	win     fyne.Window
	app     *app.App
	items   []data.DueItem
	summary *widget.Label
	list    *widget.List
	box     fyne.CanvasObject
}

// urgent kinds are shown in red.
var urgentDue = map[data.DueKind]bool{data.DuePositive: true, data.DueFever: true,
	data.DueReleaseOverdue: true, data.DueTestOverdue: true}

func newDueList(w fyne.Window, a *app.App, open func(data.DueItem)) *dueList {
	l := &dueList{win: w, app: a, summary: widget.NewLabel("")}
	l.summary.Wrapping = fyne.TextWrapWord
	l.list = widget.NewList(
		func() int { return len(l.items) },
		func() fyne.CanvasObject {
			kind := widget.NewLabel("逾期未解除")
			return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, 36), kind), nil, widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			it := l.items[id]
			c := o.(*fyne.Container)
			text := it.Room + "  " + it.Name
			if it.Detail != "" && (it.Kind == data.DueFever) {
				text += "  " + it.Detail + "°C"
			}
			c.Objects[0].(*widget.Label).SetText(text)
			kind := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
			kind.SetText(string(it.Kind))
			kind.Importance = widget.MediumImportance
			if urgentDue[it.Kind] {
				kind.Importance = widget.DangerImportance
			}
			kind.Refresh()
		})
	l.list.OnSelected = func(id widget.ListItemID) {
		l.list.UnselectAll()
		if id >= 0 && id < len(l.items) {
			open(l.items[id])
		}
	}
	l.box = container.NewBorder(l.summary, nil, nil, nil, l.list)
	return l
}

// show lists what is due at a site now.
func (l *dueList) show(siteID int64) {
	if siteID == 0 {
		l.items = nil
		l.summary.SetText("")
		l.list.Refresh()
		return
	}
	items, err := l.app.DB.Due(l.app.Ctx(), siteID, l.app.Now())
	if err != nil {
		showMessage(l.win, lang.L("To do"), say.Message(err))
		return
	}
	l.items = items
	if summary := dueSummary(items); summary == "" {
		l.summary.SetText(lang.L("Nothing is due."))
	} else {
		l.summary.SetText(summary)
	}
	l.list.Refresh()
}

// dueSummary counts the items by kind, most urgent first: "发热 1   今日核酸 5";
// empty when nothing is due.
func dueSummary(items []data.DueItem) string {
	counts := map[data.DueKind]int{}
	for _, it := range items {
		counts[it.Kind]++
	}
	var parts []string
	for _, k := range data.DueKinds {
		if counts[k] > 0 {
			parts = append(parts, string(k)+" "+strconv.Itoa(counts[k]))
		}
	}
	return strings.Join(parts, "   ")
}
