//go:build !race

package kiosk_test

const raceEnabled = false
