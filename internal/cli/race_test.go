//go:build race

package cli

// raceEnabled: the race detector's shadow memory makes RSS figures meaningless.
const raceEnabled = true
