package assets

import (
	"bufio"
	"compress/bzip2"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// unihan is Debian's unicode-data copy of the Unihan mappings, where the
// kTGH field lists the 8,105 characters of the 通用规范汉字表 (2013).
const unihan = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"

// Every character of the 通用规范汉字表, all of CJK Extension A, the name
// characters of name-characters.txt and ℃ have a glyph with ink in both
// bundled fonts, the one printed with and the one drawn with: none missing.
func TestFontDrawsEveryNameCharacter(t *testing.T) {
	want := nameCharacters(t)
	for name, font := range map[string][]byte{"Font": Font, "ScreenFont": ScreenFont} {
		t.Run(name, func(t *testing.T) {
			f, err := sfnt.Parse(font)
			if err != nil {
				t.Fatal(err)
			}
			inked(t, f, want)
		})
	}
}

// What the window draws is what prints: the screen font maps every
// character to a glyph of the same advance as the printed font's, in
// proportion to its units per em.
func TestScreenFontIsFont(t *testing.T) {
	printed, err := sfnt.Parse(Font)
	if err != nil {
		t.Fatal(err)
	}
	drawn, err := sfnt.Parse(ScreenFont)
	if err != nil {
		t.Fatal(err)
	}
	var bp, bd sfnt.Buffer
	// Both fonts' units per em, for advances in the same unit.
	pu, du := fixed.Int26_6(printed.UnitsPerEm()), fixed.Int26_6(drawn.UnitsPerEm())
	checked, differ := 0, 0
	for r := rune(0x20); r <= 0x2FFFF; r++ {
		ip, errp := printed.GlyphIndex(&bp, r)
		id, errd := drawn.GlyphIndex(&bd, r)
		if errp != nil || errd != nil || (ip == 0) != (id == 0) {
			t.Fatalf("%U: glyph %d (%v) printed, %d (%v) drawn", r, ip, errp, id, errd)
		}
		if ip == 0 {
			continue
		}
		ap, _ := printed.GlyphAdvance(&bp, ip, pu, font.HintingNone)
		ad, _ := drawn.GlyphAdvance(&bd, id, du, font.HintingNone)
		checked++
		// 1,000 units drawn against 2,048 printed: within one unit drawn.
		if d := ap*1000/pu - ad*1000/du; d < -1*64 || d > 64 {
			if differ++; differ <= 5 {
				t.Errorf("%c (%U): advance %v/%v printed, %v/%v drawn", r, r, ap, pu, ad, du)
			}
		}
	}
	if checked < 30000 {
		t.Fatalf("%d characters compared, want the font's 30,000 and more", checked)
	}
}

// nameCharacters are the characters every name may need, each with where
// it is listed.
func nameCharacters(t *testing.T) map[rune]string {
	t.Helper()
	want := map[rune]string{0x2103: "℃"}
	for r := rune(0x3400); r <= 0x4DBF; r++ {
		want[r] = "CJK Extension A"
	}
	file, err := os.Open(unihan)
	if err != nil {
		t.Fatalf("%v (make test installs unicode-data)", err)
	}
	defer file.Close()
	tgh := regexp.MustCompile(`^U\+([0-9A-F]+)\tkTGH\t`)
	sc := bufio.NewScanner(bzip2.NewReader(file))
	n := 0
	for sc.Scan() {
		if m := tgh.FindStringSubmatch(sc.Text()); m != nil {
			r, _ := strconv.ParseInt(m[1], 16, 32)
			want[rune(r)] = "通用规范汉字表"
			n++
		}
	}
	if n != 8105 {
		t.Fatalf("%d characters of the 通用规范汉字表 in %s, want 8105", n, unihan)
	}
	names, _ := os.ReadFile("font/name-characters.txt")
	for _, line := range strings.Split(string(names), "\n") {
		if strings.HasPrefix(line, "U+") {
			r, _ := strconv.ParseInt(strings.Fields(line)[0][2:], 16, 32)
			want[rune(r)] = "name-characters.txt"
		}
	}
	return want
}

// inked fails t for every character of want that f has no glyph with ink for.
func inked(t *testing.T, f *sfnt.Font, want map[rune]string) {
	t.Helper()
	var buf sfnt.Buffer
	missing := 0
	for r, from := range want {
		i, err := f.GlyphIndex(&buf, r)
		if err == nil && i != 0 {
			segments, err := f.LoadGlyph(&buf, i, 2048, nil)
			if err == nil && len(segments) > 0 {
				continue
			}
		}
		if missing++; missing <= 10 {
			t.Errorf("no glyph for %c (%U, %s)", r, r, from)
		}
	}
	if missing > 0 {
		t.Fatalf("%d of %d characters have no glyph", missing, len(want))
	}
}
