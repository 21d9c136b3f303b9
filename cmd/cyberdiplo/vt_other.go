//go:build !windows

package main

import "os"

// enableVT is needed on Windows only: terminals elsewhere interpret escape sequences.
func enableVT(*os.File) {}
