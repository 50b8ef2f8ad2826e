//go:build !windows

package ui

import (
	"fmt"
	"os"
)

// alert writes msg to stderr: without a window there is no dialog to show.
func alert(title, msg string) {
	fmt.Fprintln(os.Stderr, title+": "+msg)
}
