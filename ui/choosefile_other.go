//go:build !windows

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

func pickFile(w fyne.Window, ask fileAsk, chosen func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		chosen(r.URI().Path())
	}, w)
	if len(ask.exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(ask.exts))
	}
	showFileDialog(d, ask.start)
}

func pickFolder(w fyne.Window, ask fileAsk, chosen func(dir string)) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		chosen(dir.Path())
	}, w)
	showFileDialog(d, ask.start)
}

func showFileDialog(d *dialog.FileDialog, start string) {
	if l, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
		d.SetLocation(l)
	}
	d.Show() // Fyne's file dialog can only be resized once shown
	d.Resize(fyne.NewSize(760, 520))
}
