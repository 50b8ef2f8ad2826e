package ui

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// casesScreen is 异常情况: every abnormal case found, those still open
// first (the ones without a step for too long in red at the top), and the
// chosen one with its steps and what can be done next.
type casesScreen struct {
	win     fyne.Window
	app     *app.App
	checkIn func(data.Room) *checkInForm // the isolation screen's, which keeps its draft

	span   *widget.Select
	search *textField
	count  *widget.Label
	limit  time.Duration
	now    time.Time
	table  *table[data.Case]

	chosen   int64 // the case shown; 0: none
	unmasked bool  // its ID number and phone shown in full (an administrator's choice, logged)
	title    *widget.RichText
	facts    *widget.Label
	steps    *fyne.Container
	actions  *fyne.Container
	box      fyne.CanvasObject
}

func newCases(w fyne.Window, a *app.App, checkIn func(data.Room) *checkInForm) *casesScreen {
	c := &casesScreen{win: w, app: a, checkIn: checkIn, search: newField(), count: widget.NewLabel(""),
		title: heading(""), facts: widget.NewLabel(""), steps: container.NewVBox(), actions: container.NewHBox()}
	// The lists the screen offers, the open cases first; query reads them by position.
	c.span = newSelect([]string{lang.L("Open cases"), lang.L("Found today"), lang.L("Last 7 days"),
		lang.L("Last 30 days"), lang.L("All cases")}, nil)
	c.span.SetSelectedIndex(0)
	c.span.OnChanged = func(string) { c.refresh() }
	c.search.SetPlaceHolder(lang.L("Name, plate, place, the last digits of an ID number, phone or case number"))
	c.search.OnChanged = func(string) { c.refresh() }
	c.facts.Wrapping = fyne.TextWrapWord
	c.table = newTableOf(
		col(lang.L("No."), 56, func(r data.Case) string { return strconv.FormatInt(r.ID, 10) }).
			by(func(a, b data.Case) int { return cmp.Compare(a.ID, b.ID) }),
		col(lang.L("State"), 150, func(r data.Case) string { return caseAge(r, c.now, c.limit) }),
		col(lang.L("Found at"), 100, func(r data.Case) string { return r.OpenedAt.Format("01-02 15:04") }).
			by(func(a, b data.Case) int { return a.OpenedAt.Compare(b.OpenedAt) }),
		col(lang.L("Source"), 86, func(r data.Case) string { return string(r.Source) }),
		col(lang.L("Name"), 80, data.Case.Who),
		col(lang.L("Place"), 190, func(r data.Case) string { return r.Place }),
		col(lang.L("Latest step"), 360, func(r data.Case) string {
			if r.LastStep.ID == 0 {
				return lang.L("(nothing done yet)")
			}
			return r.LastStep.At.Format("01-02 15:04") + " " + reports.StepText(r.LastStep)
		}),
	)
	c.table.mark = c.mark
	c.table.onSelect = func(r data.Case) {
		if r.ID != c.chosen {
			c.unmasked = false
			c.show(r.ID)
		}
	}
	toolbar := container.NewBorder(nil, nil,
		container.NewHBox(container.NewGridWrap(fyne.NewSize(130, 36), c.span)),
		container.NewHBox(
			widget.NewButtonWithIcon(lang.L("Record a case…"), theme.ContentAddIcon(), func() { c.open(data.Case{}) }),
			widget.NewButtonWithIcon(lang.L("Print register…"), theme.DocumentPrintIcon(), func() { c.export(".pdf") }),
			widget.NewButtonWithIcon(lang.L("Export Excel…"), theme.DownloadIcon(), func() { c.export(".xlsx") })),
		c.search)
	// The list above, the chosen case below: its facts beside its steps.
	facts := container.NewHSplit(container.NewVScroll(c.facts),
		container.NewBorder(heading(lang.L("Steps")), nil, nil, nil, container.NewVScroll(c.steps)))
	facts.SetOffset(0.38)
	detail := container.NewBorder(container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, c.actions, c.title)),
		nil, nil, nil, facts)
	split := container.NewVSplit(container.NewBorder(nil, c.count, nil, nil, c.table.box), detail)
	split.SetOffset(0.55)
	c.box = container.NewBorder(toolbar, nil, nil, nil, split)
	c.showCase(data.Case{}, nil)
	return c
}

func (c *casesScreen) content() fyne.CanvasObject { return c.box }

// query is the list the span and the search ask for.
func (c *casesScreen) query() data.CaseQuery {
	today := data.StartOfDay(c.app.Now())
	q := data.CaseQuery{Text: c.search.Text, Limit: 2000}
	switch c.span.SelectedIndex() {
	case 0:
		q.OpenOnly = true
	case 1:
		q.From = today
	case 2:
		q.From = today.AddDate(0, 0, -6)
	case 3:
		q.From = today.AddDate(0, 0, -29)
	}
	return q
}

func (c *casesScreen) refresh() {
	ctx := c.app.Ctx()
	var err error
	var rows []data.Case
	if c.limit, err = c.app.DB.CaseOverdue(ctx); err == nil {
		rows, err = c.app.DB.Cases(ctx, c.query())
	}
	if err != nil {
		showMessage(c.win, lang.L("Abnormal cases"), say.Message(err))
		return
	}
	c.now = c.app.Now()
	overdue := 0
	for _, r := range rows {
		if r.Overdue(c.now, c.limit) {
			overdue++
		}
	}
	c.count.SetText(lang.L("{{.N}} cases, {{.Overdue}} without a step for more than {{.Limit}}",
		map[string]any{"N": len(rows), "Overdue": overdue, "Limit": durationText(c.limit)}))
	c.table.set(rows)
	if c.chosen != 0 {
		c.show(c.chosen)
	}
}

// caseAge says how a case stands: settled, or open for how long, or how
// long without a step when that is too long.
func caseAge(r data.Case, now time.Time, limit time.Duration) string {
	switch {
	case !r.Open:
		return lang.L("Settled")
	case r.Overdue(now, limit):
		return lang.L("No step for {{.Age}}", map[string]any{"Age": durationText(now.Sub(r.LastStepAt))})
	}
	return lang.L("Open for {{.Age}}", map[string]any{"Age": durationText(now.Sub(r.OpenedAt))})
}

// mark is red for a case without a step for too long, orange while open.
func (c *casesScreen) mark(r data.Case) widget.Importance {
	switch {
	case r.Overdue(c.now, c.limit):
		return widget.DangerImportance
	case r.Open:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// durationText writes a span of time as a clerk says it: 45分钟, 2小时,
// 3小时20分, 2天5小时.
func durationText(d time.Duration) string {
	m := int(d.Minutes())
	switch {
	case m < 60:
		return lang.L("{{.M}} minutes", map[string]any{"M": max(m, 0)})
	case m%60 == 0 && m < 24*60:
		return lang.L("{{.H}} hours", map[string]any{"H": m / 60})
	case m < 24*60:
		return lang.L("{{.H}} h {{.M}} min", map[string]any{"H": m / 60, "M": m % 60})
	}
	return lang.L("{{.D}} days {{.H}} h", map[string]any{"D": m / (24 * 60), "H": m % (24 * 60) / 60})
}

// show reads a case again and shows it.
func (c *casesScreen) show(id int64) {
	cs, steps, err := c.app.DB.CaseWithSteps(c.app.Ctx(), id)
	if err != nil {
		showMessage(c.win, lang.L("Abnormal cases"), say.Message(err))
		c.showCase(data.Case{}, nil)
		return
	}
	c.showCase(cs, steps)
}

// showCase shows a case: what was found and on whom (ID number and phone
// masked unless an administrator asked), its steps with who recorded
// them, and the actions its state allows.
func (c *casesScreen) showCase(cs data.Case, steps []data.CaseStep) {
	c.chosen = cs.ID
	c.actions.Objects = nil
	c.steps.Objects = nil
	if cs.ID == 0 {
		setHeading(c.title, lang.L("Abnormal cases"))
		c.facts.SetText(lang.L("Choose a case in the list to see its steps and follow it up."))
		c.actions.Refresh()
		c.steps.Refresh()
		return
	}
	setHeading(c.title, reports.CaseNumber(cs)+"  "+reports.CaseState(cs))
	id, phone := data.MaskID(cs.IDNumber), data.MaskPhone(cs.Phone)
	if c.unmasked {
		id, phone = cs.IDNumber, cs.Phone
	}
	var lines []string
	for _, f := range [][2]string{
		{lang.L("Found at"), cs.OpenedAt.Format("2006-01-02 15:04") + "  " + cs.Place},
		{lang.L("Finding"), reports.CaseFinding(cs)},
		{lang.L("Found by"), cs.FoundBy},
		{lang.L("Name"), strings.TrimSpace(cs.Name + " " + cs.Plate)},
		{lang.L("ID number"), id},
		{lang.L("Phone"), phone},
		{lang.L("Came from"), cs.CameFrom},
	} {
		if f[1] != "" {
			lines = append(lines, f[0]+":"+f[1])
		}
	}
	c.facts.SetText(strings.Join(lines, "\n"))
	for _, s := range steps {
		l := widget.NewLabel(s.At.Format("01-02 15:04") + "  " + reports.StepText(s) + "  " +
			lang.L("(recorded by {{.Who}})", map[string]any{"Who": orDash(s.RecordedBy)}))
		l.Wrapping = fyne.TextWrapWord
		if s.Kind == data.StepFever || s.Kind == data.StepPositive {
			l.Importance = widget.DangerImportance
		}
		c.steps.Add(l)
	}
	if len(steps) == 0 {
		c.steps.Add(widget.NewLabel(lang.L("(nothing done yet)")))
	}
	act := func(label string, icon fyne.Resource, f func()) {
		c.actions.Add(widget.NewButtonWithIcon(label, icon, f))
	}
	if cs.Open {
		act(lang.L("Hand over…"), theme.MailForwardIcon(), func() { c.handover(cs) })
		act(lang.L("Result…"), theme.DocumentCreateIcon(), func() { c.result(cs) })
		act(lang.L("Check in at a site…"), theme.StorageIcon(), func() { c.checkInFrom(cs) })
		act(lang.L("Settle…"), theme.ConfirmIcon(), func() { c.settle(cs) })
	} else {
		act(lang.L("Reopen…"), theme.ViewRefreshIcon(), func() { c.reopen(cs) })
	}
	if !c.unmasked && (cs.IDNumber != "" || cs.Phone != "") && c.app.MayAdminister() {
		act(lang.L("Show in full"), theme.VisibilityIcon(), func() {
			if err := c.app.DB.LogAccess(c.app.Ctx(), data.ActShowUnmasked, reports.CaseNumber(cs)); err != nil {
				showMessage(c.win, lang.L("Abnormal cases"), say.Message(err))
				return
			}
			c.unmasked = true
			c.show(cs.ID)
		})
	}
	act(lang.L("Print hand-over slip"), theme.DocumentPrintIcon(), func() { c.printSlip(cs) })
	c.actions.Refresh()
	c.steps.Refresh()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// printSlip prints the 转运交接单 of the case's latest hand-over.
func (c *casesScreen) printSlip(cs data.Case) {
	title := lang.L("Transfer hand-over slip")
	askPersonal(c.win, c.app, title, func(p reports.Personal) {
		path, err := c.app.PrintHandoverSlip(c.app.Ctx(), cs.ID, p)
		if err != nil {
			showMessage(c.win, title, say.Message(err))
			return
		}
		openPrinted(c.win, title, path)
	})
}

// export prints the register of the cases found in a span of days, or
// writes it as a workbook.
func (c *casesScreen) export(ext string) {
	today := data.StartOfDay(c.app.Now())
	from, upto := newDateField(c.app.Now, nil), newDateField(c.app.Now, nil)
	from.SetText(today.AddDate(0, 0, -6).Format("2006-01-02"))
	upto.SetText(today.Format("2006-01-02"))
	f := newForm()
	f.add("from", lang.L("From date"), from)
	f.add("upto", lang.L("To date"), upto)
	title := lang.L("Print register…")
	if ext == ".xlsx" {
		title = lang.L("Export Excel…")
	}
	showFormDialog(c.win, strings.TrimSuffix(title, "…"), lang.L("Continue"), f, func() error {
		first, err := data.ParseDay(from.Text)
		if err != nil {
			return &data.FieldError{Field: "from", Err: err}
		}
		last, err := data.ParseDay(upto.Text)
		if err != nil || last.Before(first) {
			return &data.FieldError{Field: "upto", Err: data.ErrBadDate}
		}
		askPersonal(c.win, c.app, lang.L("Register of abnormal cases"), func(p reports.Personal) {
			path, err := c.app.ExportCases(c.app.Ctx(), first, last.AddDate(0, 0, 1), p, ext)
			switch {
			case err != nil:
				showMessage(c.win, lang.L("Register of abnormal cases"), say.Message(err))
			case ext == ".pdf":
				openPrinted(c.win, lang.L("Register of abnormal cases"), path)
			default:
				showSaved(c.win, path)
			}
		})
		return nil
	})
	c.win.Canvas().Focus(from)
}
