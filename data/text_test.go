package data

import (
	"errors"
	"testing"
)

func TestParseDay(t *testing.T) {
	for _, in := range []string{"2026-11-03", "2026/11/3", "2026.11.3", "2026年11月3日", "２０２６－１１－０３", " 2026-11-3 "} {
		day, err := ParseDay(in)
		if err != nil || day.Format("2006-01-02 15:04") != "2026-11-03 00:00" {
			t.Errorf("ParseDay(%q) = %v, %v", in, day, err)
		}
	}
	for _, in := range []string{"", "2026-13-01", "2026-02-30", "11-03", "明天"} {
		if _, err := ParseDay(in); !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseDay(%q) = %v", in, err)
		}
	}
}
