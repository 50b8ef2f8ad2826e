package data

import (
	"errors"
	"testing"
)

func TestParsePlate(t *testing.T) {
	good := []struct {
		in, want  string
		newEnergy bool
	}{
		{"陕G12345", "陕G·12345", false},
		{"陕g12345", "陕G·12345", false},
		{"陕G·12345", "陕G·12345", false},
		{"陕G 1234X", "陕G·1234X", false},
		{"陕G-A8888", "陕G·A8888", false},
		{"京Ａ１２３４５", "京A·12345", false},
		{"粤B1234挂", "粤B·1234挂", false},
		{"陕A1234学", "陕A·1234学", false},
		{"陕AD12345", "陕A·D12345", true},
		{"陕A·DA1234", "陕A·DA1234", true},
		{"陕AF12345", "陕A·F12345", true},
		{"沪A12345D", "沪A·12345D", true},
		{"使014578", "使·014578", false},
		{"使 014 578", "使·014578", false},
		{"沪A1234领", "沪A·1234领", false},
		{"陕A1234警", "陕A·1234警", false},
		{"粤Z1234港", "粤Z·1234港", false},
		{"粤Z1234澳", "粤Z·1234澳", false},
	}
	for _, g := range good {
		p, err := ParsePlate(g.in)
		if err != nil || p.Number != g.want || p.NewEnergy != g.newEnergy {
			t.Errorf("ParsePlate(%q) = %+v, %v; want %q new-energy %v", g.in, p, err, g.want, g.newEnergy)
		}
	}
	for _, in := range []string{"", "陕G1234", "陕G123456", "陕I12345", "陕G1234O", "美A12345", "陕112345",
		"陕GA12345", "陕A1234D5", "陕AD1234E", "陕AF1B234", "12345", "陕G12345678", "陕G😷2345", "使01457", "使0145789", "使A14578"} {
		if p, err := ParsePlate(in); !errors.Is(err, ErrBadPlate) {
			t.Errorf("ParsePlate(%q) = %+v, %v; want ErrBadPlate", in, p, err)
		}
	}
}
