package parser

import "testing"

// TestTableIsGenerated: the table written by gen.go (go generate) is the one
// GenerateTransitionTable builds.
func TestTableIsGenerated(t *testing.T) {
	want := GenerateTransitionTable()
	if len(Table) != len(want) {
		t.Fatalf("Table has %d entries, want %d", len(Table), len(want))
	}
	for i := range want {
		if Table[i] != want[i] {
			t.Errorf("Table[%d] (state %s, byte 0x%02x) = %#02x, want %#02x", i, StateNames[i>>IndexStateShift], i&0xff, Table[i], want[i])
		}
	}
}
