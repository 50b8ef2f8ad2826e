package data

import (
	"regexp"
	"strings"
)

var (
	mobileRe   = regexp.MustCompile(`^1[3-9]\d{9}$`)
	landlineRe = regexp.MustCompile(`^0\d{9,11}$`)
)

// NormalizePhone accepts an 11-digit mobile number or a landline with its area
// code, typed with or without spaces, hyphens or brackets and in full-width
// digits, and returns it in one form: 13912345678 or 0913-2345678.
func NormalizePhone(s string) (string, error) {
	s = halfWidth(clean(s))
	digits := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '(', ')':
			return -1
		}
		return r
	}, s)
	if strings.HasPrefix(digits, "+86") {
		digits = digits[3:]
	}
	switch {
	case mobileRe.MatchString(digits):
		return digits, nil
	case landlineRe.MatchString(digits):
		// Beijing (010) and the 02x cities have 3-digit area codes, all
		// others 4; the local number that remains must be 7 or 8 digits.
		area := 4
		if digits[1] == '1' || digits[1] == '2' {
			area = 3
		}
		local := len(digits) - area
		if local < 7 || local > 8 {
			return "", ErrBadPhone
		}
		return digits[:area] + "-" + digits[area:], nil
	}
	return "", ErrBadPhone
}

// MaskPhone hides the middle of a phone number: 139****5678, 0913-***5678.
func MaskPhone(s string) string {
	r := []rune(s)
	if len(r) < 8 {
		return s
	}
	return string(r[:len(r)-8]) + "****" + string(r[len(r)-4:])
}
