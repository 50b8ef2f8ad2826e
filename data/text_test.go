package data

import (
	"errors"
	"testing"
	"time"
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

func TestParseMoment(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 30, 0, 0, time.Local)
	good := map[string]string{
		"":                 "2026-11-25 09:30",
		"14:05":            "2026-11-25 14:05",
		"８：２０":             "2026-11-25 08:20",
		"11-24 23:50":      "2026-11-24 23:50",
		"11月24日 23:50":     "2026-11-24 23:50",
		"11月24日23:50":      "2026-11-24 23:50",
		"2025-12-31 07:00": "2025-12-31 07:00",
		"2026/11/3 7:05":   "2026-11-03 07:05",
		"2026年11月3日 07:05": "2026-11-03 07:05",
	}
	for in, want := range good {
		got, err := ParseMoment(in, now)
		if err != nil || got.Format("2006-01-02 15:04") != want {
			t.Errorf("ParseMoment(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"25:00", "14", "明天", "11-31 08:00", "2026-11-25 08:00 x", "8点"} {
		if _, err := ParseMoment(in, now); !errors.Is(err, ErrBadMoment) {
			t.Errorf("ParseMoment(%q) = %v, want ErrBadMoment", in, err)
		}
	}
}
