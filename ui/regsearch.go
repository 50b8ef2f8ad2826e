package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// regSearch finds registrations across every checkpoint: by an ID number
// or its last digits, a phone, a plate typed any way, or the start of a
// name; a page at a time, newest first (更多 for the next); what is shown
// can go to a workbook.
type regSearch struct {
	win     fyne.Window
	app     *app.App
	names   map[int64]string
	text    *textField
	post    *widget.Select
	outcome *widget.Select
	from    *textField
	upto    *textField
	table   *table[data.Registration]
	pages   *pager[data.Registration]
	box     fyne.CanvasObject
}

func newRegSearch(w fyne.Window, a *app.App) *regSearch {
	s := &regSearch{win: w, app: a, text: newField()}
	s.text.SetPlaceHolder(lang.L("ID number or its last digits, phone, plate, or the start of a name; Enter to search"))
	s.text.OnSubmitted = func(string) { s.search() }
	s.table = newTableOf(
		col(lang.L("Time"), 130, func(r data.Registration) string { return r.At.Format("2006-01-02 15:04") }),
		col(lang.L("Checkpoint"), 150, func(r data.Registration) string { return s.names[r.CheckpointID] }),
		col(lang.L("Direction"), 50, func(r data.Registration) string { return string(r.Direction) }),
		col(lang.L("Name"), 80, func(r data.Registration) string { return r.Name }),
		col(lang.L("ID number"), 160, func(r data.Registration) string { return data.MaskID(r.IDNumber) }),
		col(lang.L("Phone"), 110, func(r data.Registration) string { return data.MaskPhone(r.Phone) }),
		col(lang.L("Plate"), 100, func(r data.Registration) string { return r.Plate }),
		col(lang.L("Temperature (°C)"), 70, func(r data.Registration) string {
			if r.Celsius == 0 {
				return ""
			}
			return fmt.Sprintf("%.1f", r.Celsius)
		}),
		col(lang.L("Action taken"), 60, func(r data.Registration) string {
			if !r.VoidedAt.IsZero() {
				return lang.L("Voided")
			}
			return string(r.Outcome)
		}),
		col(lang.L("Note"), 200, func(r data.Registration) string { return r.Note }),
		col(lang.L("Registered by"), 70, func(r data.Registration) string { return r.RegisteredBy }),
	)
	s.post = newSelect(nil, nil)
	s.outcome = newSelect(append([]string{lang.L("All outcomes")}, labels(data.PassOutcomes)...), nil)
	s.outcome.SetSelectedIndex(0)
	s.from, s.upto = newDateField(a.Now, nil), newDateField(a.Now, nil)
	s.from.SetPlaceHolder(lang.L("e.g. 2026-11-01"))
	s.upto.SetPlaceHolder(lang.L("e.g. 2026-11-30"))
	for _, e := range []*textField{s.from, s.upto} {
		e.OnSubmitted = func(string) { s.search() }
	}
	find := widget.NewButtonWithIcon(lang.L("Search"), theme.SearchIcon(), s.search)
	s.pages = newPager(w, lang.L("Search"), s.table, data.SearchPage, func(n int, more bool) string {
		if more {
			return lang.L("The newest {{.N}} registrations; 更多 shows the next {{.Page}}.", map[string]any{"N": n, "Page": data.SearchPage})
		}
		return lang.L("{{.N}} registrations", map[string]any{"N": n})
	})
	export := widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), s.export)
	size := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, 36), o)
	}
	filters := container.NewHBox(
		widget.NewLabel(lang.L("Checkpoint")+":"), size(200, s.post),
		widget.NewLabel(lang.L("Action taken")+":"), size(100, s.outcome),
		widget.NewLabel(lang.L("From date")+":"), size(170, s.from),
		widget.NewLabel(lang.L("To date")+":"), size(170, s.upto))
	s.box = container.NewBorder(container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(find, export), s.text), filters),
		s.pages.bar, nil, nil, s.table.box)
	s.setPosts(nil)
	return s
}

// setPosts offers the checkpoints in the post filter, keeping the choice.
func (s *regSearch) setPosts(posts []data.Checkpoint) {
	s.names = map[int64]string{}
	options := []string{lang.L("All checkpoints")}
	for _, p := range posts {
		s.names[p.ID] = p.Name
		options = append(options, p.Name)
	}
	chosen := s.post.Selected
	s.post.Options = options
	if !slices.Contains(options, chosen) {
		chosen = options[0]
	}
	s.post.SetSelected(chosen)
}

// query reads the filters; a mistyped date is named in the message.
func (s *regSearch) query() (data.RegistrationQuery, error) {
	q := data.RegistrationQuery{Text: s.text.Text}
	for id, name := range s.names {
		if name == s.post.Selected {
			q.CheckpointID = id
		}
	}
	if s.outcome.SelectedIndex() > 0 {
		q.Outcome = data.PassOutcome(s.outcome.Selected)
	}
	var err error
	if strings.TrimSpace(s.from.Text) != "" {
		if q.From, err = data.ParseDay(s.from.Text); err != nil {
			return q, err
		}
	}
	if strings.TrimSpace(s.upto.Text) != "" {
		if q.Upto, err = data.ParseDay(s.upto.Text); err != nil {
			return q, err
		}
		q.Upto = q.Upto.AddDate(0, 0, 1) // the whole of the last day
	}
	return q, nil
}

func (s *regSearch) search() {
	q, err := s.query()
	if err != nil {
		showMessage(s.win, lang.L("Search"), lang.L("Please enter a date such as 2026-11-03."))
		return
	}
	s.pages.start(func(last *data.Registration) ([]data.Registration, error) {
		q := q
		if last != nil {
			q.After = *last
		}
		return s.app.DB.SearchRegistrations(s.app.Ctx(), q)
	})
}

// export writes the result (masked: ID numbers and phones as on screen) to
// a workbook in 导出.
func (s *regSearch) export() {
	sheet := s.table.sheet(lang.L("Registrations")) // as shown now
	exporting(s.win, lang.L("Export Excel"), func() (string, error) { return s.app.ExportTable(lang.L("Registrations"), sheet) })
}
