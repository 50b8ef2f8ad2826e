package ui

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// latinWord is a run of Latin letters, with what is around it.
var latinWord = regexp.MustCompile(`[A-Za-z]+`)

// allowedLatin are the Latin words a Chinese screen may show: units, the
// names of keys and files, and what is written so in China too.
var allowedLatin = []string{
	"N", "KN", "ml", "mL", "L", "kg", "g", "cm", "mm", "m", "XL", "XXL", // 医用N95口罩、500ml
	"Ctrl", "Enter", "Esc", "Tab", "Del", "F", // keys
	"PDF", "pdf", "Excel", "xlsx", "Word", "docx", "fkrpt", "db", "png", "exe", "PIN", "ID", "CT", "IgM", "IgG", "PCR",
}

// foreignWords are the Latin words of s that a clerk should not see: a
// plate's letter (陕G12345), an ID number's X and the allowed words are
// not.
func foreignWords(s string) []string {
	var out []string
	for _, loc := range latinWord.FindAllStringIndex(s, -1) {
		w := s[loc[0]:loc[1]]
		if slices.Contains(allowedLatin, w) {
			continue
		}
		before, after := s[:loc[0]], s[loc[1]:]
		digitNext := after != "" && after[0] >= '0' && after[0] <= '9'
		digitBefore := before != "" && before[len(before)-1] >= '0' && before[len(before)-1] <= '9'
		switch {
		case w == "X" && digitBefore: // 11010519491231002X
		case w == "C" && strings.HasSuffix(before, "°"): // 37.5°C: the font has no ℃
		case len(w) == 1 && strings.ToUpper(w) == w && (digitNext || strings.HasPrefix(after, "·")): // 陕G12345, 陕G·12345
		case len(w) <= 2 && strings.ToUpper(w) == w && digitNext: // KN95 read as KN
		default:
			out = append(out, w)
		}
	}
	return out
}

// drawnTexts are the texts drawn in o where nothing above them is hidden:
// every label, button, cell, placeholder and option ends as a canvas.Text.
func drawnTexts(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	switch o := o.(type) {
	case *canvas.Text:
		return []string{o.Text}
	case *fyne.Container:
		var out []string
		for _, c := range o.Objects {
			out = append(out, drawnTexts(c)...)
		}
		return out
	case fyne.Widget:
		var out []string
		for _, c := range test.WidgetRenderer(o).Objects() {
			out = append(out, drawnTexts(c)...)
		}
		return out
	}
	return nil
}

// englishIn reports the foreign words drawn in o, file paths aside.
func englishIn(o fyne.CanvasObject) []string {
	test.LaidOutObjects(o)
	var out []string
	for _, s := range drawnTexts(o) {
		if strings.ContainsAny(s, `/\`) { // a file's path: its name is the user's
			continue
		}
		out = append(out, foreignWords(s)...)
	}
	return out
}

// Not one English word: every screen of the small demo, and of a county's
// program, and every dialog their buttons open (file choosers aside:
// Windows' own there, Fyne's elsewhere), drawn in Chinese.
func TestNoEnglishOnAnyScreenOrDialog(t *testing.T) {
	a := openTestApp(t, false)
	if err := a.Demo(context.Background(), app.ScaleSmall); err != nil {
		t.Fatal(err)
	}
	if n := walkForEnglish(t, newTestShell(t, a)); n < 25 {
		t.Fatalf("only %d dialogs opened", n)
	}
	county := openTestApp(t, false)
	if err := county.DB.SaveMode(context.Background(), data.CountyMode); err != nil {
		t.Fatal(err)
	}
	if n := walkForEnglish(t, newTestShell(t, county)); n < 3 {
		t.Fatalf("only %d of the county's dialogs opened", n)
	}
}

// walkForEnglish shows every screen of s, taps each of its buttons, and
// fails on an English word drawn; it says how many dialogs it read.
func walkForEnglish(t *testing.T, s *shell) (dialogs int) {
	t.Helper()
	c := s.win.Canvas()
	choosers := []string{"从Excel导入", "从备份恢复…", "备份到…", "导入文件夹…", "导入文件…", "登记乡镇…"}
	for i, e := range s.entries {
		s.nav.Select(i)
		if w := englishIn(s.root); len(w) > 0 {
			t.Errorf("%s shows %v", e.title, w)
		}
		var buttons []*widget.Button
		for _, o := range test.LaidOutObjects(s.pageAt(i).content()) {
			if b, ok := o.(*widget.Button); ok && b.Visible() && !b.Disabled() && b.Text != "" && !slices.Contains(choosers, b.Text) {
				buttons = append(buttons, b)
			}
		}
		for _, b := range buttons {
			test.Tap(b)
			if top := c.Overlays().Top(); top != nil {
				dialogs++
				if w := englishIn(top); len(w) > 0 {
					t.Errorf("%s → %s shows %v", e.title, b.Text, w)
				}
			}
			for c.Overlays().Top() != nil {
				c.Overlays().Remove(c.Overlays().Top())
			}
			if s.current != i { // a button led to another screen
				s.nav.Select(i)
			}
		}
	}
	return dialogs
}
