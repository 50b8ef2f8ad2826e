package ui

import "fyne.io/fyne/v2/widget"

// choose keeps the record a screen shows across a reload: the one with the
// same ID if it is still listed, else the first, else none. It fills the
// picker with the names and selects the chosen one.
func choose[T any](picker *widget.Select, list []T, current T, id func(T) int64, name func(T) string) T {
	names := make([]string, len(list))
	var chosen T
	found := false
	for i, v := range list {
		names[i] = name(v)
		if id(current) != 0 && id(v) == id(current) {
			chosen, found = v, true
		}
	}
	if !found && len(list) > 0 {
		chosen = list[0]
	}
	picker.SetOptions(names)
	if id(chosen) != 0 {
		picker.Selected = name(chosen)
		picker.Refresh()
	}
	return chosen
}
