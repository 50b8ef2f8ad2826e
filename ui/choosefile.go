package ui

import (
	"os"

	"fyne.io/fyne/v2"
)

// fileAsk is what a file or folder dialog asks for: its title, the kinds
// of file offered (extensions with their dot; none: any file) and where it
// starts ("": the user's home folder).
type fileAsk struct {
	title string
	kind  string // what the files are called, e.g. Excel 工作簿
	exts  []string
	start string
}

// chooseFile asks for a file and hands its path to chosen: on Windows in
// Windows' own dialog (it speaks the system's language and knows the
// user's folders), elsewhere in Fyne's.
func chooseFile(w fyne.Window, ask fileAsk, chosen func(path string)) {
	pickFile(w, ask.withStart(), chosen)
}

// chooseFolder asks for a folder (a USB stick, say) and hands its path to
// chosen, in the same dialogs as chooseFile.
func chooseFolder(w fyne.Window, ask fileAsk, chosen func(dir string)) {
	pickFolder(w, ask.withStart(), chosen)
}

// withStart starts in the home folder when no folder is given.
func (a fileAsk) withStart() fileAsk {
	if a.start == "" {
		if home, err := os.UserHomeDir(); err == nil {
			a.start = home
		}
	}
	return a
}
