//go:build !windows

package ui

// onEndSession: elsewhere the end of a session is SIGTERM, which Run
// handles.
func onEndSession(func()) {}
