// Command barewindow is the floor the program's start-up and memory are
// measured against (scripts/compare): a Fyne window of the same size with
// one label, in the program's own font, recording its first frame and its
// peak memory the way the program does.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/assets"
)

type font struct{ fyne.Theme }

var face = fyne.NewStaticResource("wqy-microhei.otf", assets.ScreenFont)

func (f font) Font(fyne.TextStyle) fyne.Resource { return face }

func main() {
	a := fyneapp.NewWithID("cn.fangkong.barewindow")
	a.Settings().SetTheme(font{theme.DefaultTheme()})
	path := os.Getenv("FANGKONG_TIMING")
	a.Lifecycle().SetOnStarted(func() { appendLine(path, fmt.Sprintf("first-frame %d", time.Now().UnixNano())) })
	w := a.NewWindow("防控指挥台 bare")
	w.SetContent(widget.NewLabel("总览 防控指挥台"))
	w.Resize(fyne.NewSize(1200, 760))
	w.ShowAndRun()
	appendLine(path, "peak-kib "+peak())
}

func peak() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return ""
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			return strings.TrimSuffix(strings.TrimSpace(rest), " kB")
		}
	}
	return ""
}

func appendLine(path, line string) {
	if path == "" {
		return
	}
	if f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
		fmt.Fprintln(f, line)
		f.Close()
	}
}
