package ui

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

// parseCelsius reads a typed temperature, full-width digits and point too.
func parseCelsius(s string) (float64, error) {
	s = strings.TrimSpace(data.HalfWidth(s))
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "℃"), "°C"), "度")
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, &data.FieldError{Field: "celsius", Err: data.ErrBadTemperature}
	}
	return v, nil
}

// markCelsius says beside a temperature field what is being typed into it:
// 体温异常 in red from data.FeverCelsius, a reading no thermometer gives in red, nothing for
// a normal one or while still typing a number. It reports a fever.
func markCelsius(mark *widget.Label, text string) (fever bool) {
	v, err := parseCelsius(text)
	switch {
	case strings.TrimSpace(text) == "":
		mark.SetText("")
	case err == nil && v < data.MinCelsius && v < 10 && !strings.Contains(text, "."): // the 3 of 36.5: still typing
		mark.SetText("")
	case err != nil || !data.PlausibleCelsius(v):
		mark.SetText(lang.L("Not a temperature"))
	case v >= data.FeverCelsius:
		mark.SetText(lang.L("Fever"))
		fever = true
	default:
		mark.SetText("")
	}
	mark.Importance = widget.DangerImportance
	mark.Refresh()
	return fever
}
