package data

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// Whatever is typed or pasted, the parsers answer without panicking, and
// what they accept is stable: parsing their own output gives it back.

func FuzzParseIDNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "６１０１０２１９９００３０７２３１０", "", "2026-02-30", "𠮷𠮷𠮷", strings.Repeat("9", 18)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseIDNumber(s, idToday)
		if err != nil {
			return
		}
		again, err := ParseIDNumber(id.Number, idToday)
		if err != nil || again != id || len(id.Number) != 18 {
			t.Fatalf("%q parsed to %+v, which parses to %+v, %v", s, id, again, err)
		}
		if m := id.Masked(); utf8.RuneCountInString(m) != 18 || m[:3] != id.Number[:3] {
			t.Fatalf("masked %q", m)
		}
	})
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"13912345678", "0913-2345678", "(010)12345678", "+86 139 1234 5678", "１３９", "", "\x00", "𠮷"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := NormalizePhone(s)
		if err != nil {
			return
		}
		if again, err := NormalizePhone(p); err != nil || again != p {
			t.Fatalf("%q normalised to %q, which normalises to %q, %v", s, p, again, err)
		}
		if !utf8.ValidString(p) || len(p) > 13 {
			t.Fatalf("%q normalised to %q", s, p)
		}
	})
}

func FuzzParsePlate(f *testing.F) {
	for _, s := range []string{"陕G12345", "陕AD12345", "沪A12345D", "粤B1234挂", "ｇ１２", "", "陕", "陕G·"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePlate(s)
		if err != nil {
			return
		}
		if again, err := ParsePlate(p.Number); err != nil || again != p {
			t.Fatalf("%q parsed to %+v, which parses to %+v, %v", s, p, again, err)
		}
	})
}

func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2026-11-03", "2026/11/3", "2026.11.3", "2026年11月3日", "２０２６－１１－０３", "2026-02-30", "", "明天", "2026-13-01", "99999-1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDay(s)
		if err != nil {
			if !errors.Is(err, ErrBadDate) {
				t.Fatalf("%q: %v, want ErrBadDate", s, err)
			}
			return
		}
		if !d.Equal(StartOfDay(d)) {
			t.Fatalf("%q parsed to %s, not a day", s, d)
		}
		if again, err := ParseDay(d.Format("2006-01-02")); err != nil || !again.Equal(d) {
			t.Fatalf("%q parsed to %s, which parses to %s, %v", s, d, again, err)
		}
	})
}
