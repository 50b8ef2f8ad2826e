package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"fangkong/assets"
)

var fontResource = fyne.NewStaticResource("wqy-microhei.otf", assets.ScreenFont)

// chineseTheme is Fyne's default theme with the bundled CJK font for all
// text, so Chinese renders on a PC that has no Chinese fonts installed.
type chineseTheme struct{ fyne.Theme }

func newTheme() fyne.Theme { return chineseTheme{theme.DefaultTheme()} }

func (t chineseTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	return fontResource
}

// Color is always the light variant: the screens mirror paper ledgers and
// printouts, and an office PC's dark-mode setting shouldn't turn them black.
func (t chineseTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}

func (t chineseTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 14 // CJK at Fyne's default 13 is hard to read on an old monitor
	}
	return t.Theme.Size(n)
}
