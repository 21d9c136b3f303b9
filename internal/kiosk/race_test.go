//go:build race

package kiosk_test

// raceEnabled: the race detector slows everything several times and doubles memory.
const raceEnabled = true
