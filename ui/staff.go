package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// staffScreen is the staff directory (人员): a searchable list on the left,
// the selected or new person's form on the right.
type staffScreen struct {
	win fyne.Window
	app *app.App

	search       *textField
	showInactive *widget.Check
	count        *widget.Label
	table        *table[data.Staff]

	heading *widget.RichText
	name    *textField
	phone   *textField
	unit    *widget.SelectEntry
	kind    *widget.Select
	mayLead *widget.Check
	active  *widget.Check
	note    *textField
	form    *form
	save    *widget.Button
	toggle  *widget.Button
	loaded  data.Staff // what the form held when last loaded or saved
	box     fyne.CanvasObject
}

func newStaffScreen(w fyne.Window, a *app.App) *staffScreen {
	s := &staffScreen{win: w, app: a}

	s.search = newField()
	s.search.SetPlaceHolder(lang.L("Search by name, pinyin initials, phone or unit"))
	s.search.OnChanged = func(string) { s.refresh() }
	s.showInactive = widget.NewCheck(lang.L("Show inactive"), func(bool) { s.refresh() })
	s.count = widget.NewLabel("")

	s.table = newTableOf(
		col(lang.L("Name"), 90, func(p data.Staff) string { return p.Name }),
		col(lang.L("Phone"), 130, func(p data.Staff) string { return p.Phone }),
		col(lang.L("Unit"), 120, func(p data.Staff) string { return p.Unit }),
		col(lang.L("Kind"), 100, func(p data.Staff) string { return p.Kind }),
		col(lang.L("May lead"), 70, func(p data.Staff) string {
			if p.MayLead {
				return lang.L("Yes")
			}
			return ""
		}),
		col(lang.L("Status"), 70, func(p data.Staff) string {
			if p.Active {
				return lang.L("Active")
			}
			return lang.L("Inactive")
		}))
	s.table.onSelect = s.choose

	s.heading = heading("")
	s.name = newField()
	s.phone = newField()
	s.phone.SetPlaceHolder(lang.L("11-digit mobile, or landline such as 0913-2345678"))
	s.unit = widget.NewSelectEntry(data.StaffUnits)
	s.kind = newSelect(data.StaffKinds, nil)
	s.mayLead = widget.NewCheck(lang.L("May lead on duty"), nil)
	s.active = widget.NewCheck(lang.L("Active"), nil)
	s.note = newMultiLineField()
	s.note.SetMinRowsVisible(3)
	s.note.Wrapping = fyne.TextWrapWord

	s.form = newForm()
	s.form.add("name", lang.L("Name"), s.name)
	s.form.add("phone", lang.L("Phone"), s.phone)
	s.form.add("unit", lang.L("Unit"), s.unit)
	s.form.add("kind", lang.L("Kind"), s.kind)
	s.form.add("may_lead", lang.L("May lead"), s.mayLead)
	s.form.add("active", lang.L("Status"), s.active)
	s.form.add("note", lang.L("Note"), s.note)
	s.form.onSubmit(s.submit)

	s.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.submit)
	s.save.Importance = widget.HighImportance
	s.toggle = widget.NewButton(lang.L("Deactivate"), s.toggleActive)
	revert := widget.NewButton(lang.L("Undo changes"), func() { s.load(s.loaded) })

	toolbar := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.showInactive,
			widget.NewButtonWithIcon(lang.L("New person"), theme.ContentAddIcon(), s.newPerson),
			widget.NewButtonWithIcon(lang.L("Import Excel"), theme.FolderOpenIcon(), s.importXLSX),
			widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), s.exportXLSX),
			widget.NewButtonWithIcon(lang.L("Print contact list"), theme.DocumentPrintIcon(), s.print)),
		s.search)
	editor := container.NewBorder(s.heading, container.NewHBox(s.save, revert, s.toggle), nil, nil,
		container.NewVScroll(s.form.grid))
	split := container.NewHSplit(container.NewBorder(nil, s.count, nil, nil, s.table.box), container.NewPadded(editor))
	split.SetOffset(0.6)
	s.box = container.NewBorder(toolbar, nil, nil, nil, split)
	s.load(data.Staff{Active: true})
	return s
}

func (s *staffScreen) content() fyne.CanvasObject { return s.box }

// refresh reloads the list for the current search.
func (s *staffScreen) refresh() {
	rows, err := s.app.DB.Staff(s.app.Ctx(), data.StaffQuery{
		Text: s.search.Text, IncludeInactive: s.showInactive.Checked,
	})
	if err != nil {
		showMessage(s.win, lang.L("Staff"), say.Message(err))
		return
	}
	s.table.set(rows)
	s.count.SetText(lang.L("{{.N}} people", map[string]any{"N": len(rows)}))
}

// current is the person as the form now shows them.
func (s *staffScreen) current() data.Staff {
	return data.Staff{
		ID: s.loaded.ID, Name: s.name.Text, Phone: s.phone.Text, Unit: s.unit.Text,
		Kind: s.kind.Selected, MayLead: s.mayLead.Checked, Active: s.active.Checked, Note: s.note.Text,
	}
}

func (s *staffScreen) unsaved() bool { return s.current() != s.loaded }

// draft is the person as typed, with the ID of the one being edited.
func (s *staffScreen) draft() (string, map[string]string) {
	if !s.unsaved() {
		return "staff", nil
	}
	c := s.current()
	return "staff", map[string]string{"id": strconv.FormatInt(c.ID, 10), "name": c.Name, "phone": c.Phone,
		"unit": c.Unit, "kind": c.Kind, "may_lead": strconv.FormatBool(c.MayLead), "active": strconv.FormatBool(c.Active), "note": c.Note}
}

// restore opens the person the draft was typed for (or a new one) and
// puts the typed fields back, unsaved.
func (s *staffScreen) restore(f map[string]string) {
	var p data.Staff
	if id, _ := strconv.ParseInt(f["id"], 10, 64); id != 0 {
		if got, err := s.app.DB.StaffMember(s.app.Ctx(), id); err == nil {
			p = got
		}
	}
	s.load(p)
	s.name.SetText(f["name"])
	s.phone.SetText(f["phone"])
	s.unit.SetText(f["unit"])
	if f["kind"] != "" {
		s.kind.SetSelected(f["kind"])
	}
	s.mayLead.SetChecked(f["may_lead"] == "true")
	s.active.SetChecked(f["active"] == "true")
	s.note.SetText(f["note"])
}

func (s *staffScreen) draftTitle(f map[string]string) string {
	return lang.L("Staff") + ": " + strings.TrimSpace(f["name"]+" "+f["phone"])
}
func (s *staffScreen) discard() { s.load(s.loaded) }

// load fills the form with p.
func (s *staffScreen) load(p data.Staff) {
	s.loaded = p
	s.name.SetText(p.Name)
	s.phone.SetText(p.Phone)
	s.unit.SetText(p.Unit)
	if p.Kind == "" {
		s.kind.ClearSelected()
	} else {
		s.kind.SetSelected(p.Kind)
	}
	s.mayLead.SetChecked(p.MayLead)
	s.active.SetChecked(p.Active)
	s.note.SetText(p.Note)
	s.form.clearErrors()
	if p.ID == 0 {
		setHeading(s.heading, lang.L("New person"))
		s.toggle.Hide()
	} else {
		setHeading(s.heading, lang.L("Edit: {{.Name}}", map[string]any{"Name": p.Name}))
		s.toggle.Show()
		if p.Active {
			s.toggle.SetText(lang.L("Deactivate"))
		} else {
			s.toggle.SetText(lang.L("Reactivate"))
		}
	}
}

// whenSaved runs next at once, or after the clerk agrees to drop the form's
// unsaved changes.
func (s *staffScreen) whenSaved(next func()) {
	if !s.unsaved() {
		next()
		return
	}
	askDiscard(s.win, lang.L("The form has changes that are not saved. Discard them?"), next, nil)
}

// choose opens a person in the form, asking first if it holds changes.
func (s *staffScreen) choose(p data.Staff) {
	if p.ID == s.loaded.ID {
		return
	}
	s.whenSaved(func() { s.load(p) })
}

func (s *staffScreen) newPerson() {
	s.whenSaved(func() {
		s.load(data.Staff{Active: true})
		s.win.Canvas().Focus(s.name)
	})
}

// submit saves the form; a bad field gets its message beside it and the
// typed text stays.
func (s *staffScreen) submit() {
	p := s.current()
	s.form.clearErrors()
	id, err := s.app.DB.SaveStaff(s.app.Ctx(), p)
	if err != nil {
		if !s.form.showError(err) {
			showMessage(s.win, lang.L("Not saved"), say.Message(err))
		}
		return
	}
	saved, err := s.app.DB.StaffMember(s.app.Ctx(), id)
	if err != nil {
		showMessage(s.win, lang.L("Staff"), say.Message(err))
		return
	}
	s.load(saved)
	s.refresh()
}

func (s *staffScreen) toggleActive() {
	if s.loaded.ID == 0 {
		return
	}
	s.whenSaved(func() {
		p := s.loaded
		if err := s.app.DB.SetStaffActive(s.app.Ctx(), p.ID, !p.Active); err != nil {
			showMessage(s.win, lang.L("Staff"), say.Message(err))
			return
		}
		p.Active = !p.Active
		s.load(p)
		s.refresh()
	})
}

func (s *staffScreen) importXLSX() {
	ask := fileAsk{title: lang.L("Import Excel"), kind: lang.L("Excel workbooks"), exts: []string{".xlsx", ".XLSX"}}
	chooseFile(s.win, ask, func(path string) {
		imp, err := s.app.ReadStaffImportFile(s.app.Ctx(), path)
		if err != nil {
			showMessage(s.win, lang.L("Import Excel"), say.Message(err))
			return
		}
		s.confirmImport(imp)
	})
}

// confirmImport shows what the file holds, row by row, before anything is
// kept: who would be added, who is already in the directory, and every
// refused row with its reason; then adds all the new ones at once.
func (s *staffScreen) confirmImport(imp app.StaffImport) {
	var b strings.Builder
	b.WriteString(lang.L("{{.New}} people to add; {{.Existing}} already in the directory; {{.Rejected}} rows refused.",
		map[string]any{"New": len(imp.New), "Existing": len(imp.Existing), "Rejected": len(imp.Rejected)}))
	if len(imp.Rejected) > 0 {
		b.WriteString("\n\n" + lang.L("These rows will not be imported:"))
		for _, r := range imp.Rejected {
			b.WriteString("\n" + lang.L("Row {{.Row}} {{.Name}}: {{.Why}}",
				map[string]any{"Row": r.Row, "Name": r.Staff.Name, "Why": say.Message(r.Err)}))
		}
	}
	if len(imp.Existing) > 0 {
		b.WriteString("\n\n" + lang.L("Already in the directory (same name and phone), left as they are:"))
		for _, r := range imp.Existing {
			b.WriteString("\n" + lang.L("Row {{.Row}} {{.Name}}", map[string]any{"Row": r.Row, "Name": r.Staff.Name}))
		}
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, 260))
	if len(imp.New) == 0 {
		d := dialog.NewCustom(lang.L("Import Excel"), lang.L("OK"), container.NewVBox(widget.NewLabel(lang.L("Nothing new to import.")), scroll), s.win)
		showKeyed(s.win, d, d.Hide)
		return
	}
	d := dialog.NewCustomConfirm(lang.L("Import Excel"), lang.L("Import {{.N}} people", map[string]any{"N": len(imp.New)}), lang.L("Cancel"), scroll, func(ok bool) {
		if !ok {
			return
		}
		n, err := s.app.ImportStaff(s.app.Ctx(), imp)
		if err != nil {
			showMessage(s.win, lang.L("Import Excel"), say.Message(err)+"\n"+lang.L("No one was imported."))
			return
		}
		s.refresh()
		showMessage(s.win, lang.L("Import Excel"), lang.L("{{.N}} people imported.", map[string]any{"N": n}))
	}, s.win)
	showKeyed(s.win, d, d.Confirm)
}

func (s *staffScreen) exportXLSX() {
	exporting(s.win, lang.L("Export Excel"), func() (string, error) { return s.app.ExportStaffList(s.app.Ctx()) })
}

// print makes the contact list of everyone active and opens it for printing.
func (s *staffScreen) print() {
	printing(s.win, lang.L("Print contact list"), func() (string, error) { return s.app.PrintContactList(s.app.Ctx()) })
}
