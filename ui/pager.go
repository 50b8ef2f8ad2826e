package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/say"
)

// pager shows a long list a page at a time, newest first: a new search
// reads the first page, 更多 the next below what is shown, and the count
// says whether more are left. Pages are read away from the window's loop;
// a page that arrives after a newer search began is dropped, so typing
// ahead of a slow read never mixes two searches.
type pager[T any] struct {
	win   fyne.Window
	title string                        // the screen's name, on its busy sign and messages
	size  int                           // the rows of a full page
	words func(n int, more bool) string // the count: n shown, more left or not
	table *table[T]
	count *widget.Label
	more  *widget.Button
	bar   fyne.CanvasObject // the count and 更多, for the foot of a screen

	read   func(last *T) ([]T, error) // the page after last; nil: the first
	rows   []T
	search int // which search the rows are of; a page of an older one is dropped
}

func newPager[T any](w fyne.Window, title string, t *table[T], size int, words func(n int, more bool) string) *pager[T] {
	p := &pager[T]{win: w, title: title, size: size, words: words, table: t, count: widget.NewLabel("")}
	p.more = widget.NewButtonWithIcon(lang.L("More"), theme.MoreVerticalIcon(), p.next)
	p.more.Disable()
	p.bar = container.NewBorder(nil, nil, nil, p.more, p.count)
	return p
}

// start shows the first page read gives, and the next ones on 更多.
func (p *pager[T]) start(read func(last *T) ([]T, error)) {
	p.search++
	p.read, p.rows = read, nil
	p.next()
}

// clear shows nothing, as when nothing is chosen to list.
func (p *pager[T]) clear() {
	p.search++
	p.read, p.rows = nil, nil
	p.table.set(nil)
	p.count.SetText("")
	p.more.Disable()
}

// next reads the page after the rows shown and adds it below them.
func (p *pager[T]) next() {
	if p.read == nil {
		return
	}
	read, search := p.read, p.search
	var last *T
	if n := len(p.rows); n > 0 {
		row := p.rows[n-1]
		last = &row
	}
	p.more.Disable() // until this page is in: a second tap would read it again
	runBusy(p.win, p.title, func() ([]T, error) { return read(last) }, func(page []T, err error) {
		if search != p.search {
			return
		}
		if err != nil {
			p.count.SetText("")
			showMessage(p.win, p.title, say.Message(err))
			return
		}
		p.rows = append(p.rows, page...)
		p.table.set(p.rows)
		full := len(page) == p.size
		p.count.SetText(p.words(len(p.rows), full))
		if full {
			p.more.Enable()
		} else {
			p.more.Disable()
		}
	})
}
