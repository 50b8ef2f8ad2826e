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
	search   *textField
	status   *widget.Select
	category *widget.Select
	full     *widget.Check // show ID numbers and phones unmasked
	table    *table[data.Guest]
	pages    *pager[data.Guest]
	box      fyne.CanvasObject
}

func newGuestList(w fyne.Window, a *app.App, changed func()) *guestList {
	l := &guestList{win: w, app: a, changed: changed}
	statuses := []string{lang.L("In isolation"), lang.L("Ended"), lang.L("All")}
	categories := append([]string{lang.L("All categories")}, data.GuestCategories...)
	l.search = newField()
	l.search.SetPlaceHolder(lang.L("Search by name, ID number or its last digits, phone or room"))
	l.search.OnChanged = func(string) { l.reload() }
	l.status = newSelect(statuses, func(string) { l.reload() })
	l.status.Selected = statuses[0]
	l.category = newSelect(categories, func(string) { l.reload() })
	l.category.Selected = categories[0]
	l.table = newTableOf(
		col(lang.L("Name"), 80, func(g data.Guest) string { return g.Name }),
		col(lang.L("Sex"), 50, func(g data.Guest) string { return g.Sex }),
		col(lang.L("Room"), 100, func(g data.Guest) string { return g.Room.Label() }),
		col(lang.L("Category"), 165, func(g data.Guest) string { return g.Category }),
		col(lang.L("ID number"), 165, func(g data.Guest) string {
			if l.full.Checked {
				return g.IDNumber
			}
			return data.MaskID(g.IDNumber)
		}),
		col(lang.L("Phone"), 115, func(g data.Guest) string {
			if l.full.Checked {
				return g.Phone
			}
			return data.MaskPhone(g.Phone)
		}),
		col(lang.L("Checked in"), 130, func(g data.Guest) string { return g.CheckedInAt.Format("2006-01-02 15:04") }),
		col(lang.L("Planned release"), 110, func(g data.Guest) string { return g.PlannedRelease.Format("2006-01-02") }),
		col(lang.L("Status"), 80, func(g data.Guest) string {
			if g.InIsolation() {
				return lang.L("In isolation")
			}
			return string(g.Outcome)
		}),
	)
	l.table.onSelect = func(g data.Guest) { showGuest(l.win, l.app, g.ID, l.changed) }
	l.full = widget.NewCheck(lang.L("Show in full"), l.showFull)
	l.pages = newPager(w, lang.L("Guests"), l.table, data.GuestPage, func(n int, more bool) string {
		if more {
			return lang.L("The {{.N}} admitted last; 更多 shows the next {{.Page}}.", map[string]any{"N": n, "Page": data.GuestPage})
		}
		return lang.L("{{.N}} people", map[string]any{"N": n})
	})
	filters := container.NewHBox(l.status, l.category, l.full)
	l.box = container.NewBorder(container.NewBorder(nil, nil, nil, filters, l.search),
		l.pages.bar, nil, nil, l.table.box)
	return l
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
	l.table.view.Refresh()
}

// show lists the guests of a site.
func (l *guestList) show(siteID int64) {
	l.siteID = siteID
	l.reload()
}

func (l *guestList) reload() {
	if l.siteID == 0 {
		l.pages.clear()
		return
	}
	q := data.GuestQuery{SiteID: l.siteID, Text: l.search.Text, Limit: data.GuestPage}
	switch l.status.SelectedIndex() {
	case 0:
		q.Status = "in"
	case 1:
		q.Status = "ended"
	}
	if i := l.category.SelectedIndex(); i > 0 {
		q.Category = data.GuestCategories[i-1]
	}
	l.pages.start(func(last *data.Guest) ([]data.Guest, error) {
		q := q
		if last != nil {
			q.After = *last
		}
		return l.app.DB.Guests(l.app.Ctx(), q)
	})
}
