package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// modeNames are the program's uses as offered, in data.Mode's order.
var modeNames = []string{"Township command post", "County roll-up of the townships' reports"}

// modeSettings is 设置's section on reporting up: what the program is for
// (a township's command post or the county's roll-up); for a township the
// fingerprint of the key its report files are signed with, for the county
// when reports are due.
type modeSettings struct {
	win      fyne.Window
	app      *app.App
	mode     data.Mode
	choice   *widget.Select
	print    *widget.Label
	dayAfter *widget.Select
	at       *textField
	form     *form
	saved    *widget.Label
	box      fyne.CanvasObject
}

func newModeSettings(w fyne.Window, a *app.App, mode data.Mode, changed func()) *modeSettings {
	m := &modeSettings{win: w, app: a, mode: mode, print: widget.NewLabel(""), at: newField(), form: newForm(), saved: widget.NewLabel("")}
	m.choice = newSelect(translated(modeNames), nil)
	m.choice.SetSelectedIndex(int(mode))
	switchMode := widget.NewButton(lang.L("Switch"), func() {
		to := data.Mode(m.choice.SelectedIndex())
		if to == m.mode {
			return
		}
		confirmDialog(w, lang.L("Switch"), lang.L("The program will be used as: {{.Mode}}. The screens change; nothing recorded is deleted.",
			map[string]any{"Mode": m.choice.Selected}), func(ok bool) {
			if !ok {
				return
			}
			if err := a.DB.SaveMode(a.Ctx(), to); err != nil {
				showMessage(w, lang.L("Settings"), say.Message(err))
				return
			}
			changed()
		})
	})
	items := []fyne.CanvasObject{heading(lang.L("Reporting up")), container.NewHBox(widget.NewLabel(lang.L("The program is used as")),
		container.NewGridWrap(fyne.NewSize(330, m.choice.MinSize().Height), m.choice), switchMode)}
	if mode == data.TownshipMode {
		m.print.TextStyle = fyne.TextStyle{Monospace: true}
		note := widget.NewLabel(lang.L("Every issued daily report also writes its report file (上报文件) for the county, signed with this township's key. The county registers the township once and checks this fingerprint by phone."))
		note.Wrapping = fyne.TextWrapWord
		open := widget.NewButtonWithIcon(lang.L("Open report files folder"), theme.FolderOpenIcon(), func() {
			if err := openFolder(a.SubmissionsDir()); err != nil {
				showMessage(w, lang.L("Settings"), say.Message(err))
			}
		})
		items = append(items, note, container.NewHBox(widget.NewLabel(lang.L("Key fingerprint")), m.print), open)
	} else {
		m.dayAfter = newSelect([]string{lang.L("the same day"), lang.L("the day after")}, nil)
		m.at.SetPlaceHolder("13:00")
		m.form.add("deadline", lang.L("Reports due by"), container.NewHBox(m.dayAfter, container.NewGridWrap(fyne.NewSize(90, 36), m.at)))
		items = append(items, m.form.grid, container.NewHBox(saveButton(w, m.form, m.saved, m.save), m.saved))
	}
	m.box = container.NewVBox(items...)
	return m
}

// translated looks up each English key.
func translated(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = lang.L(k)
	}
	return out
}

func (m *modeSettings) refresh() error {
	m.choice.SetSelectedIndex(int(m.mode))
	m.saved.SetText("")
	if m.mode == data.TownshipMode {
		print, ok, err := m.app.DB.ReportFingerprint(m.app.Ctx())
		if !ok {
			print = lang.L("made when the first daily report is issued")
		}
		m.print.SetText(print)
		return err
	}
	d, err := m.app.DB.Deadline(m.app.Ctx())
	if err != nil {
		return err
	}
	m.dayAfter.SetSelectedIndex(0)
	if d.NextDay {
		m.dayAfter.SetSelectedIndex(1)
	}
	m.at.SetText(fmt.Sprintf("%02d:%02d", d.Minutes/60, d.Minutes%60))
	m.form.clearErrors()
	return nil
}

// deadline is the deadline as typed.
func (m *modeSettings) deadline() (data.Deadline, error) {
	minutes, err := data.ParseClock(m.at.Text)
	if err != nil {
		return data.Deadline{}, &data.FieldError{Field: "deadline", Err: err}
	}
	return data.Deadline{NextDay: m.dayAfter.SelectedIndex() == 1, Minutes: minutes}, nil
}

func (m *modeSettings) save() error {
	d, err := m.deadline()
	if err != nil {
		return err
	}
	return m.app.DB.SaveDeadline(m.app.Ctx(), d)
}

func (m *modeSettings) unsaved() bool {
	if m.mode == data.TownshipMode {
		return false
	}
	d, err := m.deadline()
	saved, readErr := m.app.DB.Deadline(m.app.Ctx())
	return readErr == nil && (err != nil || d != saved)
}
