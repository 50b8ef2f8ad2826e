package ui

import (
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// Names with characters of Extension A (䶮), of the 通用规范汉字表 outside
// the BMP (𬱖) and from the list of name characters (𠮷) take the width of
// any other name under the program's own theme and font, and are drawn.
func TestRareNamesFitLikeAnyOther(t *testing.T) {
	test.NewTempApp(t)
	fyne.CurrentApp().Settings().SetTheme(newTheme())
	size := fyne.CurrentApp().Settings().Theme().Size("text")
	common := fyne.MeasureText("王明", size, fyne.TextStyle{})
	for _, name := range []string{"王䶮", "陈𬱖", "刘𠮷"} {
		got := fyne.MeasureText(name, size, fyne.TextStyle{})
		if got.Width != common.Width || got.Height != common.Height {
			t.Errorf("%s measures %v, 王明 %v", name, got, common)
		}
		rare := string([]rune(name)[1:])
		if ink(t, rare) < ink(t, "一")*2 {
			t.Errorf("%s: its rare character is not drawn (ink %d, 一 %d)", name, ink(t, rare), ink(t, "一"))
		}
	}
}

// ink counts the dark pixels of a character drawn on the test canvas.
func ink(t *testing.T, s string) int {
	t.Helper()
	text := canvas.NewText(s, fyne.CurrentApp().Settings().Theme().Color("foreground", fyne.CurrentApp().Settings().ThemeVariant()))
	text.TextSize = 40
	w := test.NewWindow(text)
	defer w.Close()
	w.Resize(fyne.NewSize(80, 80))
	img := w.Canvas().Capture()
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if dark(img, x, y) {
				n++
			}
		}
	}
	return n
}

func dark(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r+g+b < 3*0x8000
}

// A name too long for its room tile is cut short with … and the days left
// still show; a short one stays whole.
func TestLongNameFitsItsRoomTile(t *testing.T) {
	test.NewTempApp(t)
	fyne.CurrentApp().Settings().SetTheme(newTheme())
	line := fitName("阿卜杜热合曼·买买提", " 余6天")
	width := fyne.MeasureText(line, tileTextSize, fyne.TextStyle{}).Width
	if width > tileSize.Width-2*theme.Padding() || !strings.HasPrefix(line, "阿卜") || !strings.HasSuffix(line, "… 余6天") {
		t.Errorf("tile line %q is %.0f wide in a tile of %.0f", line, width, tileSize.Width)
	}
	if got := fitName("刘𠮷", " 余6天"); got != "刘𠮷 余6天" {
		t.Errorf("short name on the tile: %q", got)
	}
}
