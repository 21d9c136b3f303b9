//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableVT lets a Windows console interpret escape sequences (show --format ansi,
// search's bold matches); older consoles do not unless asked. Not a console: no-op.
func enableVT(f *os.File) {
	h := windows.Handle(f.Fd())
	var mode uint32
	if windows.GetConsoleMode(h, &mode) == nil {
		_ = windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING)
	}
}
