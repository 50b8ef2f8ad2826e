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
	"fangkong/reports"
	"fangkong/say"
)

// regSearch finds registrations across every checkpoint: by an ID number
// or its last digits, a phone, a plate typed any way, or the start of a
// name; the result can go to a workbook.
type regSearch struct {
	win     fyne.Window
	app     *app.App
	rows    []data.Registration
	names   map[int64]string
	headers []string
	text    *widget.Entry
	post    *widget.Select
	outcome *widget.Select
	from    *widget.Entry
	upto    *widget.Entry
	count   *widget.Label
	table   *widget.Table
	box     fyne.CanvasObject
}

// searchLimit bounds one result; a narrower search finds the rest.
const searchLimit = 5000

func newRegSearch(w fyne.Window, a *app.App) *regSearch {
	s := &regSearch{win: w, app: a, text: widget.NewEntry(), count: widget.NewLabel("")}
	s.text.SetPlaceHolder(lang.L("ID number or its last digits, phone, plate, or the start of a name; Enter to search"))
	s.text.OnSubmitted = func(string) { s.search() }
	s.headers = []string{lang.L("Time"), lang.L("Checkpoint"), lang.L("Direction"), lang.L("Name"), lang.L("ID number"),
		lang.L("Phone"), lang.L("Plate"), lang.L("Temperature (°C)"), lang.L("Action taken"), lang.L("Note"), lang.L("Registered by")}
	s.table = newTable(s.headers, []float32{130, 150, 50, 80, 160, 110, 100, 70, 60, 200, 70},
		func() int { return len(s.rows) }, s.cell)
	s.post = widget.NewSelect(nil, nil)
	s.outcome = widget.NewSelect(append([]string{lang.L("All outcomes")}, labels(data.PassOutcomes)...), nil)
	s.outcome.SetSelectedIndex(0)
	s.from, s.upto = widget.NewEntry(), widget.NewEntry()
	s.from.SetPlaceHolder(lang.L("e.g. 2026-11-01"))
	s.upto.SetPlaceHolder(lang.L("e.g. 2026-11-30"))
	for _, e := range []*widget.Entry{s.from, s.upto} {
		e.OnSubmitted = func(string) { s.search() }
	}
	find := widget.NewButtonWithIcon(lang.L("Search"), theme.SearchIcon(), s.search)
	export := widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), s.export)
	size := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, 36), o)
	}
	filters := container.NewHBox(
		widget.NewLabel(lang.L("Checkpoint")+":"), size(200, s.post),
		widget.NewLabel(lang.L("Action taken")+":"), size(100, s.outcome),
		widget.NewLabel(lang.L("From date")+":"), size(120, s.from),
		widget.NewLabel(lang.L("To date")+":"), size(120, s.upto))
	s.box = container.NewBorder(container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(find, export), s.text), filters),
		s.count, nil, nil, s.table)
	s.setPosts(nil)
	return s
}

func (s *regSearch) cell(row, col int) string {
	r := s.rows[row]
	switch col {
	case 0:
		return r.At.Format("2006-01-02 15:04")
	case 1:
		return s.names[r.CheckpointID]
	case 2:
		return string(r.Direction)
	case 3:
		return r.Name
	case 4:
		return data.MaskID(r.IDNumber)
	case 5:
		return data.MaskPhone(r.Phone)
	case 6:
		return r.Plate
	case 7:
		if r.Celsius == 0 {
			return ""
		}
		return fmt.Sprintf("%.1f", r.Celsius)
	case 8:
		if !r.VoidedAt.IsZero() {
			return lang.L("Voided")
		}
		return string(r.Outcome)
	case 9:
		return r.Note
	}
	return r.RegisteredBy
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
	q := data.RegistrationQuery{Text: s.text.Text, Limit: searchLimit}
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
	s.rows, err = s.app.DB.SearchRegistrations(s.app.Ctx(), q)
	if err != nil {
		showMessage(s.win, lang.L("Search"), say.Message(err))
		return
	}
	msg := lang.L("{{.N}} registrations", map[string]any{"N": len(s.rows)})
	if len(s.rows) == searchLimit {
		msg += lang.L(" (the newest {{.N}}; search more narrowly for the rest)", map[string]any{"N": searchLimit})
	}
	s.count.SetText(msg)
	s.table.Refresh()
}

// export writes the result (masked: ID numbers and phones as on screen) to
// a workbook in 导出.
func (s *regSearch) export() {
	t := reports.Table{Name: lang.L("Registrations"), Header: s.headers}
	for i := range s.rows {
		row := make([]string, len(s.headers))
		for c := range row {
			row[c] = s.cell(i, c)
		}
		t.Rows = append(t.Rows, row)
	}
	path, err := s.app.ExportTable(lang.L("Registrations"), t)
	exported(s.win, lang.L("Export Excel"), path, err)
}
