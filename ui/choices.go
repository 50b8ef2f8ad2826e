package ui

import "fyne.io/fyne/v2/widget"

// labels are typed domain values as the words a list or choice shows.
func labels[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// choices is a horizontal set of typed options, one of them always
// chosen: the first, until another is.
func choices[T ~string](options []T) *widget.RadioGroup {
	r := widget.NewRadioGroup(labels(options), nil)
	r.Horizontal = true
	r.Required = true
	r.SetSelected(string(options[0]))
	return r
}
