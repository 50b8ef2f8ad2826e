package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/sqweek/dialog"
)

// The Windows dialogs wait for the clerk: they run beside the window's
// loop, and what is chosen is handed back to it.

func pickFile(w fyne.Window, ask fileAsk, chosen func(path string)) {
	b := dialog.File().Title(ask.title).SetStartDir(ask.start)
	if len(ask.exts) > 0 {
		exts := make([]string, len(ask.exts))
		for i, e := range ask.exts {
			exts[i] = strings.TrimPrefix(e, ".")
		}
		b = b.Filter(ask.kind, exts...)
	}
	go func() { picked(w, ask, chosen)(b.Load()) }()
}

func pickFolder(w fyne.Window, ask fileAsk, chosen func(dir string)) {
	b := dialog.Directory().Title(ask.title).SetStartDir(ask.start)
	go func() { picked(w, ask, chosen)(b.Browse()) }()
}

// picked hands what was chosen back to the window; a dialog that failed
// (not one closed) is said there.
func picked(w fyne.Window, ask fileAsk, chosen func(string)) func(string, error) {
	return func(path string, err error) {
		switch {
		case err == nil:
			fyne.Do(func() { chosen(path) })
		case !errors.Is(err, dialog.ErrCancelled):
			fyne.Do(func() { showMessage(w, ask.title, lang.L("Windows could not open its file dialog.")) })
		}
	}
}
