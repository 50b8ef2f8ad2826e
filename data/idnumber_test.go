package data

import (
	"errors"
	"testing"
	"time"
)

func TestParseIDNumber(t *testing.T) {
	good := []struct {
		in, want string
		male     bool
		birth    string
	}{
		{"11010519491231002X", "11010519491231002X", false, "1949-12-31"},
		{"11010519491231002x", "11010519491231002X", false, "1949-12-31"}, // lower-case x
		{"440524198001010013", "440524198001010013", true, "1980-01-01"},
		{" 610102 19900307 2310 ", "610102199003072310", true, "1990-03-07"},
		{"６１０１０２１９９００３０７２３１０", "610102199003072310", true, "1990-03-07"},
	}
	for _, g := range good {
		id, err := ParseIDNumber(g.in)
		if err != nil || id.Number != g.want || id.Male != g.male || id.Birth.Format(time.DateOnly) != g.birth {
			t.Errorf("ParseIDNumber(%q) = %+v, %v", g.in, id, err)
		}
	}
	bad := map[string]error{
		"":                    ErrIDLength,
		"11010519491231002":   ErrIDLength,
		"1101051949123100211": ErrIDLength,
		"11010519491231A02X":  ErrIDFormat,
		"110105194912310021":  ErrIDCheckDigit,
		"11010519490230002X":  ErrIDBirthDate, // 2月30日
		"110105194913310027":  ErrIDBirthDate,
		"11010519491231002Y":  ErrIDFormat,
		"440524188001010014":  ErrIDBirthDate, // born 1880: no living person
	}
	for in, want := range bad {
		if _, err := ParseIDNumber(in); !errors.Is(err, want) {
			t.Errorf("ParseIDNumber(%q) = %v, want %v", in, err, want)
		}
	}
	// A wrong check character still reports what it can.
	id, err := ParseIDNumber("110105194912310021")
	if !errors.Is(err, ErrIDCheckDigit) || id.Sex() != "女" || id.Birth.Year() != 1949 {
		t.Errorf("check-digit fault: %+v, %v", id, err)
	}
	if m := MaskID("610102199003072316"); m != "610***********2316" {
		t.Errorf("MaskID = %q", m)
	}
}
