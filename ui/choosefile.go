package ui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// chooseFile asks for a file with one of exts (any file when none), starting
// in the user's home folder, and hands its path to chosen.
func chooseFile(w fyne.Window, exts []string, chosen func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		chosen(r.URI().Path())
	}, w)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	showFileDialog(d)
}

// chooseFolder asks for a folder (a USB stick, say) and hands its path to
// chosen.
func chooseFolder(w fyne.Window, chosen func(dir string)) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		chosen(dir.Path())
	}, w)
	showFileDialog(d)
}

func showFileDialog(d *dialog.FileDialog) {
	if home, err := os.UserHomeDir(); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show() // Fyne's file dialog can only be resized once shown
	d.Resize(fyne.NewSize(760, 520))
}
