package ui

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
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
		lang.L("Phone"), lang.L("Plate"), lang.L("Temperature (°C)"), lang.L("Outcome"), lang.L("Note")}
	s.table = newTable(s.headers, []float32{130, 150, 50, 80, 160, 110, 100, 70, 60, 200},
		func() int { return len(s.rows) }, s.cell)
	find := widget.NewButtonWithIcon(lang.L("Search"), theme.SearchIcon(), s.search)
	export := widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), s.export)
	s.box = container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(find, export), s.text),
		s.count, nil, nil, s.table)
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
		return r.Direction
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
		return r.Outcome
	}
	return r.Note
}

func (s *regSearch) search() {
	posts, err := s.app.DB.Checkpoints(s.app.Ctx())
	if err == nil {
		s.rows, err = s.app.DB.SearchRegistrations(s.app.Ctx(), data.RegistrationQuery{Text: s.text.Text, Limit: searchLimit})
	}
	if err != nil {
		showMessage(s.win, lang.L("Search"), Message(err))
		return
	}
	s.names = map[int64]string{}
	for _, p := range posts {
		s.names[p.ID] = p.Name
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
	path, err := s.app.OutputPath(s.app.ExportsDir(), lang.L("Registrations"), ".xlsx")
	if err == nil {
		err = writeFile(path, func(f *os.File) error { return reports.WriteXLSX(f, t) })
	}
	if err != nil {
		showMessage(s.win, lang.L("Export Excel"), Message(err))
		return
	}
	showSaved(s.win, path)
}
