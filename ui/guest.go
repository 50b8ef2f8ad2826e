package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// showGuest shows one guest's isolation: who, where, until when, their tests
// and temperatures, and what can be recorded or changed. done runs after
// every change so the screen behind can refresh.
func showGuest(w fyne.Window, a *app.App, guestID int64, done func()) {
	ctx := a.Ctx()
	g, err := a.DB.GuestByID(ctx, guestID)
	if err != nil {
		showMessage(w, lang.L("Guests"), say.Message(err))
		return
	}
	tests, err := a.DB.GuestTests(ctx, guestID)
	if err != nil {
		showMessage(w, lang.L("Guests"), say.Message(err))
		return
	}
	temps, err := a.DB.GuestTemperatures(ctx, guestID)
	if err != nil {
		showMessage(w, lang.L("Guests"), say.Message(err))
		return
	}
	var d dialog.Dialog
	again := func() { done(); showGuest(w, a, guestID, done) }
	act := func(label string, f func()) *widget.Button {
		return widget.NewButton(label, func() { d.Hide(); f() })
	}

	details := []string{
		lang.L("Room") + ":" + g.Room.Label(),
		lang.L("Sex") + ":" + g.Sex,
		lang.L("ID number") + ":" + data.MaskID(g.IDNumber),
		lang.L("Phone") + ":" + g.Phone,
		lang.L("Category") + ":" + g.Category,
		lang.L("Came from") + ":" + g.CameFrom,
		lang.L("Checked in") + ":" + g.CheckedInAt.Format("2006-01-02 15:04"),
		lang.L("Planned release") + ":" + reports.FormatDate(g.PlannedRelease) + " (" + strconv.Itoa(g.PlannedDays) + lang.L("days") + ")",
	}
	if len(g.SpecialNeeds) > 0 {
		details = append(details, lang.L("Special needs")+":"+strings.Join(g.SpecialNeeds, "、"))
	}
	if g.EmergencyContact != "" {
		details = append(details, lang.L("Emergency contact")+":"+g.EmergencyContact+" "+g.EmergencyPhone)
	}
	if !g.InIsolation() {
		details = append(details, lang.L("Ended")+":"+g.EndedAt.Format("2006-01-02 15:04")+" "+string(g.Outcome)+" "+g.OutcomeNote)
	}
	info := widget.NewLabel(strings.Join(details, "\n"))

	testBox := container.NewVBox(heading(lang.L("Nucleic-acid tests")))
	for _, t := range tests {
		t := t
		line := lang.L("Day {{.Day}} ({{.Date}})", map[string]any{"Day": t.Day, "Date": t.DueDate.Format("1月2日")}) + "  "
		if t.Result == "" {
			line += lang.L("not sampled")
		} else {
			line += string(t.Result)
		}
		row := widget.NewLabel(line)
		if t.Result == data.TestPositive {
			row.Importance = widget.DangerImportance
		}
		if g.InIsolation() {
			testBox.Add(container.NewBorder(nil, nil, nil, act(lang.L("Record result"), func() { recordTest(w, a, g, t, again) }), row))
		} else {
			testBox.Add(row)
		}
	}
	tempBox := container.NewVBox(heading(lang.L("Temperatures")))
	for i, t := range temps {
		if i == 6 {
			tempBox.Add(widget.NewLabel(lang.L("… {{.N}} earlier readings", map[string]any{"N": len(temps) - 6})))
			break
		}
		row := widget.NewLabel(t.TakenAt.Format("01-02 15:04") + "  " + fmt.Sprintf("%.1f°C", t.Celsius))
		if t.Fever() {
			row.Importance = widget.DangerImportance
		}
		tempBox.Add(row)
	}
	if len(temps) == 0 {
		tempBox.Add(widget.NewLabel(lang.L("No readings yet.")))
	}

	actions := container.NewGridWithColumns(3)
	actions.Add(act(lang.L("Print release notice"), func() { printReleaseSlip(w, a, g) }))
	if g.InIsolation() {
		actions.Add(act(lang.L("Record temperature"), func() { recordTemperature(w, a, g, again) }))
		actions.Add(act(lang.L("Change release date"), func() { changeRelease(w, a, g, again) }))
		actions.Add(act(lang.L("Move room"), func() { moveGuest(w, a, g, again) }))
		actions.Add(act(lang.L("End isolation…"), func() { endIsolation(w, a, g, tests, func() { done() }) }))
	}
	body := container.NewVBox(info, widget.NewSeparator(), testBox, widget.NewSeparator(), tempBox)
	d = dialog.NewCustom(g.Name, lang.L("Close"), container.NewBorder(nil, actions, nil, nil, container.NewVScroll(body)), w)
	d.Resize(fyne.NewSize(620, 640))
	showKeyed(w, d, d.Hide)
}

// releaseWarning says what a release now would leave undone, one line
// each; empty when nothing.
func releaseWarning(c data.ReleaseConcerns) string {
	if !c.Any() {
		return ""
	}
	var lines []string
	if c.DaysEarly > 0 {
		lines = append(lines, lang.L("{{.N}} days before the planned release date.", map[string]any{"N": c.DaysEarly}))
	}
	for _, t := range c.Positive {
		lines = append(lines, lang.L("The test of day {{.Day}} ({{.Date}}) is positive.", map[string]any{"Day": t.Day, "Date": t.DueDate.Format("1月2日")}))
	}
	for _, t := range c.Unsampled {
		lines = append(lines, lang.L("The test of day {{.Day}} ({{.Date}}) was not sampled.", map[string]any{"Day": t.Day, "Date": t.DueDate.Format("1月2日")}))
	}
	for _, t := range c.Pending {
		lines = append(lines, lang.L("The result of the test of day {{.Day}} ({{.Date}}) is not in.", map[string]any{"Day": t.Day, "Date": t.DueDate.Format("1月2日")}))
	}
	return strings.Join(lines, "\n") + "\n" + lang.L("Confirm only if the release was ordered so.")
}

// printReleaseSlip prints the 解除隔离告知单 for a guest.
func printReleaseSlip(w fyne.Window, a *app.App, g data.Guest) {
	title := lang.L("Print release notice")
	askPersonal(w, a, title, func(p reports.Personal) {
		printing(w, title, func() (string, error) { return a.PrintReleaseSlip(a.Ctx(), g.ID, p) })
	})
}

func recordTemperature(w fyne.Window, a *app.App, g data.Guest, done func()) {
	celsius := newField()
	mark := widget.NewLabel("")
	celsius.OnChanged = func(s string) { markCelsius(mark, s) }
	f := newForm()
	f.add("celsius", lang.L("Temperature (°C)"), container.NewBorder(nil, nil, nil, mark, celsius))
	showFormDialog(w, lang.L("Record temperature")+" — "+g.Name, lang.L("Save"), f, func() error {
		v, err := parseCelsius(celsius.Text)
		if err != nil {
			return err
		}
		if err := a.DB.RecordTemperature(a.Ctx(), g.ID, a.Now(), v); err != nil {
			return err
		}
		done()
		return nil
	})
}

func recordTest(w fyne.Window, a *app.App, g data.Guest, t data.Test, done func()) {
	result := choices(data.TestResults)
	if t.Result != "" {
		result.SetSelected(string(t.Result))
	}
	f := newForm()
	f.add("result", lang.L("Result"), result)
	title := lang.L("Record result") + " — " + g.Name + " " + lang.L("Day {{.Day}} ({{.Date}})", map[string]any{"Day": t.Day, "Date": t.DueDate.Format("1月2日")})
	showFormDialog(w, title, lang.L("Save"), f, func() error {
		if err := a.DB.RecordTestResult(a.Ctx(), t.ID, a.Now(), data.TestResult(result.Selected)); err != nil {
			return err
		}
		done()
		return nil
	})
}

func changeRelease(w fyne.Window, a *app.App, g data.Guest, done func()) {
	days := newField()
	days.SetText(strconv.Itoa(g.PlannedDays))
	release := widget.NewLabel(reports.FormatDate(g.PlannedRelease))
	reason := newField()
	reason.SetPlaceHolder(lang.L("e.g. 第7天核酸待复核,延长7天"))
	newDays := func() (int, error) {
		n, err := wholeNumber("planned_days", days.Text)
		if err != nil || n < 1 || n > 60 {
			return 0, &data.FieldError{Field: "planned_days", Err: data.ErrBadNumber}
		}
		return n, nil
	}
	days.OnChanged = func(string) {
		if n, err := newDays(); err == nil {
			release.SetText(reports.FormatDate(data.ReleaseDate(g.CheckedInAt, n)))
		} else {
			release.SetText(lang.L("Enter 1 to 60 days"))
		}
	}
	f := newForm()
	f.add("old", lang.L("Current release"), widget.NewLabel(reports.FormatDate(g.PlannedRelease)))
	f.add("planned_days", lang.L("Planned days"), days)
	f.add("release", lang.L("New release"), release)
	f.add("reason", lang.L("Reason"), reason)
	showFormDialog(w, lang.L("Change release date")+" — "+g.Name, lang.L("Save"), f, func() error {
		n, err := newDays()
		if err != nil {
			return err
		}
		if err := a.DB.ChangeRelease(a.Ctx(), g.ID, data.ReleaseDate(g.CheckedInAt, n), reason.Text); err != nil {
			return err
		}
		done()
		return nil
	})
}

func moveGuest(w fyne.Window, a *app.App, g data.Guest, done func()) {
	board, err := a.DB.RoomBoard(a.Ctx(), g.SiteID, a.Now())
	if err != nil {
		showMessage(w, lang.L("Move room"), say.Message(err))
		return
	}
	var labels []string
	ids := map[string]int64{}
	for _, r := range board {
		if r.ID != g.Room.ID && !r.OutOfService && r.State != data.RoomAwaitsClean && len(r.Occupants) < r.Capacity {
			labels = append(labels, r.Label())
			ids[r.Label()] = r.ID
		}
	}
	to := newSelect(labels, nil)
	f := newForm()
	f.add("from", lang.L("From"), widget.NewLabel(g.Room.Label()))
	f.add("room", lang.L("To"), to)
	showFormDialog(w, lang.L("Move room")+" — "+g.Name, lang.L("Move"), f, func() error {
		if to.Selected == "" {
			return &data.FieldError{Field: "room", Err: data.ErrBadChoice}
		}
		if err := a.DB.MoveGuest(a.Ctx(), g.ID, ids[to.Selected], a.Now()); err != nil {
			return err
		}
		done()
		return nil
	})
}

// endIsolation ends a stay; a release before its planned date or with a
// test not done is told in red before it is confirmed.
func endIsolation(w fyne.Window, a *app.App, g data.Guest, tests []data.Test, done func()) {
	outcome := choices(data.Outcomes)
	note := newField()
	note.SetPlaceHolder(lang.L("e.g. 转居家健康监测7天"))
	warning := widget.NewLabel(releaseWarning(data.ConcernsOfRelease(g, tests, a.Now())))
	warning.Wrapping = fyne.TextWrapWord
	warning.Importance = widget.DangerImportance
	outcome.OnChanged = func(o string) {
		if data.Outcome(o) == data.Released && warning.Text != "" {
			warning.Show()
		} else {
			warning.Hide()
		}
	}
	outcome.OnChanged(outcome.Selected)
	f := newForm()
	f.add("outcome", lang.L("Outcome"), outcome)
	f.add("outcome_note", lang.L("Note"), note)
	f.add("concerns", "", warning)
	showFormDialog(w, lang.L("End isolation")+" — "+g.Name+" "+g.Room.Label(), lang.L("Confirm"), f, func() error {
		if err := a.DB.EndIsolation(a.Ctx(), g.ID, data.Outcome(outcome.Selected), a.Now(), note.Text); err != nil {
			return err
		}
		done()
		return nil
	})
}
