package data

import (
	"strings"
	"time"
)

// IDNumber is a checked 18-character resident ID number (身份证号).
type IDNumber struct {
	Number string    // normalised: 18 characters, check character upper-case
	Male   bool      // from the 17th digit: odd is male
	Birth  time.Time // from digits 7–14
}

// Sex is 男 or 女.
func (id IDNumber) Sex() string {
	if id.Male {
		return "男"
	}
	return "女"
}

// Masked shows the first 3 and last 4 characters: 610***********1234.
func (id IDNumber) Masked() string { return MaskID(id.Number) }

// MaskID masks any ID number the same way, however long.
func MaskID(s string) string {
	r := []rune(s)
	if len(r) <= 7 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// IDCheckChar is the GB 11643 check character for the first 17 digits.
func IDCheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// MaxAge is the oldest a living person's ID number can say.
const MaxAge = 130

// ParseIDNumber checks an ID number by GB 11643: 17 digits, a valid birth
// date no later than today and no more than MaxAge years before it, and
// the check character (x accepted as X). Spaces and full-width
// characters typed by an input method are folded first. A number whose only
// fault is its check character returns ErrIDCheckDigit with the rest filled
// in, since a misread paper ID may be accepted knowingly.
func ParseIDNumber(s string, today time.Time) (IDNumber, error) {
	s = strings.ToUpper(strings.ReplaceAll(halfWidth(clean(s)), " ", ""))
	if len(s) != 18 {
		return IDNumber{}, ErrIDLength
	}
	for i := 0; i < 17; i++ {
		if s[i] < '0' || s[i] > '9' {
			return IDNumber{}, ErrIDFormat
		}
	}
	last := s[17]
	if (last < '0' || last > '9') && last != 'X' {
		return IDNumber{}, ErrIDFormat
	}
	birth, err := time.ParseInLocation("20060102", s[6:14], time.Local)
	switch {
	case err != nil:
		return IDNumber{}, ErrIDBirthDate
	case birth.After(today):
		return IDNumber{}, ErrIDBirthFuture
	case birth.Before(StartOfDay(today).AddDate(-MaxAge, 0, 0)):
		return IDNumber{}, ErrIDTooOld
	}
	id := IDNumber{Number: s, Male: (s[16]-'0')%2 == 1, Birth: birth}
	if IDCheckChar(s[:17]) != last {
		return id, ErrIDCheckDigit
	}
	return id, nil
}
