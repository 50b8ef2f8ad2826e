package ui

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
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
