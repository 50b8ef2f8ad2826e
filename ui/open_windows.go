//go:build windows

package ui

import (
	"fmt"

	"golang.org/x/sys/windows"
)

// openFile opens a file or folder with the program Windows associates with
// it (the PDF viewer, Explorer). ShellExecute takes the path as it is, so
// Chinese characters and spaces need no URL encoding.
func openFile(path string) error {
	verb, _ := windows.UTF16PtrFromString("open")
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if err := windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL); err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	return nil
}
