package data

import (
	"errors"
	"testing"
	"time"
)

// idToday is the day the ID numbers are checked on.
var idToday = time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)

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
		{"110105202612010022", "110105202612010022", false, "2026-12-01"}, // born today
		{"110105189612010029", "110105189612010029", false, "1896-12-01"}, // 130 today
	}
	for _, g := range good {
		id, err := ParseIDNumber(g.in, idToday)
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
		"440524188001010014":  ErrIDTooOld, // born 1880: no living person
		"110105203001010028":  ErrIDBirthFuture,
		"110105202612020028":  ErrIDBirthFuture, // tomorrow
		"110105189611300024":  ErrIDTooOld,      // 130 years and a day
	}
	for in, want := range bad {
		if _, err := ParseIDNumber(in, idToday); !errors.Is(err, want) {
			t.Errorf("ParseIDNumber(%q) = %v, want %v", in, err, want)
		}
	}
	// A wrong check character still reports what it can.
	id, err := ParseIDNumber("110105194912310021", idToday)
	if !errors.Is(err, ErrIDCheckDigit) || id.Sex() != "女" || id.Birth.Year() != 1949 {
		t.Errorf("check-digit fault: %+v, %v", id, err)
	}
	if m := MaskID("610102199003072316"); m != "610***********2316" {
		t.Errorf("MaskID = %q", m)
	}
}
