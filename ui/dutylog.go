package ui

import (
	"fmt"
	"strings"

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

// dutyLog is the 值班日志 of a day: what came in and how it was handled,
// and the handover notes; entries are added, never changed.
type dutyLog struct {
	win      fyne.Window
	app      *app.App
	openCase func(data.Case) // records a matter as an abnormal case
	day      *dayPicker
	table    *table[data.DutyLogEntry]
	box      fyne.CanvasObject
}

func newDutyLog(w fyne.Window, a *app.App, openCase func(data.Case)) *dutyLog {
	l := &dutyLog{win: w, app: a, openCase: openCase}
	l.day = newDayPicker(a.Now, l.refresh)
	l.table = newTableOf(
		col(lang.L("Time"), 60, func(e data.DutyLogEntry) string { return e.At.Format("15:04") }),
		col(lang.L("Kind"), 70, func(e data.DutyLogEntry) string { return string(e.Kind) }),
		col(lang.L("Caller"), 130, func(e data.DutyLogEntry) string { return e.Caller }),
		col(lang.L("Matter"), 330, func(e data.DutyLogEntry) string { return e.Matter }),
		col(lang.L("How handled"), 300, func(e data.DutyLogEntry) string { return e.Handling }),
		col(lang.L("Duty officer"), 80, func(e data.DutyLogEntry) string { return e.Officer }))
	l.table.onSelect = l.showEntry
	l.box = container.NewBorder(container.NewBorder(nil, nil, l.day.box, container.NewHBox(
		widget.NewButtonWithIcon(lang.L("Record a matter"), theme.ContentAddIcon(), func() { l.add(data.LogMatter) }),
		widget.NewButtonWithIcon(lang.L("Handover note"), theme.MailForwardIcon(), func() { l.add(data.LogHandover) }))),
		nil, nil, nil, l.table.box)
	return l
}

func (l *dutyLog) refresh() {
	day, ok := l.day.chosen(l.win, lang.L("Duty log"))
	if !ok {
		return
	}
	rows, err := l.app.DB.DutyLog(l.app.Ctx(), day, day.AddDate(0, 0, 1))
	if err != nil {
		showMessage(l.win, lang.L("Duty log"), say.Message(err))
		return
	}
	l.table.set(rows)
}

// add records a matter, or the handover note to the next shift.
func (l *dutyLog) add(kind data.LogKind) {
	caller, matter, handling, officer := newField(), newMultiLineField(), newMultiLineField(), newField()
	officer.SetText(l.app.Operator().Name)
	f := newForm()
	title := lang.L("Handover note")
	if kind == data.LogMatter {
		title = lang.L("Record a matter")
		f.add("caller", lang.L("Caller"), caller)
		f.add("matter", lang.L("Matter"), matter)
		f.add("handling", lang.L("How handled"), handling)
	} else {
		matter.SetPlaceHolder(lang.L("What the next shift must know"))
		matter.SetMinRowsVisible(6)
		// The next shift takes over every case still open.
		if open, err := l.app.DB.Cases(l.app.Ctx(), data.CaseQuery{OpenOnly: true}); err == nil && len(open) > 0 {
			matter.SetText(openCasesNote(open) + "\n")
		}
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

// openCasesNote lists the cases still open with their last step, for the
// handover note.
func openCasesNote(open []data.Case) string {
	lines := []string{lang.L("Abnormal cases still open: {{.N}}", map[string]any{"N": len(open)})}
	for i, c := range open {
		last := lang.L("(nothing done yet)")
		if c.LastStep.ID != 0 {
			last = c.LastStep.At.Format("01-02 15:04") + " " + reports.StepText(c.LastStep)
		}
		lines = append(lines, fmt.Sprintf("%d. %s %s %s %s;%s", i+1, reports.CaseNumber(c), c.Who(), c.Place,
			reports.CaseFinding(c), lang.L("latest: {{.Step}}", map[string]any{"Step": last})))
	}
	return strings.Join(lines, "\n")
}

// showEntry shows a duty log entry in full; a matter can be recorded as
// an abnormal case from it, its text, officer and time carried over.
func (l *dutyLog) showEntry(e data.DutyLogEntry) {
	text := widget.NewLabel(strings.Join([]string{
		lang.L("Time") + ":" + e.At.Format("2006-01-02 15:04") + "  " + string(e.Kind),
		lang.L("Caller") + ":" + e.Caller,
		lang.L("Matter") + ":" + e.Matter,
		lang.L("How handled") + ":" + e.Handling,
		lang.L("Duty officer") + ":" + e.Officer,
	}, "\n"))
	text.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	box := container.NewVBox(text)
	if e.Kind == data.LogMatter {
		box.Add(widget.NewButtonWithIcon(lang.L("Record as an abnormal case…"), theme.WarningIcon(), func() {
			d.Hide()
			what := e.Matter
			if e.Caller != "" {
				what = e.Caller + ":" + what
			}
			l.openCase(data.Case{What: what, FoundBy: e.Officer, OpenedAt: e.At})
		}))
	}
	d = dialog.NewCustom(lang.L("Duty log"), lang.L("Close"), box, l.win)
	d.Resize(fyne.NewSize(560, 0))
	showKeyed(l.win, d, d.Hide)
}
