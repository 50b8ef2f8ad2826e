package ui

import (
	"fmt"
	"strconv"
	"strings"

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

// checkpoints is 卡口: pick the post once, then register passages from the
// keyboard; the day's totals per shift beside.
type checkpoints struct {
	win   fyne.Window
	app   *app.App
	posts []data.Checkpoint
	post  data.Checkpoint

	picker   *widget.Select
	editBtn  *widget.Button
	reg      *registrationForm
	search   *regSearch
	recent   []data.Registration
	list     *widget.List
	totals   *table[[]string]
	dayRows  [][]string // the day's totals: a row a shift, then all posts
	dayLabel *widget.Label
	day      *dayPicker
	tabs     *container.AppTabs
	box      fyne.CanvasObject
}

// draft is the passage half typed at the chosen post.
func (c *checkpoints) draft() (string, map[string]string) { return "registration", c.reg.draft() }

func (c *checkpoints) submit() { c.reg.submit() }

// firstField is 姓名: the direction is 进 for most passages.
func (c *checkpoints) firstField() fyne.Focusable { return c.reg.name }

// restore goes back to the post the passage was typed at and puts it back.
func (c *checkpoints) restore(f map[string]string) {
	if p, ok := c.draftPost(f); ok {
		c.picker.SetSelected(p.Name)
	}
	c.reg.restore(f)
}

func (c *checkpoints) draftTitle(f map[string]string) string {
	p, _ := c.draftPost(f)
	return strings.TrimSpace(lang.L("Registration") + " " + p.Name + ": " + strings.TrimSpace(f["name"]+" "+f["plate"]))
}

// draftPost is the post a draft was typed at, the posts loaded first if
// the screen has not been shown yet.
func (c *checkpoints) draftPost(f map[string]string) (data.Checkpoint, bool) {
	if len(c.posts) == 0 {
		c.refresh()
	}
	for _, p := range c.posts {
		if strconv.FormatInt(p.ID, 10) == f["post"] {
			return p, true
		}
	}
	return data.Checkpoint{}, false
}

func newCheckpoints(w fyne.Window, a *app.App) *checkpoints {
	c := &checkpoints{win: w, app: a, dayLabel: widget.NewLabel("")}
	c.dayLabel.Wrapping = fyne.TextWrapWord
	c.day = newDayPicker(a.Now, c.showDay)
	c.picker = newSelect(nil, func(name string) {
		for _, p := range c.posts {
			if p.Name == name && p.ID != c.post.ID {
				c.post = p
				c.refresh()
			}
		}
	})
	c.picker.PlaceHolder = lang.L("(No checkpoint yet)")
	c.editBtn = widget.NewButtonWithIcon(lang.L("Edit checkpoint"), theme.DocumentCreateIcon(), func() { c.editPost(c.post) })
	c.reg = newRegistrationForm(w, a, func() { c.refresh() })
	c.search = newRegSearch(w, a)
	c.list = widget.NewList(func() int { return len(c.recent) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(registrationLine(c.recent[id]))
			l.Importance = widget.MediumImportance
			switch {
			case !c.recent[id].VoidedAt.IsZero():
				l.Importance = widget.LowImportance
			case c.recent[id].Fever():
				l.Importance = widget.DangerImportance
			}
			l.Refresh()
		})
	c.list.OnSelected = func(id widget.ListItemID) {
		c.list.UnselectAll()
		if id >= 0 && id < len(c.recent) && c.recent[id].VoidedAt.IsZero() {
			c.voidEntry(c.recent[id])
		}
	}
	c.totals = newTableOf(textColumns([]string{lang.L("Checkpoint"), lang.L("Shift"), lang.L("Entered as"), lang.L("Vehicles"),
		lang.L("People"), lang.L("Turned back"), lang.L("Fevers"), lang.L("Handed over")},
		[]float32{180, 150, 170, 50, 50, 50, 70, 50})...).withFilter()
	c.totals.totals = 2 // the whole day and its night shifts

	toolbar := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel(lang.L("Checkpoint")+":"), container.NewGridWrap(fyne.NewSize(240, 36), c.picker)),
		container.NewHBox(widget.NewButtonWithIcon(lang.L("New checkpoint"), theme.ContentAddIcon(), func() { c.editPost(data.Checkpoint{}) }), c.editBtn),
		nil)
	recentBox := container.NewBorder(heading(lang.L("Latest 20 (tap one to void it)")), nil, nil, nil, c.list)
	left := container.NewHSplit(container.NewVScroll(c.reg.box), recentBox)
	left.SetOffset(0.55)
	c.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Register"), left),
		container.NewTabItem(lang.L("Daily totals"), container.NewBorder(
			container.NewVBox(
				container.NewBorder(nil, nil, c.day.box, container.NewHBox(
					widget.NewButtonWithIcon(lang.L("Enter shift tally"), theme.ContentAddIcon(), c.enterTally),
					widget.NewButtonWithIcon(lang.L("Print registration sheet"), theme.DocumentPrintIcon(), c.printSheet),
					widget.NewButtonWithIcon(lang.L("Print blank form"), theme.DocumentPrintIcon(), c.printBlankForm))),
				c.dayLabel),
			nil, nil, nil, c.totals.box)),
		container.NewTabItem(lang.L("Search"), c.search.box),
	)
	c.box = container.NewBorder(toolbar, nil, nil, nil, c.tabs)
	return c
}

func (c *checkpoints) content() fyne.CanvasObject { return c.box }

// registrationLine is one passage in the latest list.
func registrationLine(r data.Registration) string {
	parts := []string{r.At.Format("15:04"), string(r.Direction), r.Name, r.Plate}
	if r.Celsius != 0 {
		parts = append(parts, fmt.Sprintf("%.1f°C", r.Celsius))
	}
	parts = append(parts, string(r.Outcome))
	if !r.VoidedAt.IsZero() {
		parts = append(parts, lang.L("[voided: {{.Reason}}]", map[string]any{"Reason": r.VoidReason}))
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// showTodayTotals shows today's totals of every checkpoint.
func (c *checkpoints) showTodayTotals() {
	c.day.entry.SetText("")
	c.tabs.SelectIndex(1)
	c.showDay()
}

func (c *checkpoints) refresh() {
	posts, err := c.app.DB.Checkpoints(c.app.Ctx())
	if err != nil {
		showMessage(c.win, lang.L("Checkpoints"), say.Message(err))
		return
	}
	c.posts = posts
	c.search.setPosts(posts)
	c.post = choose(c.picker, posts, c.post,
		func(p data.Checkpoint) int64 { return p.ID }, func(p data.Checkpoint) string { return p.Name })
	if c.post.ID != 0 {
		c.editBtn.Enable()
	} else {
		c.editBtn.Disable()
	}
	c.reg.post = c.post
	c.recent = nil
	if c.post.ID != 0 {
		if c.recent, err = c.app.DB.RecentRegistrations(c.app.Ctx(), c.post.ID, 20); err != nil {
			showMessage(c.win, lang.L("Checkpoints"), say.Message(err))
		}
	}
	c.list.Refresh()
	c.showDay()
}

// showDay fills the chosen day's totals: every post, every shift, where the
// counts came from, and the sums with the night shifts apart.
func (c *checkpoints) showDay() {
	day, ok := c.day.chosen(c.win, lang.L("Daily totals"))
	if !ok {
		return
	}
	days, err := c.app.DB.DayTotals(c.app.Ctx(), day)
	if err != nil {
		showMessage(c.win, lang.L("Checkpoints"), say.Message(err))
		return
	}
	var all, night data.Counts
	c.dayRows = nil
	for _, d := range days {
		for _, s := range d.Shifts {
			c.dayRows = append(c.dayRows, append([]string{d.Checkpoint.Name}, reports.ShiftCells(s)...))
		}
		all.Add(d.Total)
		night.Add(d.Night)
	}
	c.dayRows = append(c.dayRows,
		append([]string{lang.L("All checkpoints"), lang.L("Whole day"), ""}, reports.CountCells(all)...),
		append([]string{lang.L("All checkpoints"), lang.L("Night shifts"), ""}, reports.CountCells(night)...))
	c.dayLabel.SetText(lang.L("Totals for {{.Date}}: shifts that start that day; a shift counts its registrations or its paper tally, never both.",
		map[string]any{"Date": reports.FormatDate(day)}))
	c.totals.set(c.dayRows)
}

// printSheet prints the chosen post's 登记表 for the chosen day.
func (c *checkpoints) printSheet() {
	title := lang.L("Print registration sheet")
	day, ok := c.day.chosen(c.win, title)
	if !ok {
		return
	}
	if c.post.ID == 0 {
		showMessage(c.win, title, lang.L("Choose a checkpoint first."))
		return
	}
	askPersonal(c.win, c.app, title, func(p reports.Personal) {
		post := c.post
		printing(c.win, title, func() (string, error) { return c.app.PrintRegistrationSheet(c.app.Ctx(), post, day, p) })
	})
}

// printBlankForm prints an empty 登记表 for the chosen post, for when the
// computer is down.
func (c *checkpoints) printBlankForm() {
	post := c.post
	printing(c.win, lang.L("Print blank form"), func() (string, error) { return c.app.PrintBlankForm(c.app.Ctx(), post) })
}

// voidEntry voids a mistaken registration with a reason; it stays listed.
func (c *checkpoints) voidEntry(r data.Registration) {
	reason := newField()
	reason.SetPlaceHolder(lang.L("e.g. 重复登记"))
	f := newForm()
	f.add("void_reason", lang.L("Reason"), reason)
	showFormDialog(c.win, lang.L("Void registration")+" — "+registrationLine(r), lang.L("Void"), f, func() error {
		if err := c.app.DB.Void(c.app.Ctx(), r.ID, reason.Text); err != nil {
			return err
		}
		c.refresh()
		return nil
	})
}

// editPost adds or edits a checkpoint.
func (c *checkpoints) editPost(p data.Checkpoint) {
	name, location, manager, phone := newField(), newField(), newField(), newField()
	shifts, staff := newField(), newField()
	kind := newSelect(data.CheckpointKinds, nil)
	needs := newSelect(append([]string{lang.L("(Anyone)")}, data.StaffKinds...), nil)
	needs.SetSelectedIndex(0)
	if p.RequiredKind != "" {
		needs.SetSelected(p.RequiredKind)
	}
	name.SetText(p.Name)
	location.SetText(p.Location)
	manager.SetText(p.Manager)
	phone.SetText(p.Phone)
	kind.SetSelected(p.Kind)
	if len(p.Shifts) == 0 {
		p.Shifts = data.TwoShifts.Shifts()
		p.StaffPerShift = 2
	}
	parts := make([]string, len(p.Shifts))
	for i, s := range p.Shifts {
		parts[i] = s.String()
	}
	shifts.SetText(strings.Join(parts, ","))
	staff.SetText(strconv.Itoa(p.StaffPerShift))
	pattern := newSelect(labels(data.ShiftPatterns), func(s string) { shifts.SetText(data.ShiftPattern(s).Text()) })
	pattern.PlaceHolder = lang.L("(Pattern)")
	f := newForm()
	f.add("name", lang.L("Checkpoint name"), name)
	f.add("kind", lang.L("Kind"), kind)
	f.add("location", lang.L("Location"), location)
	f.add("manager", lang.L("Person in charge"), manager)
	f.add("phone", lang.L("Phone"), phone)
	f.add("shifts", lang.L("Shifts"), container.NewBorder(nil, nil, nil, pattern, shifts))
	f.add("staff_per_shift", lang.L("Staff per shift"), staff)
	f.add("required_kind", lang.L("Each shift includes"), needs)
	title := lang.L("New checkpoint")
	if p.ID != 0 {
		title = lang.L("Edit checkpoint")
	}
	showFormDialog(c.win, title, lang.L("Save"), f, func() error {
		parsed, err := data.ParseShifts(shifts.Text)
		if err != nil {
			return &data.FieldError{Field: "shifts", Err: err}
		}
		n, err := wholeNumber("staff_per_shift", staff.Text)
		if err != nil {
			return err
		}
		p.Name, p.Kind, p.Location, p.Manager, p.Phone, p.Shifts, p.StaffPerShift =
			name.Text, kind.Selected, location.Text, manager.Text, phone.Text, parsed, n
		p.RequiredKind = ""
		if needs.SelectedIndex() > 0 {
			p.RequiredKind = needs.Selected
		}
		id, err := c.app.DB.SaveCheckpoint(c.app.Ctx(), p)
		if err != nil {
			return err
		}
		c.post = data.Checkpoint{ID: id}
		c.refresh()
		return nil
	})
}
