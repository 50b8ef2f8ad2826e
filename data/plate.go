package data

import (
	"regexp"
	"strings"
)

// plateProvinces are the first characters of civilian plates.
const plateProvinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

var (
	// Ordinary plates: 5 letters or digits (I and O are never used, they
	// read as 1 and 0), the last may be 挂 (trailer), 学 (driving school),
	// 警 (police), 港 or 澳 (Hong Kong or Macao, 粤Z), 领 (consulate).
	plateOrdinary = regexp.MustCompile(`^[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳领]$`)
	// Embassy plates (使馆): 使, a 3-digit embassy code and 3 digits.
	plateEmbassy = regexp.MustCompile(`^使[0-9]{6}$`)
	// New-energy plates have 6: D or F then 5 (small cars), or 5 digits
	// then D or F (large vehicles).
	plateNewEnergy = regexp.MustCompile(`^([DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF])$`)
)

// Plate is a checked vehicle plate.
type Plate struct {
	Number    string // normalised: 陕G·12345, 陕A·D12345
	NewEnergy bool
}

// ParsePlate checks a plate typed any common way (陕g12345, 陕G 12345,
// 陕G-12345, full-width letters) and returns it in one form: 陕G·12345.
func ParsePlate(s string) (Plate, error) {
	s = strings.ToUpper(halfWidth(clean(s)))
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '·', '•', '.', '-', '\u3000', '\t':
			return -1
		}
		return r
	}, s)
	if plateEmbassy.MatchString(s) {
		return Plate{Number: "使·" + s[len("使"):]}, nil
	}
	r := []rune(s)
	if len(r) < 7 || len(r) > 8 {
		return Plate{}, ErrBadPlate
	}
	if !strings.ContainsRune(plateProvinces, r[0]) || r[1] < 'A' || r[1] > 'Z' || r[1] == 'I' {
		return Plate{}, ErrBadPlate
	}
	rest := string(r[2:])
	p := Plate{Number: string(r[:2]) + "·" + rest}
	switch {
	case len(r) == 7 && plateOrdinary.MatchString(rest):
		return p, nil
	case len(r) == 8 && plateNewEnergy.MatchString(rest):
		p.NewEnergy = true
		return p, nil
	}
	return Plate{}, ErrBadPlate
}
