package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A sentence over 40 words is printed as a warning; the exit status stays 0.
func TestLintWarnsOfLongSentences(t *testing.T) {
	dir := copyContent(t)
	path := filepath.Join(dir, "en", "osce.md")
	data, _ := os.ReadFile(path)
	long := "Italy held the OSCE Chairmanship in 2018 and in that capacity hosted a Cybersecurity Conference, which was conceived as a place where views could be shared and compared, and which was also meant, among much else, to promote cyber resilience across the region."
	changed := strings.Replace(string(data), "Italy held the OSCE Chairmanship in 2018 and in that capacity hosted a Cybersecurity Conference.", long, 1)
	if changed == string(data) {
		t.Fatal("the sentence to lengthen is not in en/osce.md")
	}
	os.WriteFile(path, []byte(changed), 0o644) //nolint:errcheck
	code, out, errs := runCLI(t, nil, "lint", dir)
	if code != 0 {
		t.Fatalf("a warning changed the exit status to %d:\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, filepath.Join(dir, "en", "osce.md")+":") || !strings.Contains(out, ": warning: a sentence of 43 words") ||
		!strings.Contains(out, "ok: 8 pages in English, 8 in Italian") || !strings.Contains(errs, "1 warning(s) in "+dir) {
		t.Fatalf("lint output:\n%s\nstderr: %s", out, errs)
	}
}

// With --seeds (or $CYBERDIPLO_SEEDS), a passage close to a seed fails lint.
func TestLintSeeds(t *testing.T) {
	seeds := t.TempDir()
	os.WriteFile(filepath.Join(seeds, "page.txt"), []byte("In 2016, the Allies solemnly adopted the Cyber Defence Pledge on resilience."), 0o644) //nolint:errcheck
	dir := copyContent(t)
	path := filepath.Join(dir, "en", "nato.md")
	data, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(data), "In the same year, 2016, the Allies adopted the Cyber Defence Pledge.", //nolint:errcheck
		"In 2016, the Allies formally adopted the Cyber Defence Pledge on resilience.", 1)), 0o644)
	for _, how := range []struct {
		args []string
		env  map[string]string
	}{
		{[]string{"lint", dir, "--seeds", seeds}, nil},
		{[]string{"lint", dir}, map[string]string{"CYBERDIPLO_SEEDS": seeds}},
	} {
		code, out, _ := runCLI(t, how.env, how.args...)
		if code != 1 || !strings.Contains(out, `is close to the wording of page.txt`) {
			t.Errorf("%v %v: exit %d\n%s", how.args, how.env, code, out)
		}
	}
	// Without the seeds the same content passes: there is nothing to compare with.
	if code, out, _ := runCLI(t, nil, "lint", dir); code != 0 {
		t.Errorf("without seeds: exit %d\n%s", code, out)
	}
	// A --seeds that is not a directory is a usage error, said in one line.
	code, _, errs := runCLI(t, nil, "lint", "--seeds", filepath.Join(seeds, "nope"))
	if code != 2 || !strings.Contains(errs, "--seeds "+filepath.Join(seeds, "nope")+": not a directory") {
		t.Errorf("--seeds nope: exit %d %q", code, errs)
	}
	// The embedded content passes against the real seeds, when they are there
	// (shared/seeds beside the repository or one of its parents).
	for d := filepath.Join("..", "..", ".."); len(d) < 40; d = filepath.Join(d, "..") {
		if real := filepath.Join(d, "shared", "seeds"); dirExists(real) {
			if code, out, _ := runCLI(t, nil, "lint", "--seeds", real); code != 0 {
				t.Errorf("lint --seeds %s: exit %d\n%s", real, code, out)
			}
			break
		}
	}
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
