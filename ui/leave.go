package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// leaveList is the leave touching the week, with a form to add more; a
// line tapped can be taken back. Rosters keep everyone on leave off duty.
type leaveList struct {
	win     fyne.Window
	app     *app.App
	changed func()
	table   *table[data.Leave]
	box     fyne.CanvasObject
}

func newLeaveList(w fyne.Window, a *app.App, changed func()) *leaveList {
	l := &leaveList{win: w, app: a, changed: changed}
	l.table = newTableOf(
		col(lang.L("Name"), 100, func(r data.Leave) string { return r.Staff }),
		col(lang.L("From date"), 110, func(r data.Leave) string { return r.From.Format("2006-01-02") }),
		col(lang.L("To date"), 110, func(r data.Leave) string { return r.To.Format("2006-01-02") }),
		col(lang.L("Reason"), 300, func(r data.Leave) string { return r.Reason }))
	l.table.onSelect = l.remove
	add := widget.NewButtonWithIcon(lang.L("Add leave"), theme.ContentAddIcon(), l.add)
	l.box = container.NewBorder(container.NewBorder(nil, nil, nil, add,
		widget.NewLabel(lang.L("Leave touching this week. Tap a line to take it back."))), nil, nil, nil, l.table.box)
	return l
}

func (l *leaveList) show(from, to time.Time) {
	rows, err := l.app.DB.Leaves(l.app.Ctx(), from, to)
	if err != nil {
		showMessage(l.win, lang.L("Leave"), say.Message(err))
		return
	}
	l.table.set(rows)
}

func (l *leaveList) add() {
	staff, err := l.app.DB.Staff(l.app.Ctx(), data.StaffQuery{})
	if err != nil {
		showMessage(l.win, lang.L("Leave"), say.Message(err))
		return
	}
	names := make([]string, len(staff))
	for i, s := range staff {
		names[i] = s.Name + "(" + s.Unit + ")"
	}
	who := newSearchPicker(names)
	who.SetPlaceHolder(lang.L("Type part of the name or its initials"))
	from, to, reason := newDateField(l.app.Now, nil), newDateField(l.app.Now, nil), newField()
	from.SetPlaceHolder(lang.L("e.g. 2026-11-01"))
	to.SetPlaceHolder(lang.L("e.g. 2026-11-30"))
	reason.SetPlaceHolder(lang.L("e.g. 病假"))
	f := newForm()
	f.add("staff", lang.L("Name"), who)
	f.add("from", lang.L("From date"), from)
	f.add("to", lang.L("To date"), to)
	f.add("reason", lang.L("Reason"), reason)
	showFormDialog(l.win, lang.L("Add leave"), lang.L("Save"), f, func() error {
		i := who.chosen()
		if i < 0 {
			return &data.FieldError{Field: "staff", Err: data.ErrNotFound}
		}
		id := staff[i].ID
		start, err := data.ParseDay(from.Text)
		if err != nil {
			return &data.FieldError{Field: "from", Err: err}
		}
		end, err := data.ParseDay(to.Text)
		if err != nil {
			return &data.FieldError{Field: "to", Err: err}
		}
		if _, err := l.app.DB.AddLeave(l.app.Ctx(), data.Leave{StaffID: id, From: start, To: end, Reason: reason.Text}); err != nil {
			return err
		}
		l.changed()
		return nil
	})
}

func (l *leaveList) remove(r data.Leave) {
	confirmDialog(l.win, lang.L("Leave"), lang.L("Take back the leave of {{.Name}}?", map[string]any{"Name": r.Staff}), func(ok bool) {
		if !ok {
			return
		}
		if err := l.app.DB.RemoveLeave(l.app.Ctx(), r.ID); err != nil {
			showMessage(l.win, lang.L("Leave"), say.Message(err))
		}
		l.changed()
	})
}
