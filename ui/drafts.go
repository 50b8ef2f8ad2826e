package ui

import (
	"maps"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/say"
)

// drafted pages keep what was typed into their form across a shutdown or
// a crash: the shell writes it down every few seconds and the next start
// offers it back.
type drafted interface {
	// draft is the form's typed fields under its name; nil fields when
	// nothing is typed that saving has not kept.
	draft() (form string, fields map[string]string)
	// restore puts a kept draft back into the form.
	restore(fields map[string]string)
	// draftTitle names a draft for the clerk: 人员 张三.
	draftTitle(fields map[string]string) string
}

// typedText is the text fields that hold something, by name; nil when
// none does: the choices alone are a form's defaults, nothing typed.
func typedText(entries map[string]*textField) map[string]string {
	fields := map[string]string{}
	for name, e := range entries {
		if e.Text != "" {
			fields[name] = e.Text
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return fields
}

// draftEvery is how often typed input is written down: a kill loses at
// most this much typing.
const draftEvery = 3 * time.Second

// keepDrafts writes every drafted page's form down whenever it changed,
// until the returned stop is called.
func (s *shell) keepDrafts() (stop func()) {
	kept := map[string]map[string]string{}
	tick := time.NewTicker(draftEvery)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-tick.C:
				fyne.Do(func() { s.saveDrafts(kept) })
			case <-done:
				return
			}
		}
	}()
	return func() { tick.Stop(); close(done) }
}

// saveDrafts writes down the forms whose typed input differs from what
// was last kept: a new draft, a changed one, or none where the form was
// saved or cleared.
func (s *shell) saveDrafts(kept map[string]map[string]string) {
	for _, e := range s.entries {
		d, ok := e.page.(drafted)
		if !ok {
			continue
		}
		form, fields := d.draft()
		if maps.Equal(fields, kept[form]) {
			continue
		}
		if err := s.app.DB.SaveDraft(s.app.Ctx(), form, fields); err != nil {
			s.status.SetText(say.Message(err)) // not worth a dialog: the form itself is untouched
			continue
		}
		kept[form] = fields
	}
}

// offerDrafts shows what the last session left typed and unsaved, to put
// back into its forms or to drop.
func (s *shell) offerDrafts() {
	drafts, err := s.app.DB.Drafts(s.app.Ctx())
	if err != nil || len(drafts) == 0 {
		return
	}
	pages, screen := map[string]drafted{}, map[string]int{}
	for i := range s.entries {
		if d, ok := s.pageAt(i).(drafted); ok {
			form, _ := d.draft()
			pages[form], screen[form] = d, i
		}
	}
	var lines []string
	for _, d := range drafts {
		if p := pages[d.Form]; p != nil {
			lines = append(lines, p.draftTitle(d.Fields)+"  ("+d.SavedAt.Format("1月2日 15:04")+")")
		}
	}
	if len(lines) == 0 {
		return
	}
	text := widget.NewLabel(lang.L("When the program last closed, these had been typed and not saved:") + "\n" + strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm(lang.L("Unsaved input"), lang.L("Put it back"), lang.L("Discard"), text, func(back bool) {
		for _, d := range drafts {
			p := pages[d.Form]
			switch {
			case p != nil && back:
				s.nav.Select(screen[d.Form]) // the screen first: showing it reloads it
				p.restore(d.Fields)
			case !back:
				s.app.DB.SaveDraft(s.app.Ctx(), d.Form, nil)
			}
		}
		if back {
			s.status.SetText(lang.L("Typed input put back: check it and save."))
		}
	}, s.win)
	dlg.Resize(fyne.NewSize(520, 240))
	showKeyed(s.win, dlg, dlg.Confirm)
}
