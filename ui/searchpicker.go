package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

// searchPicker picks one of a long list by typing: part of an option or
// its pinyin initials narrows the list under the field (zsz finds 张三
// 镇政府); only an option of the list is a choice. It is the picker of
// people, assignments and items.
type searchPicker struct {
	widget.SelectEntry
	all   []string
	shown []string // the options the drop-down lists now
	save  func()   // Ctrl+S in a dialog's form: its save
}

func newSearchPicker(options []string) *searchPicker {
	p := &searchPicker{all: options}
	p.ExtendBaseWidget(p)
	p.show(options)
	p.OnChanged = func(string) { p.narrow() }
	return p
}

// narrow lists the options holding what is typed; a choice made lists all.
func (p *searchPicker) narrow() {
	if p.chosen() >= 0 {
		p.show(p.all)
		return
	}
	var shown []string
	for _, o := range p.all {
		if data.Matches(p.Text, o) {
			shown = append(shown, o)
		}
	}
	p.show(shown)
}

func (p *searchPicker) show(options []string) {
	p.shown = options
	p.SetOptions(options)
}

// chosen is the index of the option typed or picked, -1 for none.
func (p *searchPicker) chosen() int { return slices.Index(p.all, p.Text) }

// TypedShortcut is a field's: Ctrl+S saves, Ctrl+1…9 go to the window.
func (p *searchPicker) TypedShortcut(s fyne.Shortcut) {
	fieldShortcut(p, s, p.save, p.SelectEntry.TypedShortcut)
}

// TypedKey passes Esc to the window.
func (p *searchPicker) TypedKey(k *fyne.KeyEvent) { fieldKey(p, k, p.SelectEntry.TypedKey) }
