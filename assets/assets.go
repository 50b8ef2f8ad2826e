// Package assets embeds what the program carries with it: the Chinese font,
// the icon and the one file of strings people read.
package assets

import (
	_ "embed"
	"encoding/json"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Font, which the PDFs print with, is WenQuanYi Micro Hei, face 0 of the
// Debian .ttc, as TrueType (Fyne can't read a collection and gofpdf reads
// only .ttf), with CJK Extension A, the 通用规范汉字表 and name characters
// it lacks added from HanaMinA and BabelStone Han by scripts/make-hei. It is
// committed packed, as font/wqy-microhei.ttf.gz, and make unpacks it before
// building: go build alone needs `make deps-build` first. Licences beside it.
//
//go:embed font/wqy-microhei.ttf
var Font []byte

// ScreenFont is Font's glyphs with CFF outlines, which the window draws
// with: Fyne parses its font once per text style, and turns every TrueType
// outline into Go values as it does, 29 MB of heap a time, where CFF ones
// are read as glyphs are drawn. scripts/make-screen-font makes it from
// Font; committed packed, as font/wqy-microhei.otf.xz, and unpacked by make.
//
//go:embed font/wqy-microhei.otf
var ScreenFont []byte

// Song is AR PL UMing CN (明体/宋体), cut to ASCII and GB 2312 level 1 by
// scripts/subset-song, for the masthead and prose of official documents.
// Licence beside it.
//
//go:embed font/uming-gb2312-1.ttf
var Song []byte

// Icon is the program's icon.
//
//go:embed icon.png
var Icon []byte

// Chinese maps every English key used with lang.L, Fyne's own included, to
// the Chinese people see.
//
//go:embed zh.json
var Chinese []byte

// The program speaks Chinese whatever the system language: Fyne picks its
// strings by the OS locale, so the same table is registered under English
// (what an English Windows matches) and under Chinese.
func init() {
	for _, locale := range []fyne.Locale{"en", "zh-Hans", "zh"} {
		if err := lang.AddTranslationsForLocale(Chinese, locale); err != nil {
			panic("assets/zh.json: " + err.Error())
		}
	}
}

// Keys lists the keys zh.json defines; tests use it to find strings that
// would otherwise show in English.
func Keys() map[string]bool {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(Chinese, &m); err != nil {
		panic("assets/zh.json: " + err.Error())
	}
	keys := make(map[string]bool, len(m))
	for k := range m {
		keys[k] = true
	}
	return keys
}
