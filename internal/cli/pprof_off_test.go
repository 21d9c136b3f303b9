//go:build !pprof

package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// Without -tags pprof, --pprof-addr says the profiler is not built in, and how to
// get it, in one line, with exit status 2; the flag's help says so too.
func TestServePprofNotBuilt(t *testing.T) {
	key := filepath.Join(t.TempDir(), "key")
	code, out, errOut := runCLI(t, nil, "serve", "--host-key", key, "--pprof-addr", "127.0.0.1:6060")
	if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "-tags pprof") {
		t.Errorf("exit %d, stdout %q, stderr %q: want 2 and one line naming -tags pprof", code, out, errOut)
	}
	_, help, _ := runCLI(t, nil, "serve", "--help")
	if !strings.Contains(help, "not built in: build with -tags pprof") {
		t.Errorf("serve --help does not say the profiler is not built in:\n%s", help)
	}
}
