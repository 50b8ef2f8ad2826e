package reports

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"fangkong/assets"
)

// Names with characters common fonts lack print as the bundled font draws
// them: each name is printed in a PDF, rendered to PNG by poppler, and
// compared character by character with the same name drawn straight from
// the font: the same size, every character's ink where it belongs, and
// none of them a box.
func TestRareNamesPrintAsTheFontDrawsThem(t *testing.T) {
	face := fontFace(t, 40)
	box := inkOf(drawn(face, "□"))
	for _, name := range []string{"王䶮", "陈𬱖", "刘𠮷", "陈𬳵", "阿卜杜热合曼·买买提"} {
		printed := printedName(t, name)
		want := drawn(face, name)
		pb, wb := inkBounds(printed), inkBounds(want)
		if abs(pb.Dx()-wb.Dx()) > 3 || abs(pb.Dy()-wb.Dy()) > 3 {
			t.Errorf("%s prints %v wide and high, the font draws it %v", name, pb.Size(), wb.Size())
			continue
		}
		// Each character's cell, by the font's advances from the left of
		// the ink: the ink in it must match the font's, and not be a box.
		x := fixed.I(0)
		for _, r := range name {
			adv, _ := face.GlyphAdvance(r)
			cell := func(b image.Rectangle) image.Rectangle {
				return image.Rect(b.Min.X+x.Floor(), b.Min.Y-4, b.Min.X+(x+adv).Ceil(), b.Max.Y+4)
			}
			got, ref := inkIn(printed, cell(pb)), inkIn(want, cell(wb))
			if ref == 0 || got < ref*7/10 || got > ref*13/10 {
				t.Errorf("%s: %c has %d dark pixels printed, %d drawn by the font", name, r, got, ref)
			}
			if r > 0x3000 && abs(got-box) < box/10 && abs(ref-box) > box/5 {
				t.Errorf("%s: %c looks like a box", name, r)
			}
			x += adv
		}
	}
}

func fontFace(t *testing.T, size float64) font.Face {
	t.Helper()
	f, err := opentype.Parse(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	return face
}

// drawn is text drawn by the font at 72 dpi, black on white.
func drawn(face font.Face, text string) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, 700, 80))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	d := font.Drawer{Dst: img, Src: image.Black, Face: face, Dot: fixed.P(10, 55)}
	d.DrawString(text)
	return img
}

// printedName prints a name at 40 pt in a PDF and renders it at 72 dpi, so
// a point is a pixel, as drawn.
func printedName(t *testing.T, name string) image.Image {
	t.Helper()
	d := NewDoc(true, "")
	d.Text(name, 40)
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "name.pdf")
	os.WriteFile(pdf, buf.Bytes(), 0o644)
	if out, err := exec.Command("pdftoppm", "-png", "-gray", "-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf, filepath.Join(dir, "name")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "name.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// The first line only: the page's footer is further down.
	b := img.Bounds()
	return img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(b.Min.X, b.Min.Y, b.Max.X, b.Min.Y+150))
}

func isInk(img image.Image, x, y int) bool {
	r, _, _, _ := img.At(x, y).RGBA()
	return r < 0x8000
}

func inkBounds(img image.Image) image.Rectangle {
	var out image.Rectangle
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if isInk(img, x, y) {
				out = out.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return out
}

func inkIn(img image.Image, r image.Rectangle) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if isInk(img, x, y) {
				n++
			}
		}
	}
	return n
}

func inkOf(img image.Image) int { return inkIn(img, img.Bounds()) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
