package reports

import (
	"io"
	"testing"
)

// No text, however strange (rare characters, control characters, emoji,
// invalid UTF-8, very long runs), may fail or crash a PDF.
func FuzzPDFText(f *testing.F) {
	for _, s := range []string{"王𠮷", "刘䶮", "😷口罩", "\x00\xff\xfe", "陕G·12345D", "一二三四五六七八九十", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := NewDoc(false, s)
		d.Title(s, 16)
		d.Text(s, 11)
		d.Table([]Column{{Header: s, Width: 20, Align: Left}, {Header: "备注", Width: 60, Align: Center}},
			[][]string{{s, s}, {s}}, 10)
		d.Signatures(s)
		if err := d.Write(io.Discard); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
	})
}
