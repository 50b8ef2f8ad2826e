package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// busyAfter is how long work runs before the window says it is busy.
const busyAfter = 200 * time.Millisecond

// working counts the work running away from the window's loop, so that a
// test can wait for it.
var working sync.WaitGroup

// away runs work away from the window's loop. Tests, whose test driver
// runs fyne.Do on the calling goroutine, run it in place instead.
var away = awayFromLoop

// windowShown is closed once the window has drawn its first frame.
var windowShown = make(chan struct{})

// awayFromLoop runs work on a goroutine of its own, once the window has
// drawn its first frame: 总览's figures, read before then, took the second
// core from the first frame.
func awayFromLoop(work func()) {
	shown := windowShown
	go func() {
		<-shown
		work()
	}()
}

// runBusy runs work away from the window's loop, then done with its
// result on it. Work that takes longer than busyAfter puts a busy sign
// over the window, which takes nothing typed or clicked until done: no
// second search or print starts while the first is running.
func runBusy[T any](w fyne.Window, what string, work func() (T, error), done func(T, error)) {
	working.Add(1)
	var mu sync.Mutex // the sign and whether work is over: set from two goroutines under the test driver
	var sign *widget.PopUp
	over := false
	away(func() {
		defer working.Done()
		timer := time.AfterFunc(busyAfter, func() {
			fyne.Do(func() {
				mu.Lock()
				defer mu.Unlock()
				if !over {
					sign = widget.NewModalPopUp(container.NewVBox(widget.NewLabel(what+" "+lang.L("(working…)")),
						widget.NewProgressBarInfinite()), w.Canvas())
					sign.Show()
				}
			})
		})
		v, err := work()
		timer.Stop()
		fyne.Do(func() {
			mu.Lock()
			over = true
			shown := sign
			mu.Unlock()
			if shown != nil {
				shown.Hide()
			}
			done(v, err)
		})
	})
}

// printing prints through work (an app print that writes the document and
// says where) with a busy sign, then opens it; exporting likewise saves.
func printing(w fyne.Window, title string, work func() (string, error)) {
	runBusy(w, title, work, func(path string, err error) { printed(w, title, path, err) })
}

func exporting(w fyne.Window, title string, work func() (string, error)) {
	runBusy(w, title, work, func(path string, err error) { exported(w, title, path, err) })
}
