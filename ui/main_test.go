package ui

import (
	"os"
	"testing"
)

// The screens' tests run what the window does away from its loop in
// place: Fyne's test driver runs fyne.Do on the calling goroutine, so work
// left running would touch the widgets beside the test.
func TestMain(m *testing.M) {
	away = func(work func()) { work() }
	os.Exit(m.Run())
}
