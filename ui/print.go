package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/say"
)

// printed ends every print action: app wrote the document into the
// reports folder; it opens in the system's PDF viewer, from which the
// clerk prints. A failure is said instead.
func printed(w fyne.Window, title, path string, err error) {
	if err != nil {
		showMessage(w, title, say.Message(err))
		return
	}
	openPrinted(w, title, path)
}

// exported ends every export: where the file went, or why it did not.
func exported(w fyne.Window, title, path string, err error) {
	if err != nil {
		showMessage(w, title, say.Message(err))
		return
	}
	showSaved(w, path)
}

// openPrinted opens a PDF just written in the PDF viewer and says where it
// is, and what else there is to know.
func openPrinted(w fyne.Window, title, path string, more ...string) {
	msg := lang.L("{{.Title}} is ready and opens in the PDF viewer for printing.", map[string]any{"Title": title})
	if err := openFile(path); err != nil {
		msg = lang.L("The PDF viewer could not be opened; open the file from the reports folder.")
	}
	showFile(w, title, msg, path, more...)
}

// openFolder shows a folder in the system's file manager, creating it first
// so the button works before anything was saved there.
func openFolder(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return openFile(dir)
}

// showSaved tells where a file went, with a button to open its folder.
func showSaved(w fyne.Window, path string) {
	showFile(w, lang.L("Saved"), lang.L("Saved to:"), path)
}

// showFile says msg about the file at path, and more below it, with a
// button to open its folder.
func showFile(w fyne.Window, title, msg, path string, more ...string) {
	label := widget.NewLabel(strings.Join(append([]string{msg, path}, more...), "\n"))
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, lang.L("Open folder"), lang.L("OK"),
		container.NewGridWrap(fyne.NewSize(520, 100+70*float32(len(more))), label), func(open bool) {
			if open {
				if err := openFolder(filepath.Dir(path)); err != nil {
					showMessage(w, title, say.Message(err))
				}
			}
		}, w)
	showKeyed(w, d, d.Hide)
}
