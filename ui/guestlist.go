package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// guestList is a site's guests with search (name, ID number or its last
// digits, phone, room) and filters (in isolation or ended, category).
type guestList struct {
	win      fyne.Window
	app      *app.App
	changed  func()
	siteID   int64
	rows     []data.Guest
	search   *widget.Entry
	status   *widget.Select
	category *widget.Select
	full     *widget.Check // show ID numbers and phones unmasked
	count    *widget.Label
	table    *widget.Table
	box      fyne.CanvasObject
}

func newGuestList(w fyne.Window, a *app.App, changed func()) *guestList {
	l := &guestList{win: w, app: a, changed: changed, count: widget.NewLabel("")}
	statuses := []string{lang.L("In isolation"), lang.L("Ended"), lang.L("All")}
	categories := append([]string{lang.L("All categories")}, data.GuestCategories...)
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder(lang.L("Search by name, ID number or its last digits, phone or room"))
	l.search.OnChanged = func(string) { l.reload() }
	l.status = widget.NewSelect(statuses, func(string) { l.reload() })
	l.status.Selected = statuses[0]
	l.category = widget.NewSelect(categories, func(string) { l.reload() })
	l.category.Selected = categories[0]
	headers := []string{lang.L("Name"), lang.L("Sex"), lang.L("Room"), lang.L("Category"), lang.L("ID number"),
		lang.L("Phone"), lang.L("Checked in"), lang.L("Planned release"), lang.L("Status")}
	l.table = newTable(headers, []float32{80, 50, 100, 165, 165, 115, 130, 110, 80},
		func() int { return len(l.rows) }, l.cell)
	l.table.OnSelected = func(id widget.TableCellID) {
		l.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(l.rows) {
			showGuest(l.win, l.app, l.rows[id.Row].ID, l.changed)
		}
	}
	l.full = widget.NewCheck(lang.L("Show in full"), l.showFull)
	filters := container.NewHBox(l.status, l.category, l.full)
	l.box = container.NewBorder(container.NewBorder(nil, nil, nil, filters, l.search), l.count, nil, nil, l.table)
	return l
}

func (l *guestList) cell(row, col int) string {
	g := l.rows[row]
	switch col {
	case 0:
		return g.Name
	case 1:
		return g.Sex
	case 2:
		return g.Room.Label()
	case 3:
		return g.Category
	case 4:
		if l.full.Checked {
			return g.IDNumber
		}
		return data.MaskID(g.IDNumber)
	case 5:
		if l.full.Checked {
			return g.Phone
		}
		return data.MaskPhone(g.Phone)
	case 6:
		return g.CheckedInAt.Format("2006-01-02 15:04")
	case 7:
		return g.PlannedRelease.Format("2006-01-02")
	}
	if g.InIsolation() {
		return lang.L("In isolation")
	}
	return string(g.Outcome)
}

// showFull unmasks ID numbers and phones on the list: an administrator's
// action (anyone's before operators exist), written to the audit trail.
func (l *guestList) showFull(on bool) {
	if on {
		if !l.app.MayAdminister() {
			l.full.SetChecked(false)
			showMessage(l.win, lang.L("Show in full"), lang.L("Only an administrator may show them in full."))
			return
		}
		if err := l.app.DB.LogAccess(l.app.Ctx(), data.ActShowUnmasked, lang.L("Guest list")); err != nil {
			l.full.SetChecked(false)
			showMessage(l.win, lang.L("Show in full"), say.Message(err))
			return
		}
	}
	l.table.Refresh()
}

// show lists the guests of a site.
func (l *guestList) show(siteID int64) {
	l.siteID = siteID
	l.reload()
}

func (l *guestList) reload() {
	if l.siteID == 0 {
		l.rows = nil
		l.table.Refresh()
		l.count.SetText("")
		return
	}
	q := data.GuestQuery{SiteID: l.siteID, Text: l.search.Text}
	switch l.status.SelectedIndex() {
	case 0:
		q.Status = "in"
	case 1:
		q.Status = "ended"
	}
	if i := l.category.SelectedIndex(); i > 0 {
		q.Category = data.GuestCategories[i-1]
	}
	rows, err := l.app.DB.Guests(l.app.Ctx(), q)
	if err != nil {
		showMessage(l.win, lang.L("Guests"), say.Message(err))
		return
	}
	l.rows = rows
	l.table.Refresh()
	l.count.SetText(lang.L("{{.N}} people", map[string]any{"N": len(rows)}))
}
