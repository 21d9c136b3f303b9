package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStateFile(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"XDG_STATE_HOME": dir}
	path := stateFile(func(k string) string { return env[k] })
	if path != filepath.Join(dir, "cyberdiplo", "state.json") {
		t.Fatalf("state file at %q", path)
	}
	if _, ok := loadState(path); ok {
		t.Fatal("a missing state file was read")
	}
	saveState(path, state{Lang: "it", Page: "osce", Section: "misure-di-rafforzamento-della-fiducia", Block: "3.2", Line: 1, Of: 4})
	if s, ok := loadState(path); !ok || s.Lang != "it" || s.Page != "osce" || s.Block != "3.2" || s.Line != 1 || s.Section != "misure-di-rafforzamento-della-fiducia" {
		t.Fatalf("saved state read back as %+v, %v", s, ok)
	}
	for _, broken := range []string{"", "{", `{"lang":"fr","page":"un"}`, "\x00\x01"} {
		os.WriteFile(path, []byte(broken), 0o600)
		if _, ok := loadState(path); ok {
			t.Errorf("broken state %q was used", broken)
		}
	}
	// A state directory that cannot be created is not an error.
	os.WriteFile(filepath.Join(dir, "file-not-dir"), nil, 0o600)
	saveState(filepath.Join(dir, "file-not-dir", "x", "state.json"), state{Lang: "en", Page: "un"})
	home := map[string]string{"HOME": "/home/u"}
	if p := stateFile(func(k string) string { return home[k] }); p != "/home/u/.local/state/cyberdiplo/state.json" {
		t.Fatalf("default state file %q", p)
	}
}

// A state file larger than its bound is not ours: it is ignored, and read only up
// to the bound.
func TestHugeStateFileIsIgnored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	big := `{"lang":"it","page":"un","block":"` + strings.Repeat("9", 50<<20) + `"}`
	if err := os.WriteFile(path, []byte(big), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := loadState(path); ok {
		t.Error("a 50 MB state file was used")
	}
}
