package ui

import (
	"regexp"
	"slices"
	"strings"
)

// latinWord is a run of Latin letters, with what is around it.
var latinWord = regexp.MustCompile(`[A-Za-z]+`)

// allowedLatin are the Latin words a Chinese screen may show: units, the
// names of keys and files, and what is written so in China too.
var allowedLatin = []string{
	"N", "KN", "ml", "mL", "L", "kg", "g", "cm", "mm", "m", "XL", "XXL", // 医用N95口罩、500ml
	"Ctrl", "Enter", "Esc", "Tab", "Del", "F", // keys
	"PDF", "pdf", "Excel", "xlsx", "fkrpt", "db", "png", "exe", "PIN", "ID", "CT", "IgM", "IgG", "PCR",
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
		case len(w) == 1 && strings.ToUpper(w) == w && (digitNext || strings.HasSuffix(before, "·")): // 陕G12345, 陕G·12345
		case len(w) <= 2 && strings.ToUpper(w) == w && digitNext: // KN95 read as KN
		default:
			out = append(out, w)
		}
	}
	return out
}
