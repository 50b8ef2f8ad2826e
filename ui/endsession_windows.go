//go:build windows

package ui

import (
	"runtime"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Windows ends a session (shutdown, restart, logoff) by sending
// WM_QUERYENDSESSION and WM_ENDSESSION to every top-level window and then
// ending the process; Fyne's window passes them on unseen. A hidden window
// of our own hears them, so the program can close the database first.
var (
	user32           = windows.NewLazySystemDLL("user32.dll")
	registerClassEx  = user32.NewProc("RegisterClassExW")
	createWindowEx   = user32.NewProc("CreateWindowExW")
	defWindowProc    = user32.NewProc("DefWindowProcW")
	getMessage       = user32.NewProc("GetMessageW")
	dispatchMessage  = user32.NewProc("DispatchMessageW")
	kernelModule     = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetModuleHandleW")
	endSessionAction func()
)

const (
	wmQueryEndSession = 0x0011
	wmEndSession      = 0x0016
)

type wndClassEx struct {
	size, style                        uint32
	wndProc                            uintptr
	clsExtra, wndExtra                 int32
	instance, icon, cursor, background windows.Handle
	menuName, className                *uint16
	iconSm                             windows.Handle
}

type msg struct {
	hwnd    windows.Handle
	message uint32
	wParam  uintptr
	lParam  uintptr
	time    uint32
	pt      struct{ x, y int32 }
}

// onEndSession runs end when Windows ends the session, before it ends the
// process; end must finish quickly (Windows allows a few seconds).
func onEndSession(end func()) {
	endSessionAction = end
	ready := make(chan struct{})
	go func() {
		// The window's messages come to the thread that made it.
		runtime.LockOSThread()
		instance, _, _ := kernelModule.Call(0)
		name, _ := windows.UTF16PtrFromString("FangkongEndSession")
		class := wndClassEx{wndProc: windows.NewCallback(endSessionProc), instance: windows.Handle(instance), className: name}
		class.size = uint32(unsafe.Sizeof(class))
		registerClassEx.Call(uintptr(unsafe.Pointer(&class)))
		// Top-level but never shown: message-only windows get no broadcasts.
		createWindowEx.Call(0, uintptr(unsafe.Pointer(name)), 0, 0, 0, 0, 0, 0, 0, 0, instance, 0)
		close(ready)
		var m msg
		for {
			if r, _, _ := getMessage.Call(uintptr(unsafe.Pointer(&m)), 0, 0, 0); int32(r) <= 0 {
				return
			}
			dispatchMessage.Call(uintptr(unsafe.Pointer(&m)))
		}
	}()
	<-ready
}

func endSessionProc(hwnd windows.Handle, message uint32, wParam, lParam uintptr) uintptr {
	switch message {
	case wmQueryEndSession:
		return 1 // nothing to ask: drafts keep what is typed
	case wmEndSession:
		if wParam != 0 && endSessionAction != nil {
			endSessionAction()
		}
		return 0
	}
	r, _, _ := defWindowProc.Call(uintptr(hwnd), uintptr(message), wParam, lParam)
	return r
}
