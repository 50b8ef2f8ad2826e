package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Work over 200 ms puts a busy sign over the window until it is done;
// quicker work shows none.
func TestBusySignAfterTwoHundredMilliseconds(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel("查询"))
	t.Cleanup(w.Close)
	inPlace := away
	away = func(work func()) { go work() }
	t.Cleanup(func() { away = inPlace })

	got := ""
	runBusy(w, "查询", func() (string, error) { return "快", nil }, func(s string, _ error) { got = s })
	working.Wait()
	time.Sleep(busyAfter + 100*time.Millisecond)
	if got != "快" || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("quick work: %q, a sign shown %v", got, w.Canvas().Overlays().Top() != nil)
	}

	release := make(chan struct{})
	runBusy(w, "查询", func() (string, error) { <-release; return "慢", nil }, func(s string, _ error) { got = s })
	deadline := time.Now().Add(2 * time.Second)
	for w.Canvas().Overlays().Top() == nil && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	sign := w.Canvas().Overlays().Top()
	if sign == nil || !findLabel(sign, "查询 (正在处理…)") {
		t.Fatal("no busy sign over slow work")
	}
	close(release)
	working.Wait()
	if got != "慢" || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("slow work: %q, the sign still shown %v", got, w.Canvas().Overlays().Top() != nil)
	}
}

// Work sent away before the window's first frame starts after it.
func TestWorkAwayWaitsForTheFirstFrame(t *testing.T) {
	shown := windowShown
	windowShown = make(chan struct{})
	t.Cleanup(func() { windowShown = shown })
	ran := make(chan struct{})
	awayFromLoop(func() { close(ran) })
	select {
	case <-ran:
		t.Fatal("the work ran before the first frame")
	case <-time.After(100 * time.Millisecond):
	}
	close(windowShown)
	select {
	case <-ran:
	case <-time.After(2 * time.Second):
		t.Fatal("the work did not run after the first frame")
	}
}
