package reports

import (
	"bytes"
	"golang.org/x/image/font/sfnt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fangkong/data"
)

// readPDF writes pdf to a file, checks it with qpdf and returns its text as
// pdftotext reads it and its page count as pdfinfo reports it.
func readPDF(t *testing.T, pdf []byte) (text string, pages int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, line := range strings.Split(string(info), "\n") {
		if strings.HasPrefix(line, "Pages:") {
			pages, _ = strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "Pages:")))
		}
	}
	return string(out), pages
}

func TestWrapKeepsEveryCharacter(t *testing.T) {
	d := NewDoc(false, "")
	text := strings.Repeat("严格登记过往人员及车辆信息,确保不漏一人、不漏一车。车牌陕G·12345D,电话13912345678。", 12)
	for _, width := range []float64{20, 47.5, 120} {
		lines := d.wrap(text, width)
		if got := strings.Join(lines, ""); got != text {
			t.Fatalf("width %v: wrapped text lost characters:\n%s\n%s", width, got, text)
		}
		for _, l := range lines {
			if w := d.pdf.GetStringWidth(l); w > width+0.01 {
				t.Errorf("width %v: line %q is %.1f mm wide", width, l, w)
			}
			if strings.HasPrefix(l, ",") || strings.HasPrefix(l, "。") || strings.HasPrefix(l, "、") {
				t.Errorf("line starts with punctuation: %q", l)
			}
		}
		if width == 120 {
			for _, l := range lines {
				if strings.HasSuffix(l, "1391") || strings.HasSuffix(l, "陕G·123") {
					t.Errorf("a number was split: %q", l)
				}
			}
		}
	}
}

func TestPrintableKeepsRareCharacters(t *testing.T) {
	cases := map[string]string{
		"刘䶮":          "刘䶮", // CJK Extension A
		"张三 Li 0913":  "张三 Li 0913",
		"体温36.5℃":     "体温36.5℃",
		"a\x00b":      "a□b",
		"李\U00030000": "李□", // Extension G: not in the font
	}
	for in, want := range cases {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
	// Outside the BMP: a code of the Private Use Area the font maps to the
	// same glyph.
	for _, name := range []string{"王𠮷", "陈𬱖"} {
		got := []rune(printable(name))
		want := []rune(name)
		if len(got) != 2 || got[0] != want[0] || got[1] < 0xE000 || got[1] > 0xF8FF {
			t.Errorf("printable(%q) = %q", name, string(got))
			continue
		}
		hei := heiOutlines()
		var buf sfnt.Buffer
		g1, _ := hei.GlyphIndex(&buf, want[1])
		g2, _ := hei.GlyphIndex(&buf, got[1])
		if g1 == 0 || g1 != g2 {
			t.Errorf("%q: glyph %d, printed as %U with glyph %d", name, g1, got[1], g2)
		}
	}
}

// privateUseAfter reports whether text has prefix followed by a character
// of the Private Use Area: how a character outside the BMP reads back.
func privateUseAfter(text, prefix string) bool {
	for i := strings.Index(text, prefix); i >= 0; {
		rest := []rune(text[i+len(prefix):])
		if len(rest) > 0 && rest[0] >= 0xE000 && rest[0] <= 0xF8FF {
			return true
		}
		next := strings.Index(text[i+1:], prefix)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func TestStaffListPDF(t *testing.T) {
	post := data.PostInfo{Township: "城关镇", PostName: "城关镇疫情防控指挥部", DutyPhone: "0913-2345678"}
	var staff []data.Staff
	for i := 0; i < 70; i++ {
		staff = append(staff, data.Staff{Name: "张建国" + strconv.Itoa(i), Phone: "139" + strconv.Itoa(10000000+i), Unit: "镇政府", Kind: "干部", MayLead: i%3 == 0})
	}
	staff[5].Name = "王𠮷"
	staff[6].Name = "刘䶮"
	staff[7].Note = strings.Repeat("长期驻守高速出口卡点,夜班为主。", 6)
	var buf bytes.Buffer
	if err := StaffList(&buf, post, staff, time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)); err != nil {
		t.Fatal(err)
	}
	text, pages := readPDF(t, buf.Bytes())
	if pages < 2 {
		t.Fatalf("%d pages for 70 people", pages)
	}
	for _, want := range []string{
		"城关镇疫情防控指挥部人员通讯录", "值班电话:0913-2345678", "共 70 人", "张建国69", "13910000069",
		"刘䶮", "第1页", "共" + strconv.Itoa(pages) + "页", "打印日期:2026年11月25日 星期三",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if !privateUseAfter(text, "王") || strings.Contains(text, "□") {
		t.Errorf("王𠮷 is not printed whole")
	}
	// The header row repeats on every page.
	if n := strings.Count(text, "可带班"); n != pages {
		t.Errorf("header printed %d times on %d pages", n, pages)
	}
}
