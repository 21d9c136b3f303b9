package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// The briefing is written from the facts of two public MAECI pages (the "seeds",
// kept outside the repository in ../shared/seeds), never from their sentences.
// TestNoCopiedWording fails when library.CopyRun or more consecutive words of a seed
// appear in any file of content/; TestNoNearCopies runs lint with the seeds, which
// also catches library.NearRun words with one of them swapped. Both fold case,
// accents and punctuation, and let through the official names declared in
// sources.yaml and terms.yaml (library.OfficialNames).
//
// Without the seeds the tests skip, saying so; under CI (the environment variable
// CI set) they fail instead, so that a CI run never passes without checking.

// errNoSeeds is the answer of findSeeds when no seeds are found.
var errNoSeeds = errors.New("no seeds")

// findSeeds finds the seeds: $CYBERDIPLO_SEEDS, or shared/seeds beside the
// repository (../shared/seeds, for this package's directory wd) or beside one of
// its parent directories (a git worktree may live deeper than the main checkout).
func findSeeds(getenv func(string) string, wd string) (string, error) {
	if d := getenv("CYBERDIPLO_SEEDS"); d != "" {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			return "", fmt.Errorf("CYBERDIPLO_SEEDS=%s is not a directory", d)
		}
		return d, nil
	}
	root := filepath.Dir(wd) // this package is content/ at the repository's root
	for d := filepath.Dir(root); ; d = filepath.Dir(d) {
		cand := filepath.Join(d, "shared", "seeds")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand, nil
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return "", fmt.Errorf("%w: %s does not exist (nor shared/seeds above it); set CYBERDIPLO_SEEDS to check copied wording",
		errNoSeeds, filepath.Join(filepath.Dir(root), "shared", "seeds"))
}

// seedsVerdict says what a test does with findSeeds's answer: go on (""), skip
// (the reason) or fail (fatal, the reason): missing seeds fail under CI.
func seedsVerdict(getenv func(string) string, err error) (reason string, fatal bool) {
	switch {
	case err == nil:
		return "", false
	case errors.Is(err, errNoSeeds) && getenv("CI") == "":
		return err.Error(), false
	case errors.Is(err, errNoSeeds):
		return err.Error() + " (CI is set: the copy check may not be skipped)", true
	}
	return err.Error(), true
}

// seeds returns the seeds (file name -> text), or skips or fails the test.
func seeds(t *testing.T) map[string]string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := findSeeds(os.Getenv, wd)
	if reason, fatal := seedsVerdict(os.Getenv, err); fatal {
		t.Fatal(reason)
	} else if reason != "" {
		t.Skip(reason)
	}
	out, err := library.ReadSeeds(os.DirFS(dir))
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return out
}

func officialNames(t *testing.T) []string {
	t.Helper()
	lib, err := library.Load(FS())
	if err != nil {
		t.Fatal(err)
	}
	return lib.OfficialNames()
}

func TestNoCopiedWording(t *testing.T) {
	seeds, names := seeds(t), officialNames(t)
	finder := library.NewCopyFinder(seeds, names, library.CopyRun, 0)
	checked := 0
	err := fs.WalkDir(os.DirFS("."), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".yaml")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		for _, c := range finder.Find(string(data)) {
			t.Errorf("content/%s:%d: %d+ words copied from %s: %q: write it afresh (or, if it is an official name, add it to its source's names in sources.yaml)",
				path, c.Line, library.CopyRun, c.Seed, c.Phrase)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 16 {
		t.Fatalf("checked only %d files of content/", checked)
	}
}

// TestNoNearCopies runs lint as `cyberdiplo lint --seeds ../shared/seeds` does.
func TestNoNearCopies(t *testing.T) {
	problems, err := library.Check(FS(), library.Options{Seeds: seeds(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if !p.Warning {
			t.Errorf("content/%s", p)
		}
	}
}

// Missing seeds skip the tests on an editor's machine and fail them under CI.
func TestMissingSeedsFailUnderCI(t *testing.T) {
	wd := filepath.Join(t.TempDir(), "repo", "content") // nothing named shared/seeds above it
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	_, err := findSeeds(env(nil), wd)
	if !errors.Is(err, errNoSeeds) {
		t.Fatalf("seeds found where there are none: %v", err)
	}
	if reason, fatal := seedsVerdict(env(nil), err); fatal || !strings.Contains(reason, "CYBERDIPLO_SEEDS") {
		t.Errorf("without CI: fatal=%v %q, want a skip that says how to give the seeds", fatal, reason)
	}
	if reason, fatal := seedsVerdict(env(map[string]string{"CI": "true"}), err); !fatal || !strings.Contains(reason, "CI is set") {
		t.Errorf("under CI: fatal=%v %q, want a failure", fatal, reason)
	}
	// A CYBERDIPLO_SEEDS that is not a directory fails, CI or not.
	_, err = findSeeds(env(map[string]string{"CYBERDIPLO_SEEDS": filepath.Join(wd, "nope")}), wd)
	if _, fatal := seedsVerdict(env(nil), err); !fatal {
		t.Errorf("a wrong CYBERDIPLO_SEEDS should fail: %v", err)
	}
	// The seeds beside the repository are found.
	shared := filepath.Join(filepath.Dir(filepath.Dir(wd)), "shared", "seeds")
	if err := os.MkdirAll(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	if dir, err := findSeeds(env(nil), wd); err != nil || dir != shared {
		t.Errorf("seeds beside the repository: %q, %v; want %q", dir, err, shared)
	}
}
