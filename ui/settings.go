package ui

import (
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

// settings is 设置: the command post's details, where the data lives, backups.
type settings struct {
	win     fyne.Window
	renamed func(data.PostInfo)
	app     *app.App
	rules   *isolationRules
	duty    *dutyRules
	numbers *numberSetting
	cases   *numberSetting
	ops     *operators
	mode    *modeSettings
	post    *postForm
	saved   *widget.Label
	box     fyne.CanvasObject
}

// newSettings builds 设置 for the program's mode; modeChanged is called
// once another mode was chosen, to build the screens again.
func newSettings(w fyne.Window, a *app.App, mode data.Mode, renamed func(data.PostInfo), modeChanged func()) *settings {
	s := &settings{win: w, app: a, renamed: renamed, saved: widget.NewLabel(""), rules: newIsolationRules(w, a),
		duty: newDutyRules(w, a), numbers: newReportNumbering(w, a), cases: newCaseOverdue(w, a), ops: newOperators(w, a), mode: newModeSettings(w, a, mode, modeChanged)}
	var submit func()
	s.post = newPostForm(data.PostInfo{}, func() { submit() })
	submit = func() {
		if p, ok := s.post.save(a, w); ok {
			s.saved.SetText(lang.L("Saved."))
			renamed(p)
		}
	}
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), submit)
	save.Importance = widget.HighImportance

	path := widget.NewLabel(a.DB.Path())
	path.Wrapping = fyne.TextWrapBreak
	where := lang.L("This database file was named with --db when the program started.")
	if p, portable, err := app.DefaultDBPath(); err == nil && p == a.DB.Path() {
		where = lang.L("Data is kept in the user's application data folder.")
		if portable {
			where = lang.L("Portable mode: data is kept in the data folder beside the program.")
		}
	}
	openData := widget.NewButtonWithIcon(lang.L("Open its folder"), theme.FolderOpenIcon(), func() {
		if err := openFolder(a.DataDir()); err != nil {
			showMessage(w, lang.L("Settings"), say.Message(err))
		}
	})
	backup := widget.NewButtonWithIcon(lang.L("Back up to…"), theme.DocumentSaveIcon(), s.backup)
	openBackups := widget.NewButtonWithIcon(lang.L("Open automatic backups"), theme.FolderOpenIcon(), func() {
		if err := openFolder(a.BackupDir()); err != nil {
			showMessage(w, lang.L("Settings"), say.Message(err))
		}
	})
	openReports := widget.NewButtonWithIcon(lang.L("Open reports folder"), theme.FolderOpenIcon(), func() {
		if err := openFolder(a.ReportsDir()); err != nil {
			showMessage(w, lang.L("Settings"), say.Message(err))
		}
	})
	autoNote := widget.NewLabel(lang.L("An automatic backup is made on the first start of each day; the last 30 are kept."))
	autoNote.Wrapping = fyne.TextWrapWord

	box := container.NewVBox(
		heading(lang.L("Command post")),
		s.post.form.grid,
		container.NewHBox(save, s.saved),
		widget.NewSeparator(),
		heading(lang.L("Data")),
		widget.NewLabel(lang.L("Database file:")), path, widget.NewLabel(where),
		container.NewHBox(openData, openReports,
			widget.NewButtonWithIcon(lang.L("Audit trail"), theme.HistoryIcon(), func() { showAudit(w, a) })),
		widget.NewSeparator(),
		heading(lang.L("Backup")),
		autoNote,
		container.NewHBox(backup, openBackups,
			widget.NewButtonWithIcon(lang.L("Restore from backup…"), theme.HistoryIcon(), s.restore)),
		widget.NewSeparator(),
		s.mode.box,
	)
	if mode == data.TownshipMode { // the county keeps no isolation or duty of its own
		box.Add(widget.NewSeparator())
		box.Add(s.rules.box)
		box.Add(widget.NewSeparator())
		box.Add(s.duty.box)
		box.Add(widget.NewSeparator())
		box.Add(s.cases.box)
	}
	for _, section := range []fyne.CanvasObject{s.numbers.box, s.ops.box} {
		box.Add(widget.NewSeparator())
		box.Add(section)
	}
	s.box = container.NewVScroll(box)
	return s
}

// heading is a section title. The bundled font has no bold face, so titles
// stand out by size instead.
func heading(text string) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyleSubHeading})
}

// setHeading changes a heading's text.
func setHeading(h *widget.RichText, text string) {
	h.Segments[0].(*widget.TextSegment).Text = text
	h.Refresh()
}

func (s *settings) content() fyne.CanvasObject { return container.NewPadded(s.box) }

func (s *settings) refresh() {
	p, err := s.app.DB.PostInfo(s.app.Ctx())
	if err != nil {
		showMessage(s.win, lang.L("Settings"), say.Message(err))
		return
	}
	s.post.load(p)
	s.saved.SetText("")
	if err := s.rules.refresh(); err != nil {
		showMessage(s.win, lang.L("Settings"), say.Message(err))
	}
	for _, section := range []func() error{s.duty.refresh, s.numbers.refresh, s.cases.refresh, s.mode.refresh} {
		if err := section(); err != nil {
			showMessage(s.win, lang.L("Settings"), say.Message(err))
		}
	}
	s.ops.refresh()
}

func (s *settings) unsaved() bool {
	p, err := s.app.DB.PostInfo(s.app.Ctx())
	return (err == nil && s.post.value() != p) || s.rules.unsaved() || s.duty.unsaved() || s.numbers.unsaved() || s.cases.unsaved() || s.mode.unsaved()
}

func (s *settings) discard() { s.refresh() }

// backup asks for a folder (a USB stick, say) and writes a copy there.
func (s *settings) backup() {
	chooseFolder(s.win, fileAsk{title: lang.L("Back up to…")}, func(dir string) {
		path, err := s.app.Backup(s.app.Ctx(), dir)
		if err != nil {
			showMessage(s.win, lang.L("Backup"), say.Message(err))
			return
		}
		showSaved(s.win, path)
	})
}

// restore replaces the data with a backup the administrator picks, after a
// preview of what it holds; the current data is backed up first.
func (s *settings) restore() {
	if !s.app.MayAdminister() {
		showMessage(s.win, lang.L("Restore from backup…"), lang.L("Only an administrator may restore a backup."))
		return
	}
	ask := fileAsk{title: lang.L("Restore from backup…"), kind: lang.L("Database files"), exts: []string{".db"}, start: s.app.BackupDir()}
	chooseFile(s.win, ask, func(path string) {
		sum, err := data.Summarize(s.app.Ctx(), path)
		if err != nil {
			showMessage(s.win, lang.L("Restore from backup…"), say.Message(err))
			return
		}
		last := lang.L("unknown")
		if !sum.LastChange.IsZero() {
			last = sum.LastChange.Format("2006-01-02 15:04")
		}
		preview := widget.NewLabel(lang.L("RestorePreview", map[string]any{"Path": path, "Last": last,
			"Staff": sum.Staff, "Sites": sum.Sites, "Guests": sum.Guests, "In": sum.InIsolation}))
		preview.Wrapping = fyne.TextWrapWord
		confirm := dialog.NewCustomConfirm(lang.L("Restore from backup…"), lang.L("Restore"), lang.L("Cancel"), preview, func(ok bool) {
			if !ok {
				return
			}
			saved, err := s.app.Restore(s.app.Ctx(), path)
			if err != nil {
				showMessage(s.win, lang.L("Restore from backup…"), say.Message(err))
				return
			}
			s.refresh()
			if p, err := s.app.DB.PostInfo(s.app.Ctx()); err == nil {
				s.renamed(p)
			}
			showFile(s.win, lang.L("Restore from backup…"), lang.L("Restored. The data replaced was first backed up to:"), saved)
		}, s.win)
		confirm.SetConfirmImportance(widget.DangerImportance)
		confirm.Resize(fyne.NewSize(560, 0))
		showKeyed(s.win, confirm, nil)
	})
}

// showMessage shows one sentence in a dialog with an OK button.
func showMessage(w fyne.Window, title, msg string) {
	d := dialog.NewInformation(title, msg, w)
	showKeyed(w, d, d.Hide)
}
