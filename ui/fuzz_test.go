package ui

import (
	"math"
	"testing"
)

func FuzzParseCelsius(f *testing.F) {
	for _, s := range []string{"36.5", "３６．５", "37.3℃", "36度", "", "abc", "1e400", "NaN", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parseCelsius(s)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("%q parsed to %v", s, v)
		}
	})
}
