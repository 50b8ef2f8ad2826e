package ui

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"
)

// timingEnv names a file that, when set, receives the moment the window
// was first shown and, as the program ends, its peak memory: what
// scripts/compare sets the program beside a bare Fyne window by.
const timingEnv = "FANGKONG_TIMING"

// recordTiming returns what writes, to the file timingEnv names, the
// first frame's moment (Unix nanoseconds) and, at the end, the peak
// memory; both do nothing when it is not set.
func recordTiming() (firstFrame, atEnd func()) {
	path := os.Getenv(timingEnv)
	if path == "" {
		return func() {}, func() {}
	}
	return func() { appendLine(path, fmt.Sprintf("first-frame %d", time.Now().UnixNano())) },
		func() { appendLine(path, "peak-kib "+peakMemory()) }
}

// peakMemory is the process's peak resident memory in KiB, as Linux counts
// it (VmHWM); "" elsewhere.
func peakMemory() string {
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
	if f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
		fmt.Fprintln(f, line)
		f.Close()
	}
}
