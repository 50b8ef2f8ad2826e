package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// dutyLog is the 值班日志 of a day: what came in and how it was handled,
// and the handover notes; entries are added, never changed.
type dutyLog struct {
	win   fyne.Window
	app   *app.App
	day   *dayPicker
	rows  []data.DutyLogEntry
	table *widget.Table
	box   fyne.CanvasObject
}

func newDutyLog(w fyne.Window, a *app.App) *dutyLog {
	l := &dutyLog{win: w, app: a}
	l.day = newDayPicker(a.Now, l.refresh)
	l.table = newTable([]string{lang.L("Time"), lang.L("Kind"), lang.L("Caller"), lang.L("Matter"), lang.L("How handled"), lang.L("Duty officer")},
		[]float32{60, 70, 130, 330, 300, 80}, func() int { return len(l.rows) }, func(row, col int) string {
			e := l.rows[row]
			return []string{e.At.Format("15:04"), e.Kind, e.Caller, e.Matter, e.Handling, e.Officer}[col]
		})
	l.box = container.NewBorder(container.NewBorder(nil, nil, l.day.box, container.NewHBox(
		widget.NewButtonWithIcon(lang.L("Record a matter"), theme.ContentAddIcon(), func() { l.add("记录") }),
		widget.NewButtonWithIcon(lang.L("Handover note"), theme.MailForwardIcon(), func() { l.add("交接班") }))),
		nil, nil, nil, l.table)
	return l
}

func (l *dutyLog) refresh() {
	day, ok := l.day.chosen(l.win, lang.L("Duty log"))
	if !ok {
		return
	}
	var err error
	if l.rows, err = l.app.DB.DutyLog(l.app.Ctx(), day, day.AddDate(0, 0, 1)); err != nil {
		showMessage(l.win, lang.L("Duty log"), Message(err))
		return
	}
	l.table.Refresh()
}

// add records a matter, or the handover note to the next shift.
func (l *dutyLog) add(kind string) {
	caller, matter, handling, officer := widget.NewEntry(), widget.NewMultiLineEntry(), widget.NewMultiLineEntry(), widget.NewEntry()
	officer.SetText(l.app.Operator().Name)
	f := newForm()
	title := lang.L("Handover note")
	if kind == "记录" {
		title = lang.L("Record a matter")
		f.add("caller", lang.L("Caller"), caller)
		f.add("matter", lang.L("Matter"), matter)
		f.add("handling", lang.L("How handled"), handling)
	} else {
		matter.SetPlaceHolder(lang.L("What the next shift must know"))
		f.add("matter", lang.L("Handover note"), matter)
	}
	f.add("officer", lang.L("Duty officer"), officer)
	showFormDialog(l.win, title, lang.L("Save"), f, func() error {
		if _, err := l.app.DB.LogDuty(l.app.Ctx(), data.DutyLogEntry{At: l.app.Now(), Kind: kind, Caller: caller.Text,
			Matter: matter.Text, Handling: handling.Text, Officer: officer.Text}); err != nil {
			return err
		}
		l.refresh()
		return nil
	})
}
