package ui

import (
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

// townships is 乡镇 in county mode: the townships reporting here, each
// registered once by the key its report files are signed with.
type townships struct {
	win    fyne.Window
	app    *app.App
	all    []data.Township
	search *textField
	table  *table[data.Township]
	box    fyne.CanvasObject
}

func newTownships(w fyne.Window, a *app.App) *townships {
	t := &townships{win: w, app: a, search: newField()}
	t.search.SetPlaceHolder(lang.L("Search by name, contact or phone"))
	t.search.OnChanged = func(string) { t.filter() }
	t.table = newTableOf(
		col(lang.L("Township"), 140, func(x data.Township) string { return x.Name }),
		col(lang.L("Contact"), 100, func(x data.Township) string { return x.Contact }),
		col(lang.L("Duty phone"), 140, func(x data.Township) string { return x.Phone }),
		col(lang.L("Reporting since"), 110, func(x data.Township) string { return x.Since.Format("2006-01-02") }),
		col(lang.L("Status"), 70, func(x data.Township) string {
			if !x.Active {
				return lang.L("No longer reporting")
			}
			return lang.L("Expected")
		}),
		col(lang.L("Key fingerprint"), 260, func(x data.Township) string { return data.Fingerprint(x.PublicKey) }))
	t.table.mark = func(x data.Township) widget.Importance {
		if !x.Active {
			return widget.LowImportance
		}
		return widget.MediumImportance
	}
	t.table.onSelect = func(x data.Township) { t.edit(x, "") }
	register := widget.NewButtonWithIcon(lang.L("Register a township…"), theme.ContentAddIcon(), t.register)
	register.Importance = widget.HighImportance
	note := widget.NewLabel(lang.L("A township is registered from one of its report files: check the key fingerprint with the township by phone (it is shown in its 设置). Files signed with any other key are refused."))
	note.Wrapping = fyne.TextWrapWord
	t.box = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, register, t.search), note), nil, nil, nil, t.table.box)
	return t
}

func (t *townships) content() fyne.CanvasObject { return container.NewPadded(t.box) }

func (t *townships) refresh() {
	var err error
	if t.all, err = t.app.DB.Townships(t.app.Ctx()); err != nil {
		showMessage(t.win, lang.L("Townships"), say.Message(err))
		return
	}
	t.filter()
}

func (t *townships) filter() {
	var shown []data.Township
	for _, x := range t.all {
		if data.Matches(t.search.Text, x.Name, x.Contact, x.Phone) {
			shown = append(shown, x)
		}
	}
	t.table.set(shown)
}

// register reads a township's report file and offers it for registration
// with the key's fingerprint to check.
func (t *townships) register() {
	chooseFile(t.win, reportFiles(lang.L("Register a township…")), t.registerFrom)
}

func (t *townships) registerFrom(path string) {
	x, err := app.TownshipFromFile(path)
	if err != nil {
		showMessage(t.win, lang.L("Register a township…"), lang.L("{{.File}} was not read: {{.Reason}}",
			map[string]any{"File": path, "Reason": say.Message(err)}))
		return
	}
	for _, had := range t.all {
		if string(had.PublicKey) == string(x.PublicKey) {
			t.edit(had, lang.L("This township is registered already."))
			return
		}
	}
	t.edit(x, lang.L("Check this fingerprint with the township by phone before registering it."))
}

// edit shows a township's details to register (ID 0) or change.
func (t *townships) edit(x data.Township, note string) {
	f := newForm()
	name, contact, phone, since := newField(), newField(), newField(), newDateField(t.app.Now, nil)
	name.SetText(x.Name)
	contact.SetText(x.Contact)
	phone.SetText(x.Phone)
	since.SetText(x.Since.Format("2006-01-02"))
	active := widget.NewCheck(lang.L("Expected to report"), nil)
	active.SetChecked(x.Active)
	print := widget.NewLabel(data.Fingerprint(x.PublicKey))
	print.TextStyle = fyne.TextStyle{Monospace: true}
	if note != "" {
		l := widget.NewLabel(note)
		l.Wrapping = fyne.TextWrapWord
		f.add("note", "", l)
	}
	f.add("name", lang.L("Township"), name)
	f.add("contact", lang.L("Contact"), contact)
	f.add("phone", lang.L("Duty phone"), phone)
	f.add("since", lang.L("Reporting since"), since)
	f.add("active", "", active)
	keyRow := fyne.CanvasObject(print)
	if x.ID != 0 {
		keyRow = container.NewHBox(print, widget.NewButton(lang.L("New key…"), func() { t.replaceKey(x, print) }))
	}
	f.add("key", lang.L("Key fingerprint"), keyRow)
	title := lang.L("Edit township")
	if x.ID == 0 {
		title = lang.L("Register a township…")
	}
	showFormDialog(t.win, title, lang.L("Save"), f, func() error {
		day, err := data.ParseDay(since.Text)
		if err != nil {
			return &data.FieldError{Field: "since", Err: data.ErrBadDate}
		}
		x.Name, x.Contact, x.Phone, x.Since, x.Active = name.Text, contact.Text, phone.Text, day, active.Checked
		if _, err := t.app.DB.SaveTownship(t.app.Ctx(), x); err != nil {
			return err
		}
		t.refresh()
		return nil
	})
}

// replaceKey takes a township's new key from one of its report files,
// once the clerk has checked the new fingerprint with the township.
func (t *townships) replaceKey(x data.Township, shown *widget.Label) {
	chooseFile(t.win, reportFiles(lang.L("New key…")), func(path string) { t.replaceKeyFrom(x, path, shown) })
}

// reportFiles asks for a township's report file.
func reportFiles(title string) fileAsk {
	return fileAsk{title: title, kind: lang.L("Report files"), exts: []string{reports.SubmissionExt}}
}

func (t *townships) replaceKeyFrom(x data.Township, path string, shown *widget.Label) {
	from, err := app.TownshipFromFile(path)
	if err != nil {
		showMessage(t.win, lang.L("New key…"), lang.L("{{.File}} was not read: {{.Reason}}",
			map[string]any{"File": path, "Reason": say.Message(err)}))
		return
	}
	msg := lang.L("{{.Township}} will be known by this key from now on: {{.Fingerprint}}. Check it with the township by phone. Files signed with the old key are refused from then on; those received stay.",
		map[string]any{"Township": x.Name, "Fingerprint": data.Fingerprint(from.PublicKey)})
	confirmDialog(t.win, lang.L("New key…"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := t.app.DB.ReplaceTownshipKey(t.app.Ctx(), x.ID, from.PublicKey); err != nil {
			showMessage(t.win, lang.L("New key…"), say.Message(err))
			return
		}
		shown.SetText(data.Fingerprint(from.PublicKey))
		t.refresh()
	})
}
