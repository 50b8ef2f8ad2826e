package data

import (
	"errors"
	"testing"
)

func TestNormalizePhone(t *testing.T) {
	good := map[string]string{
		"13912345678":     "13912345678",
		" 139 1234 5678 ": "13912345678",
		"139-1234-5678":   "13912345678",
		"１３９１２３４５６７８":     "13912345678",
		"+8618612345678":  "18612345678",
		"0913-2345678":    "0913-2345678",
		"09132345678":     "0913-2345678",
		"(0913)2345678":   "0913-2345678",
		"010-12345678":    "010-12345678",
		"029 88889999":    "029-88889999",
	}
	for in, want := range good {
		got, err := NormalizePhone(in)
		if err != nil || got != want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "1391234567", "139123456789", "12912345678", "0913-23456", "abc", "0913-234567890", "010-1234567890", "１３９一二三"} {
		if got, err := NormalizePhone(in); !errors.Is(err, ErrBadPhone) {
			t.Errorf("NormalizePhone(%q) = %q, %v; want ErrBadPhone", in, got, err)
		}
	}
}

func TestMaskPhone(t *testing.T) {
	for in, want := range map[string]string{"13912345678": "139****5678", "0913-2345678": "0913****5678", "": "", "110": "110"} {
		if got := MaskPhone(in); got != want {
			t.Errorf("MaskPhone(%q) = %q, want %q", in, got, want)
		}
	}
}
