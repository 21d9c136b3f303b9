package cli

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
)

// state is what a local run remembers for the next one: the place read, in
// the language read.
type state = library.Place

// stateFile is $XDG_STATE_HOME/cyberdiplo/state.json (~/.local/state by default),
// or "" when neither that nor HOME is set.
func stateFile(getenv func(string) string) string {
	if dir := marks.StateDir(getenv); dir != "" {
		return filepath.Join(dir, "state.json")
	}
	return ""
}

// maxState bounds the state file (bytes): it holds a language, a page and a place.
const maxState = 4096

// loadState reads the state; a missing, unreadable or broken file is ignored.
func loadState(path string) (state, bool) {
	// The file is read up to its bound, never whole: a huge file is not ours.
	f, err := os.Open(path)
	if err != nil {
		return state{}, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxState+1))
	if err != nil || len(data) > maxState {
		return state{}, false
	}
	var s state
	if json.Unmarshal(data, &s) != nil || !langs.Known(s.Lang) {
		return state{}, false
	}
	return s, true
}

// saveState writes the state, creating its directory; failures are ignored.
func saveState(path string, s state) {
	data, err := json.Marshal(s)
	if err != nil {
		return
	}
	if os.MkdirAll(filepath.Dir(path), 0o700) != nil {
		return
	}
	tmp := path + ".tmp"
	if os.WriteFile(tmp, data, 0o600) == nil {
		_ = os.Rename(tmp, path)
	}
}
