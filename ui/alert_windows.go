//go:build windows

package ui

import "golang.org/x/sys/windows"

// alert shows msg in a Windows message box, which needs no OpenGL.
func alert(title, msg string) {
	t, _ := windows.UTF16PtrFromString(title)
	m, _ := windows.UTF16PtrFromString(msg)
	windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR)
}
