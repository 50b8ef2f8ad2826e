package ui

import (
	"fmt"
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// 更多 adds the next page until the list ends, and is off while a page is
// being read; a page of a search that a newer one replaced is dropped when
// it comes in late, so the list never mixes two searches.
func TestPagerPagesAndDropsAnOlderSearch(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel(""))
	t.Cleanup(w.Close)
	var pending []func()
	inPlace := away
	away = func(work func()) { pending = append(pending, work) }
	t.Cleanup(func() { away = inPlace })
	run := func(i int) {
		work := pending[i]
		pending = slices.Delete(pending, i, i+1)
		work()
	}

	tbl := newTableOf(col("数", 60, strconv.Itoa))
	p := newPager(w, "查询", tbl, 3, func(n int, more bool) string { return fmt.Sprintf("%d %v", n, more) })
	// numbers counts down from top, a page after last.
	numbers := func(top int) func(last *int) ([]int, error) {
		return func(last *int) ([]int, error) {
			from := top
			if last != nil {
				from = *last - 1
			}
			var page []int
			for n := from; n > 0 && len(page) < 3; n-- {
				page = append(page, n)
			}
			return page, nil
		}
	}

	p.start(numbers(7))
	run(0)
	if got := tbl.shown(); !slices.Equal(got, []int{7, 6, 5}) || p.more.Disabled() || p.count.Text != "3 true" {
		t.Fatalf("first page %v, 更多 off %v, count %q", got, p.more.Disabled(), p.count.Text)
	}
	test.Tap(p.more)
	if !p.more.Disabled() {
		t.Fatal("更多 stays on while its page is read")
	}
	run(0)
	test.Tap(p.more)
	run(0)
	if got := tbl.shown(); !slices.Equal(got, []int{7, 6, 5, 4, 3, 2, 1}) || !p.more.Disabled() || p.count.Text != "7 false" {
		t.Fatalf("to the end %v, 更多 off %v, count %q", got, p.more.Disabled(), p.count.Text)
	}

	p.start(numbers(100)) // a slow search, then a newer one
	p.start(numbers(2))
	run(1)
	run(0) // the slow one comes in last
	if got := tbl.shown(); !slices.Equal(got, []int{2, 1}) || p.count.Text != "2 false" {
		t.Fatalf("after two searches %v, count %q", got, p.count.Text)
	}

	p.clear()
	if len(tbl.shown()) != 0 || p.count.Text != "" || !p.more.Disabled() {
		t.Fatalf("cleared: %v, count %q", tbl.shown(), p.count.Text)
	}
}
