package reports

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"fyne.io/fyne/v2/lang"
	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"

	"fangkong/assets"
)

// Every gofpdf call of the program is in this file, so the PDF library can
// be swapped here alone.

const (
	fontFamily = "wqy"
	songFamily = "song"
	margin     = 12.0 // mm
	lineGap    = 1.45 // line height as a multiple of the font size
	ptToMM     = 25.4 / 72
)

// Missing is printed in place of a character the font has no glyph for:
// the convention of Chinese print for an unavailable character.
const Missing = '□'

// outlines parses a bundled font the first time its glyphs are looked up.
func outlines(name string, font []byte) func() *sfnt.Font {
	return sync.OnceValue(func() *sfnt.Font {
		f, err := sfnt.Parse(font)
		if err != nil {
			panic("bundled font " + name + ": " + err.Error())
		}
		return f
	})
}

var (
	heiOutlines  = outlines("Micro Hei", assets.Font)
	songOutlines = outlines("Song", assets.Song)
)

// hasGlyph reports whether f draws r.
func hasGlyph(f *sfnt.Font, buf *sfnt.Buffer, r rune) bool {
	i, err := f.GlyphIndex(buf, r)
	return err == nil && i != 0
}

// songCovers reports whether the Song face has every character of s, so
// a line is never printed half in one face and half in another.
func songCovers(s string) bool {
	song := songOutlines()
	var buf sfnt.Buffer
	for _, r := range s {
		if r != '\n' && r != ' ' && r != '\u3000' && !hasGlyph(song, &buf, r) {
			return false
		}
	}
	return true
}

// printable replaces every character the bundled font cannot draw (and
// control characters) with □, so that one name never fails or blanks a
// whole document; a character outside the Basic Multilingual Plane (𠮷,
// 𬱖), which gofpdf cannot embed, is printed under the Private Use Area
// code the font also maps to its glyph (see scripts/make-hei).
func printable(s string) string {
	hei := heiOutlines()
	var buf sfnt.Buffer
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case unicode.IsControl(r):
			return Missing
		case r == ' ' || r == '\u3000':
			return r
		case r > 0xFFFF:
			if p, ok := privateUse()[r]; ok {
				return p
			}
			return Missing
		}
		if !hasGlyph(hei, &buf, r) {
			return Missing
		}
		return r
	}, s)
}

// privateUse maps each character outside the BMP that the bundled font
// draws to the Private Use Area code scripts/make-hei gave its glyph: in
// code point order from U+E000. Found once, when first needed.
var privateUse = sync.OnceValue(func() map[rune]rune {
	hei := heiOutlines()
	var buf sfnt.Buffer
	out := map[rune]rune{}
	next := rune(0xE000)
	for r := rune(0x10000); r <= 0x3FFFF; r++ {
		i, err := hei.GlyphIndex(&buf, r)
		if err != nil || i == 0 {
			continue
		}
		if p, err := hei.GlyphIndex(&buf, next); err == nil && p == i {
			out[r] = next
		}
		next++
	}
	return out
})

// Doc is a PDF document on A4 paper in the bundled Chinese font.
type Doc struct {
	pdf                      *gofpdf.Fpdf
	left, top, right, bottom float64 // margins, mm
	song                     bool    // the Song face is loaded: official documents
}

// Align is a table column's alignment.
type Align string

const (
	Left   Align = "L"
	Center Align = "C"
	Right  Align = "R"
)

// Column is a table column: its header, width in mm, and alignment.
type Column struct {
	Header string
	Width  float64
	Align  Align
}

// NewDoc starts a document; footer (may be empty) is printed at the bottom
// left of every page, the page number "第N页 共M页" at the right.
func NewDoc(landscape bool, footer string) *Doc {
	return newDoc(landscape, footer, margin, margin, margin, margin)
}

// NewOfficialDoc starts an A4 portrait document with the margins of a
// printed government document (GB/T 9704-2012: 37 mm top, 28 mm left,
// 26 mm right, 35 mm bottom, the text block 156 × 225 mm), a little less
// at top and bottom so the figures' tables keep to fewer pages.
//
// Its masthead and prose are set in Song (宋体), its headings and tables in
// the bundled Hei (黑体), as the standard sets titles and headings.
func NewOfficialDoc(footer string) *Doc {
	d := newDoc(false, footer, 28, 30, 26, 25)
	d.pdf.AddUTF8FontFromBytes(songFamily, "", assets.Song)
	d.song = true
	return d
}

func newDoc(landscape bool, footer string, left, top, right, bottom float64) *Doc {
	orientation := "P"
	if landscape {
		orientation = "L"
	}
	pdf := gofpdf.New(orientation, "mm", "A4", "")
	pdf.SetMargins(left, top, right)
	pdf.SetAutoPageBreak(false, bottom)
	pdf.AddUTF8FontFromBytes(fontFamily, "", assets.Font)
	pdf.SetFont(fontFamily, "", 11)
	pdf.AliasNbPages("{nb}")
	d := &Doc{pdf: pdf, left: left, top: top, right: right, bottom: bottom}
	footer = printable(footer)
	pdf.SetFooterFunc(func() {
		w, h := pdf.GetPageSize()
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.Text(left, h-bottom/2, footer)
		pdf.SetXY(left, h-bottom/2-3)
		pdf.CellFormat(w-left-right, 4, lang.L("Page {{.N}} of {{.Total}}", map[string]any{"N": pdf.PageNo(), "Total": "{nb}"}), "", 0, "R", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()
	return d
}

// width is the printable width of a page.
func (d *Doc) width() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - d.left - d.right
}

// bottom is the lowest y a line may end at.
func (d *Doc) lowest() float64 {
	_, h := d.pdf.GetPageSize()
	return h - d.bottom - 4
}

func lineHeight(size float64) float64 { return size * ptToMM * lineGap }

// Title prints a centred heading.
func (d *Doc) Title(text string, size float64) {
	d.pdf.SetFont(fontFamily, "", size)
	d.paragraph(printable(text), size, Center)
	d.pdf.SetFont(fontFamily, "", 11)
}

// Text prints a paragraph, wrapped to the page width.
func (d *Doc) Text(text string, size float64) {
	d.pdf.SetFont(fontFamily, "", size)
	d.paragraph(printable(text), size, Left)
	d.pdf.SetFont(fontFamily, "", 11)
}

// SongTitle prints a centred line in Song, in a colour: the masthead. A
// line the Song face cannot fully draw is printed in Hei.
func (d *Doc) SongTitle(text string, size float64, color [3]int) {
	d.pdf.SetTextColor(color[0], color[1], color[2])
	d.pdf.SetFont(d.face(text), "", size)
	d.paragraph(printable(text), size, Center)
	d.pdf.SetFont(fontFamily, "", 11)
	d.pdf.SetTextColor(0, 0, 0)
}

// Prose prints a paragraph in Song, wrapped to the page width; in Hei when
// the Song face lacks one of its characters.
func (d *Doc) Prose(text string, size float64, align Align) {
	d.pdf.SetFont(d.face(text), "", size)
	d.paragraph(printable(text), size, align)
	d.pdf.SetFont(fontFamily, "", 11)
}

// face is the family a text is set in: Song where the document has it and
// it draws every character, otherwise the bundled Hei.
func (d *Doc) face(text string) string {
	if d.song && songCovers(printable(text)) {
		return songFamily
	}
	return fontFamily
}

// Gap leaves vertical space in mm.
// NeedSpace starts a new page unless mm more fit on this one, so a
// heading stays with what follows it.
func (d *Doc) NeedSpace(mm float64) {
	if d.pdf.GetY()+mm > d.lowest() {
		d.pdf.AddPage()
	}
}

func (d *Doc) Gap(mm float64) { d.pdf.SetY(d.pdf.GetY() + mm) }

func (d *Doc) paragraph(text string, size float64, align Align) {
	lh := lineHeight(size)
	for _, line := range d.wrap(text, d.width()) {
		if d.pdf.GetY()+lh > d.lowest() {
			d.pdf.AddPage()
		}
		d.pdf.SetX(d.left)
		d.pdf.CellFormat(d.width(), lh, line, "", 1, string(align), false, 0, "")
	}
}

// wrap breaks text into lines no wider than width at the current font. It
// measures each character itself because gofpdf's own wrapping drops a
// Chinese character at every break; runs of Latin letters and digits (plate
// numbers, phone numbers) are kept whole where they fit, and closing
// punctuation never starts a line.
func (d *Doc) wrap(text string, width float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		var line []rune
		lineW := 0.0
		runes := []rune(para)
		for i := 0; i < len(runes); {
			j := i + 1
			for isWordRune(runes[i]) && j < len(runes) && isWordRune(runes[j]) {
				j++
			}
			for j < len(runes) && strings.ContainsRune("，。、；：？！）》」』”’,.;:?!)%", runes[j]) {
				j++
			}
			chunk := runes[i:j]
			w := d.pdf.GetStringWidth(string(chunk))
			if lineW+w > width && len(line) > 0 {
				lines = append(lines, string(line))
				line, lineW = nil, 0
			}
			if w > width { // a chunk longer than a line: break it anywhere
				for _, r := range chunk {
					rw := d.pdf.GetStringWidth(string(r))
					if lineW+rw > width && len(line) > 0 {
						lines = append(lines, string(line))
						line, lineW = nil, 0
					}
					line = append(line, r)
					lineW += rw
				}
			} else {
				line = append(line, chunk...)
				lineW += w
			}
			i = j
		}
		lines = append(lines, string(line))
	}
	return lines
}

func isWordRune(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '·')
}

// Table prints a table whose header row repeats on every page; cells wrap
// inside their column and never run over its border.
func (d *Doc) Table(cols []Column, rows [][]string, size float64) {
	d.pdf.SetFont(fontFamily, "", size)
	defer d.pdf.SetFont(fontFamily, "", 11)
	lh := lineHeight(size)
	pad := 1.2
	header := func() {
		cells := make([][]string, len(cols))
		for i, c := range cols {
			cells[i] = d.wrap(printable(c.Header), c.Width-2*pad)
		}
		d.pdf.SetFillColor(230, 230, 230)
		d.row(cols, cells, lh, pad, true)
	}
	header()
	for _, r := range rows {
		cells := make([][]string, len(cols))
		height := 0
		for i, c := range cols {
			text := ""
			if i < len(r) {
				text = r[i]
			}
			cells[i] = d.wrap(printable(text), c.Width-2*pad)
			height = max(height, len(cells[i]))
		}
		if d.pdf.GetY()+float64(height)*lh+2*pad > d.lowest() {
			d.pdf.AddPage()
			header()
		}
		d.row(cols, cells, lh, pad, false)
	}
}

// row draws one table row of already wrapped cells.
func (d *Doc) row(cols []Column, cells [][]string, lh, pad float64, fill bool) {
	lines := 1
	for _, c := range cells {
		lines = max(lines, len(c))
	}
	h := float64(lines)*lh + 2*pad
	x, y := d.left, d.pdf.GetY()
	style := "D"
	if fill {
		style = "FD"
	}
	for i, c := range cols {
		d.pdf.Rect(x, y, c.Width, h, style)
		for n, line := range cells[i] {
			d.pdf.SetXY(x+pad, y+pad+float64(n)*lh)
			d.pdf.CellFormat(c.Width-2*pad, lh, line, "", 0, string(c.Align), false, 0, "")
		}
		x += c.Width
	}
	d.pdf.SetXY(d.left, y+h)
}

// Signatures prints a line of labelled blanks to sign on, e.g. 填报人 ____.
func (d *Doc) Signatures(labels ...string) {
	d.Gap(6)
	if d.pdf.GetY()+lineHeight(11) > d.lowest() {
		d.pdf.AddPage()
	}
	w := d.width() / float64(len(labels))
	for i, l := range labels {
		d.pdf.SetX(d.left + float64(i)*w)
		d.pdf.CellFormat(w, lineHeight(11), printable(l)+":________________", "", 0, "L", false, 0, "")
	}
	d.pdf.Ln(lineHeight(11))
}

// Red is the red of a document's masthead and rule (版头, 红色分隔线).
var Red = [3]int{230, 0, 18}

// Black is the colour of ordinary text and rules.
var Black = [3]int{0, 0, 0}

// Rule draws a line across the text block, thick mm wide, in a colour.
func (d *Doc) Rule(thick float64, color [3]int) {
	y := d.pdf.GetY() + thick/2
	d.pdf.SetDrawColor(color[0], color[1], color[2])
	d.pdf.SetLineWidth(thick)
	d.pdf.Line(d.left, y, d.left+d.width(), y)
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetDrawColor(0, 0, 0)
	d.pdf.SetY(y + thick/2)
}

// Spread prints one line with left and right at its two ends: the issuing
// office and the date under a masthead.
func (d *Doc) Spread(left, right string, size float64) {
	d.pdf.SetFont(d.face(left+right), "", size)
	defer d.pdf.SetFont(fontFamily, "", 11)
	lh := lineHeight(size)
	y := d.pdf.GetY()
	d.pdf.SetXY(d.left, y)
	d.pdf.CellFormat(d.width(), lh, printable(left), "", 0, "L", false, 0, "")
	d.pdf.SetXY(d.left, y)
	d.pdf.CellFormat(d.width(), lh, printable(right), "", 1, "R", false, 0, "")
}

// Fields prints labelled values in a grid of columns: each value wraps in
// its own cell, so a long name pushes the row down instead of running into
// its neighbour.
func (d *Doc) Fields(pairs [][2]string, perRow int, size float64) {
	var all strings.Builder
	for _, p := range pairs {
		all.WriteString(p[0] + p[1])
	}
	d.pdf.SetFont(d.face(all.String()), "", size)
	defer d.pdf.SetFont(fontFamily, "", 11)
	lh := lineHeight(size)
	w := d.width() / float64(perRow)
	for i := 0; i < len(pairs); i += perRow {
		var cells [][]string
		lines := 1
		for _, p := range pairs[i:min(i+perRow, len(pairs))] {
			c := d.wrap(printable(p[0]+":"+p[1]), w-3)
			cells = append(cells, c)
			lines = max(lines, len(c))
		}
		if d.pdf.GetY()+float64(lines)*lh > d.lowest() {
			d.pdf.AddPage()
		}
		y := d.pdf.GetY()
		for n, c := range cells {
			for k, line := range c {
				d.pdf.SetXY(d.left+float64(n)*w, y+float64(k)*lh)
				d.pdf.CellFormat(w-3, lh, line, "", 0, "L", false, 0, "")
			}
		}
		d.pdf.SetXY(d.left, y+float64(lines)*lh)
	}
}

// Remaining is the height in mm left on the page below the current line.
func (d *Doc) Remaining() float64 { return d.lowest() - d.pdf.GetY() }

// ToBottom moves down so that mm are left before the page's foot, for a
// block (the 版记) that belongs at the bottom of the last page.
func (d *Doc) ToBottom(mm float64) {
	if d.Remaining() < mm {
		d.pdf.AddPage()
	}
	d.pdf.SetY(d.lowest() - mm)
}

// TextWidth is the width in mm of text at size; callers use it to size columns.
func (d *Doc) TextWidth(text string, size float64) float64 {
	d.pdf.SetFont(fontFamily, "", size)
	defer d.pdf.SetFont(fontFamily, "", 11)
	return d.pdf.GetStringWidth(printable(text))
}

// PageWidth is the printable width in mm.
func (d *Doc) PageWidth() float64 { return d.width() }

// ErrPDF means the document could not be produced.
var ErrPDF = errors.New("PDF could not be produced")

// Write finishes the document and writes it out.
func (d *Doc) Write(w io.Writer) error {
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("%w: %v", ErrPDF, err)
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("%w: %v", ErrPDF, err)
	}
	return nil
}

// BarChart draws a small bar chart the width of the page: one bar per
// label, its value written above it.
func (d *Doc) BarChart(title string, labels []string, values []int, height float64) {
	d.NeedSpace(lineHeight(10.5) + height + 12) // the title stays with its chart
	d.Text(title, 10.5)
	top := d.pdf.GetY() + 4
	most := 1
	for _, v := range values {
		most = max(most, v)
	}
	slot := d.width() / float64(len(values))
	d.pdf.SetFont(fontFamily, "", 8)
	defer d.pdf.SetFont(fontFamily, "", 11)
	d.pdf.SetFillColor(90, 130, 190)
	for i, v := range values {
		h := height * float64(v) / float64(most)
		x := d.left + float64(i)*slot + slot*0.2
		d.pdf.Rect(x, top+height-h, slot*0.6, h, "F")
		d.pdf.SetXY(d.left+float64(i)*slot, top+height-h-4)
		d.pdf.CellFormat(slot, 4, strconv.Itoa(v), "", 0, "C", false, 0, "")
		d.pdf.SetXY(d.left+float64(i)*slot, top+height+1)
		d.pdf.CellFormat(slot, 4, printable(labels[i]), "", 0, "C", false, 0, "")
	}
	d.pdf.Line(d.left, top+height, d.left+d.width(), top+height)
	d.pdf.SetXY(d.left, top+height+7)
}
