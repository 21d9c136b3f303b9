package cli

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// briefEnv is a user's environment with a state directory of their own.
func briefEnv(t *testing.T) (map[string]string, string) {
	t.Helper()
	dir := t.TempDir()
	return map[string]string{"XDG_STATE_HOME": dir}, filepath.Join(dir, "cyberdiplo", "marks.json")
}

// The three passages the tests mark, on three pages, in English.
var threeMarks = []string{"--add", "un#key-facts.2", "--add", "nato#the-cyber-defence-pledge", "--add", "eu#key-facts.1"}

func markThree(t *testing.T, env map[string]string, extra ...string) {
	t.Helper()
	code, out, errs := runCLI(t, env, append(append([]string{"brief", "--lang", "en"}, extra...), threeMarks...)...)
	if code != 0 || errs != "" {
		t.Fatalf("brief --add: exit %d, %q", code, errs)
	}
	want := "marked: Italy at the United Nations › Key facts (1 marked passage)\n" +
		"marked: Italy in NATO › The Cyber Defence Pledge (2 marked passages)\n" +
		"marked: Italy in the European Union › Key facts (3 marked passages)\n"
	if out != want {
		t.Fatalf("brief --add printed\n%s\nwant\n%s", out, want)
	}
}

// passageIn is the text of the n-th passage under the heading anchor of page id
// in lang (0: the whole section), as the reader's copy key copies it, read from
// fsys (the embedded content when nil): what a brief must show of it.
func passageIn(t *testing.T, fsys fs.FS, lang, id, anchor string, n int) string {
	t.Helper()
	if fsys == nil {
		fsys = content.FS()
	}
	lib, err := library.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	p := lib.Page(lang, id)
	sec := p.SectionByAnchor(anchor)
	if sec < 0 {
		t.Fatalf("%s/%s has no section %q", lang, id, anchor)
	}
	return cite.Block(p, p.Sections[sec].First+n).Text
}

// citeLine is the citation line show --cite writes for a section.
func citeLine(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	code, out, errs := runCLI(t, env, append([]string{"show", "--cite", "--format", "plain"}, args...)...)
	if code != 0 {
		t.Fatalf("show --cite %v: exit %d %s", args, code, errs)
	}
	return lastLine(out)
}

// Three passages marked in English on three pages: the brief in Italian is their
// Italian counterparts, in reading order, each followed by the Italian citation
// show --cite writes.
func TestBriefInTheOtherLanguage(t *testing.T) {
	env, _ := briefEnv(t)
	markThree(t, env)
	code, out, errs := runCLI(t, env, "brief", "--lang", "it")
	if code != 0 || errs != "" {
		t.Fatalf("brief --lang it: exit %d %q", code, errs)
	}
	eu := citeLine(t, env, "ue#in-breve", "--lang", "it")
	un := citeLine(t, env, "onu#in-breve", "--lang", "it")
	nato := citeLine(t, env, "nato#il-cyber-defence-pledge", "--lang", "it")
	want := []string{
		passageIn(t, nil, "it", "eu", "in-breve", 1) + "\n\n" + eu + "\n",
		passageIn(t, nil, "it", "un", "in-breve", 2) + "\n\n" + un + "\n",
		passageIn(t, nil, "it", "nato", "il-cyber-defence-pledge", 0) + "\n\n" + nato + "\n",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(out[at:], w)
		if i < 0 {
			t.Fatalf("brief --lang it lacks, in this order,\n%s\n---- it printed:\n%s", w, out)
		}
		at += i + len(w)
	}
	if !strings.HasPrefix(want[0], "- ") || !strings.Contains(want[1], "2009-2010") || !strings.HasPrefix(want[2], "Il Cyber Defence Pledge\n\nNello stesso anno, il 2016,") {
		t.Fatalf("not the passages marked: %q", want)
	}
	if !strings.HasPrefix(eu, "L'Italia nell'Unione europea › In breve. Fonti: MAECI") || !strings.Contains(eu, "aggiornata a marzo 2026") {
		t.Fatalf("the Italian citation: %q", eu)
	}
	for _, english := range []string{"Key facts", "Sources:", "Unofficial briefing", "In 2009-2010 Italy"} {
		if strings.Contains(out, english) {
			t.Errorf("the Italian brief holds %q", english)
		}
	}
	checkPlain(t, "brief", out)
	// In English and in the order made: un, nato, eu.
	_, made, _ := runCLI(t, env, "brief", "--lang", "en", "--order", "made")
	enUN := passageIn(t, nil, "en", "un", "key-facts", 2)
	iun, inato, ieu := strings.Index(made, enUN), strings.Index(made, "The Cyber Defence Pledge\n"), strings.Index(made, passageIn(t, nil, "en", "eu", "key-facts", 1))
	if iun < 0 || inato < iun || ieu < inato {
		t.Fatalf("--order made: un at %d, nato at %d, eu at %d:\n%s", iun, inato, ieu, made)
	}
	// Markdown: the passages quoted, the citations under them.
	_, md, _ := runCLI(t, env, "brief", "--lang", "en", "--format", "markdown")
	if !strings.Contains(md, "> "+enUN+"\n") || !strings.Contains(md, "\n\nItaly at the United Nations › Key facts. Sources: ") ||
		!strings.Contains(md, "> The Cyber Defence Pledge\n>\n> In the same year") {
		t.Fatalf("markdown brief:\n%s", md)
	}
}

// The brief as data: a list of passages with page, anchor, text, sources (id,
// title, year) and citation.
func TestBriefJSON(t *testing.T) {
	env, _ := briefEnv(t)
	if code, out, _ := runCLI(t, env, "brief", "--format", "json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("an empty brief as JSON: exit %d %q", code, out)
	}
	markThree(t, env)
	code, out, _ := runCLI(t, env, "brief", "--format", "json", "--lang", "it")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 3 {
		t.Fatalf("not a list of 3 passages: %v\n%s", err, out)
	}
	for i, p := range list {
		for _, k := range []string{"page", "anchor", "text", "citation"} {
			if s, _ := p[k].(string); s == "" {
				t.Errorf("passage %d: no %q", i+1, k)
			}
		}
		srcs, _ := p["sources"].([]any)
		if len(srcs) == 0 {
			t.Fatalf("passage %d: no sources", i+1)
		}
		for _, s := range srcs {
			src := s.(map[string]any)
			if src["id"] == "" || src["title"] == "" || src["year"] == nil {
				t.Errorf("passage %d: source %v lacks id, title or year", i+1, src)
			}
		}
		if p["status"] != "ok" || p["lang"] != "it" {
			t.Errorf("passage %d: status %v, lang %v", i+1, p["status"], p["lang"])
		}
	}
	un := list[1]
	if un["page"] != "un" || un["anchor"] != "in-breve" || un["text"] != passageIn(t, nil, "it", "un", "in-breve", 2) ||
		un["citation"] != citeLine(t, env, "onu#in-breve", "--lang", "it") {
		t.Fatalf("the UN passage: %v", un)
	}
	if y := un["sources"].([]any)[2].(map[string]any); y["id"] != "un-a-65-201" || y["year"] != 2010.0 {
		t.Fatalf("the UN passage's third source: %v", y)
	}
}

// The content changes under the marks (a new release, --content): a passage whose
// text changed says so with its new text, one whose section is gone is listed as
// gone and never replaced by its neighbour, and a section added above a mark
// does not move it.
func TestBriefAfterTheContentChanged(t *testing.T) {
	env, path := briefEnv(t)
	dir := copyContent(t)
	markThree(t, env, "--content", dir)
	eu := passageIn(t, os.DirFS(dir), "en", "eu", "key-facts", 1)
	edit := func(file, old, new string) {
		t.Helper()
		p := filepath.Join(dir, "en", file)
		data, _ := os.ReadFile(p)
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s lacks %q", file, old)
		}
		os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
	}
	edit("un.md", "In 2009-2010 Italy took part in", "In 2009-2010 Italy sat on")
	edit("nato.md", "## The Cyber Defence Pledge\n", "")
	edit("eu.md", "## Key facts\n", "## A new section\n<!-- sources: maeci-2026 -->\n\nNew text.\n\n## Key facts\n")
	code, out, errs := runCLI(t, env, "--content", dir, "brief", "--lang", "en")
	if code != 0 || errs != "" {
		t.Fatalf("brief: exit %d %q", code, errs)
	}
	for _, want := range []string{
		eu + "\n\nItaly in the European Union › Key facts. Sources:",
		"\n[changed since you marked it]\n- In 2009-2010 Italy sat on the UN",
		"\n[gone: this passage is no longer in the briefing] Italy in NATO › the-cyber-defence-pledge (block 3.0, marked in English on ",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("brief after the change lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "In the same year, 2016") || strings.Contains(out, "Within its remit") || strings.Contains(out, "New text.") {
		t.Fatalf("a mark moved to another passage:\n%s", out)
	}
	if strings.Count(out, "[changed") != 1 {
		t.Fatalf("more than one passage flagged as changed:\n%s", out)
	}
	// In Italian too (the Italian files did not change: the mark says what it knows).
	_, it, _ := runCLI(t, env, "--content", dir, "brief", "--lang", "it", "--format", "json")
	var list []struct{ Page, Status string }
	json.Unmarshal([]byte(it), &list)
	got := ""
	for _, p := range list {
		got += p.Page + ":" + p.Status + " "
	}
	if got != "eu:ok un:changed nato:gone " {
		t.Fatalf("statuses in Italian: %s", got)
	}
	// The gone mark is kept, not dropped, until the user removes it.
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "the-cyber-defence-pledge") {
		t.Fatal("the gone mark was dropped from the file")
	}
}

// A marks file that is not ours is refused with a message that says what to do,
// and left as it is; --clear starts again.
func TestBriefRefusesABrokenMarksFile(t *testing.T) {
	env, path := briefEnv(t)
	os.MkdirAll(filepath.Dir(path), 0o700)
	for _, c := range []struct{ name, data, says string }{
		{"corrupt", `{"version":1,"marks":[{"page":"un"`, "it is not a marks file"},
		{"huge", `{"version":1,"marks":[` + strings.Repeat(" ", 300<<10) + `]}`, "it is larger than 256 KiB"},
	} {
		os.WriteFile(path, []byte(c.data), 0o600)
		code, out, errs := runCLI(t, env, "brief")
		want := "cyberdiplo: your marks file " + path + " cannot be used: " + c.says
		if code != 1 || out != "" || !strings.HasPrefix(errs, want) || !strings.Contains(errs, "cyberdiplo brief --clear") || strings.Count(errs, "\n") != 1 {
			t.Fatalf("%s: exit %d, %q, %q", c.name, code, out, errs)
		}
		// Marking does not write over it.
		if code, _, _ := runCLI(t, env, "brief", "--add", "un#key-facts"); code != 1 {
			t.Fatalf("%s: --add over a refused file: exit %d", c.name, code)
		}
		if data, _ := os.ReadFile(path); string(data) != c.data {
			t.Fatalf("%s: the refused file was changed", c.name)
		}
		// Other commands are not hindered.
		if code, _, _ := runCLI(t, env, "show", "un#key-facts"); code != 0 {
			t.Fatalf("%s: show fails beside a broken marks file", c.name)
		}
	}
	_, _, errs := runCLI(t, map[string]string{"XDG_STATE_HOME": env["XDG_STATE_HOME"], "LANG": "it_IT.UTF-8"}, "brief")
	if !strings.Contains(errs, "il file dei segni") {
		t.Fatalf("in Italian: %q", errs)
	}
	code, out, _ := runCLI(t, env, "brief", "--clear")
	if code != 0 || out != "brief cleared (it held 0 marked passages)\n" {
		t.Fatalf("--clear over a refused file: exit %d %q", code, out)
	}
	code, out, errs = runCLI(t, env, "brief")
	if code != 0 || out != "" || !strings.Contains(errs, "no marks yet: press m in the reader") {
		t.Fatalf("after --clear: exit %d %q %q", code, out, errs)
	}
}

func TestBriefAddRemoveClear(t *testing.T) {
	env, path := briefEnv(t)
	markThree(t, env)
	// Marking again says so and adds nothing; an Italian anchor names the same passage.
	code, out, _ := runCLI(t, env, "brief", "--lang", "en", "--add", "un#in-breve.2")
	if code != 0 || out != "already marked: Italy at the United Nations › Key facts\n" {
		t.Fatalf("marking again: exit %d %q", code, out)
	}
	// Removed from the Italian side.
	code, out, _ = runCLI(t, env, "brief", "--lang", "it", "--remove", "onu#in-breve.2")
	if code != 0 || out != "segno tolto: L'Italia alle Nazioni Unite › In breve (2 passi segnati)\n" {
		t.Fatalf("--remove: exit %d %q", code, out)
	}
	code, _, errs := runCLI(t, env, "brief", "--remove", "un#key-facts.2")
	if code != 1 || !strings.Contains(errs, "un#key-facts.2 is not marked") {
		t.Fatalf("removing what is not marked: exit %d %q", code, errs)
	}
	code, out, _ = runCLI(t, env, "brief", "--clear")
	if code != 0 || out != "brief cleared (it held 2 marked passages)\n" {
		t.Fatalf("--clear: exit %d %q", code, out)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"marks": []`) {
		t.Fatalf("after --clear the file holds %s", data)
	}
}

// Bad input: one line saying what was wrong and what is accepted, exit 2, and
// nothing changed.
func TestBriefBadInput(t *testing.T) {
	env, path := briefEnv(t)
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"--format", "ansi"}, `--format "ansi": use plain, markdown or json`},
		{[]string{"--order", "alphabetical"}, `--order "alphabetical": use reading or made`},
		{[]string{"--add", "un"}, `"un": name a passage as PAGE#ANCHOR`},
		{[]string{"--add", "mars#key-facts"}, `unknown page "mars"`},
		{[]string{"--add", "un#key-fact"}, "has no heading with anchor"},
		{[]string{"--add", "un#key-facts.99"}, "un#key-facts has no passage 99: its passages are numbered 1 to 5"},
		{[]string{"--add", "un#key-facts.1", "--add", "un#nope"}, "has no heading with anchor"},
		{[]string{"--clear", "--add", "un#key-facts"}, "--clear empties the brief: use it without --add or --remove"},
		{[]string{"extra"}, "brief takes no arguments"},
	} {
		code, out, errs := runCLI(t, env, append([]string{"brief", "--lang", "en"}, c.args...)...)
		if code != 2 || out != "" || !strings.Contains(errs, c.says) || strings.Count(errs, "\n") != 1 {
			t.Errorf("brief %v: exit %d, %q, %q", c.args, code, out, errs)
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("bad input wrote a marks file")
	}
	code, _, errs := runCLI(t, nil, "brief")
	if code != 1 || !strings.Contains(errs, "there is no place to keep marks: set XDG_STATE_HOME or HOME") {
		t.Fatalf("no state directory: exit %d %q", code, errs)
	}
}

// In the kiosk marks belong to the visitor's session: `ssh HOST brief` says so.
func TestBriefInTheKiosk(t *testing.T) {
	for lang, says := range map[string]string{"": "brief makes no sense here: in the kiosk your marks belong to your session",
		"it_IT.UTF-8": "brief qui non ha senso"} {
		var out, errb strings.Builder
		code := ExecuteRestricted(t.Context(), []string{"brief", "--clear"}, Env{Out: &out, Err: &errb,
			Getenv: func(k string) string { return map[string]string{"LANG": lang}[k] }})
		if code != 1 || out.Len() != 0 || !strings.Contains(errb.String(), says) || strings.Count(errb.String(), "\n") != 1 {
			t.Fatalf("LANG=%s ssh HOST brief: exit %d, %q", lang, code, errb.String())
		}
	}
}

// A page the other language lacks (content being written): its passage is shown
// in the language it was marked in, and says so, with that language's citation.
func TestBriefWithoutACounterpart(t *testing.T) {
	env, _ := briefEnv(t)
	dir := copyContent(t)
	markThree(t, env, "--content", dir)
	os.Remove(filepath.Join(dir, "it", "nato.md"))
	code, out, _ := runCLI(t, env, "--content", dir, "brief", "--lang", "it")
	want := "[in inglese: questo passo non ha un corrispondente in italiano]\nThe Cyber Defence Pledge\n\nIn the same year, 2016,"
	if code != 0 || !strings.Contains(out, want) || !strings.Contains(out, "Italy in NATO › The Cyber Defence Pledge. Sources: ") {
		t.Fatalf("exit %d; brief lacks %q:\n%s", code, want, out)
	}
	if !strings.Contains(out, "L'Italia alle Nazioni Unite › In breve. Fonti: ") {
		t.Fatalf("the other passages are no longer in Italian:\n%s", out)
	}
}
