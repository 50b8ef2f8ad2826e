package assets

import (
	"bufio"
	"compress/bzip2"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// unihan is Debian's unicode-data copy of the Unihan mappings, where the
// kTGH field lists the 8,105 characters of the 通用规范汉字表 (2013).
const unihan = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"

// Every character of the 通用规范汉字表, all of CJK Extension A, the name
// characters of name-characters.txt and ℃ have a glyph with ink in the
// bundled font: none missing.
func TestFontDrawsEveryNameCharacter(t *testing.T) {
	f, err := sfnt.Parse(Font)
	if err != nil {
		t.Fatal(err)
	}
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
