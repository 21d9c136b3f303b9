package linemode

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/creack/pty"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
)

// A small briefing whose every line the tests can name.
func fixture(t *testing.T) *library.Library {
	t.Helper()
	page := func(id, title, tab string, order int, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nid: " + id + "\ntitle: " + title + "\ntab: " + tab +
			"\norder: " + string(rune('0'+order)) + "\nupdated: 2026-03\n---\n\n" + body)}
	}
	fsys := fstest.MapFS{
		"en/one.md": page("one", "The first page", "One", 1,
			"# The first page\n\n## Facts\n\nThe UN met; see the [UN page](two.md#the-un) and the [web](https://example.org).\n\n"+
				"- an item\n- another, [broken](nowhere.md)\n\n## Table\n\n| Year | Event |\n|---|---|\n| 2016 | Pledge |\n| 2021 | OEWG report |\n\n"+
				"## Empty heading\n\n### Under it\n\nText under it.\n"),
		"en/two.md": page("two", "The second page", "Two", 2,
			"# The second page\n\nIntro of two.\n\n## The UN\n\nThe UN has an OEWG.\n\n> A quoted line.\n"),
		"it/one.md": page("one", "La prima pagina", "Uno", 1,
			"# La prima pagina\n\n## Fatti\n\nL'ONU si è riunita; vedi la [pagina ONU](two.md#l-onu) e il [web](https://example.org).\n\n"+
				"- una voce\n- un'altra, [rotto](nowhere.md)\n\n## Tabella\n\n| Anno | Evento |\n|---|---|\n| 2016 | Impegno |\n| 2021 | Rapporto OEWG |\n\n"+
				"## Titolo vuoto\n\n### Sotto\n\nTesto sotto.\n"),
		"it/two.md": page("two", "La seconda pagina", "Due", 2,
			"# La seconda pagina\n\nIntroduzione.\n\n## L'ONU\n\nL'ONU ha un OEWG.\n\n> Una citazione.\n"),
	}
	lib, err := library.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// run feeds input to Run and returns what it wrote.
func run(t *testing.T, lib *library.Library, opts Options, input string) string {
	t.Helper()
	opts.Library = lib
	var out bytes.Buffer
	if err := Run(context.Background(), strings.NewReader(input), &out, opts); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return out.String()
}

func TestPagesSectionsLinks(t *testing.T) {
	lib := fixture(t)
	out := run(t, lib, Options{Lang: "en"}, "one\nn\nn\nn\n1\np\np\n1\nb\np\n2\n3\n99\nq\n")
	for _, want := range []string{
		"Pages:\n1. The first page (one)\n2. The second page (two)\n",
		// The title has no text of its own: it is read with the first section.
		"# The first page\n\n## Facts\n\nThe UN met; see the [1] UN page and the [2] web.\n\n- an item\n- another, [3] broken\n\nThis section names no sources.\nOne, section 1 of 3.\n",
		// A table, one row a line, each cell named by its column.
		"## Table\n\nYear: 2016; Event: Pledge.\nYear: 2021; Event: OEWG report.\n\nThis section names no sources.\nOne, section 2 of 3.\n",
		"## Empty heading\n\n### Under it\n\nText under it.\n\nThis section names no sources.\nOne, section 3 of 3, end of the page.\n",
		"This is the last section of the page.\n",
		// A number is a link of the section just read: the last one has none.
		"Command: There is no numbered list to pick from: type m for the pages.\n",
		// Link 1 opens the section it points to; b comes back.
		"## The UN\n\nThe UN has an OEWG.\n\n> A quoted line.\n\nThis section names no sources.\nTwo, section 2 of 2, end of the page.\n",
		"This is the first section of the page.\n",
		"Link 2 leads outside the briefing: https://example.org\n",
		"Link 3 leads to a page this briefing lacks: nowhere.md\n",
		"There is no 99 here: pick a number from 1 to 3.\n",
		"Goodbye.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", want, out)
		}
	}
	// b went back to the first section of one, where p says it is the first.
	after := out[strings.Index(out, "Two, section 2 of 2"):]
	if i, j := strings.Index(after, "One, section 1 of 3"), strings.Index(after, "This is the first section"); i < 0 || j < i {
		t.Errorf("b and p did not go back:\n%s", after)
	}
}

func TestNumbersPickFromTheLastList(t *testing.T) {
	lib := fixture(t)
	// Which result is the second page's section (the engine ranks them)?
	found := run(t, lib, Options{Lang: "en"}, "/oewg\n")
	var pick string
	for _, l := range strings.Split(found, "\n") {
		if n, rest, ok := strings.Cut(l, ". "); ok && strings.HasPrefix(rest, "Two, The UN: ") {
			pick = n
		}
	}
	if pick == "" || !strings.Contains(found, "2 results for \"oewg\":\n") || !strings.Contains(found, ". One, Table: ") {
		t.Fatalf("search results:\n%s", found)
	}
	out := run(t, lib, Options{Lang: "en"}, "3\n2\no\n3\nm\n1\n/oewg\n"+pick+"\n/zzzz\n/\nfoo\nx\n")
	for _, want := range []string{
		"There is no 3 here: pick a number from 1 to 2.\n",
		"# The second page\n\nIntro of two.\n\nThis section names no sources.\nTwo, section 1 of 2.\n",
		"Sections of The second page:\n1. # The second page\n2. ## The UN\n",
		"There is no 3 here: pick a number from 1 to 2.\n",
		"No match for \"zzzz\".\n",
		"Type words after the slash, for example /oewg.\n",
		"No page is called \"foo\"; searching for it.\nNo match for \"foo\".\n",
		"\"x\" is not a command: type ? for the list.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", want, out)
		}
	}
	// The result opened the section of the match.
	if !strings.Contains(out[strings.Index(out, pick+". Two, The UN"):], "## The UN\n\nThe UN has an OEWG.") {
		t.Errorf("result 2 did not open its section:\n%s", out)
	}
	// Before a page is open, n says how to open one.
	if out := run(t, lib, Options{Lang: "en"}, "n\n"); !strings.Contains(out, "No page is open") {
		t.Errorf("n with no page: %s", out)
	}
}

func TestItalianAndTheOtherLanguage(t *testing.T) {
	lib := fixture(t)
	out := run(t, lib, Options{Lang: "it", Page: "two"}, "n\nl\nl\n?\nq\n")
	for _, want := range []string{
		"Pagine:\n1. La prima pagina (uno)\n2. La seconda pagina (due)\n",
		"Comando: ",
		"## L'ONU\n\nL'ONU ha un OEWG.",
		"Due, sezione 2 di 2, fine della pagina.\n",
		// l reads the same section in English, and speaks English from then on.
		"Language: English.\n\n## The UN\n\nThe UN has an OEWG.\n\n> A quoted line.\n\nThis section names no sources.\nTwo, section 2 of 2, end of the page.\nCommand: ",
		"Lingua: italiano.\n",
		"Comandi, uno per riga, poi Invio:\n",
		"Arrivederci.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", want, out)
		}
	}
	// Italian page names and tabs open pages in either language.
	if out := run(t, lib, Options{Lang: "en"}, "Due\n"); !strings.Contains(out, "# The second page") {
		t.Errorf("a tab of the other language did not open the page:\n%s", out)
	}
}

// What arrives at the prompt of a raw terminal (an SSH session with a PTY):
// echoed, edited, and never an escape sequence back.
func TestRawInput(t *testing.T) {
	lib := fixture(t)
	// "tw" + backspace + "wo" = "two"; an arrow key; ctrl+u clears "junk"; ctrl+w
	// drops "more words"; CR LF is one Enter.
	in := "tw\x7fwo\r" + "\x1b[A\x1bOB" + "junk\x15n\r\n" + "p more words\x17\x17\r" + "\x1b[B\r" + "\x03"
	out := run(t, lib, Options{Lang: "en", Raw: true}, in)
	if strings.ContainsRune(out, 0x1b) {
		t.Fatalf("an escape sequence in the output: %q", out)
	}
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Fatalf("a line ends without CR: %q", out)
	}
	plain := strings.ReplaceAll(out, "\r\n", "\n")
	for _, want := range []string{
		"Command: tw\b \bwo\n\n# The second page\n", // the echo, then the page
		"junk\b \b\b \b\b \b\b \bn\n\n## The UN\n",
		"Two, section 1 of 2.\nCommand: \nCommand: \nGoodbye.\n", // an arrow alone is no command; ctrl+c quits
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("output lacks %q\n--- output:\n%q", want, plain)
		}
	}
	// ctrl+d quits on an empty line only.
	if out := run(t, lib, Options{Raw: true}, "tw\x04o\r\x04"); !strings.Contains(out, "# The second page") || !strings.HasSuffix(out, "Goodbye.\r\n") {
		t.Errorf("ctrl+d: %q", out)
	}
}

func TestBadInput(t *testing.T) {
	lib := fixture(t)
	long := strings.Repeat("a", MaxLine+1)
	out := run(t, lib, Options{Lang: "en"}, long+"\n"+strings.Repeat("9", 40)+"\n\x1b]0;title\x07two\n\xff\xfe\x00one\u202e\n"+long)
	for _, want := range []string{
		"That line was longer than 4096 bytes: it was ignored.\nCommand: ",
		"There is no 0 here: pick a number from 1 to 2.\n",
		"# The second page\n", // the OSC sequence was dropped, "two" read
		"# The first page\n",  // garbage bytes and a bidi override dropped
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q\n--- output:\n%s", want, out)
		}
	}
	// The last line had no newline: too long all the same, then the end.
	if strings.Count(out, "longer than") != 2 || !strings.HasSuffix(out, "Goodbye.\n") {
		t.Errorf("the last line:\n%s", out[max(0, len(out)-300):])
	}
	// A last command without its newline is run.
	if out := run(t, lib, Options{}, "two"); !strings.Contains(out, "# The second page") {
		t.Errorf("a last line without newline was not run:\n%s", out)
	}
	if err := Run(context.Background(), nil, io.Discard, Options{}); err == nil {
		t.Error("Run without a library did not fail")
	}
}

// A flood of input without a newline is dropped as it comes: memory stays bounded
// and the line is refused once it ends.
func TestFlood(t *testing.T) {
	lib := fixture(t)
	const size = 64 << 20
	r := io.MultiReader(io.LimitReader(zeros{}, size), strings.NewReader("\nq\n"))
	var out bytes.Buffer
	if err := Run(context.Background(), r, &out, Options{Library: lib}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "longer than 4096 bytes") || !strings.HasSuffix(out.String(), "Goodbye.\n") {
		t.Fatalf("after the flood: %s", out.String())
	}
}

type zeros struct{}

var as = bytes.Repeat([]byte("a"), chunkSize)

// Read fills p with 'a'.
func (zeros) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], as)
	}
	return n, nil
}

// Run ends when its context does, even while the input is silent.
func TestContextEndsRun(t *testing.T) {
	lib := fixture(t)
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, pr, io.Discard, Options{Library: lib}) }()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Run returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not end with its context")
	}
}

// A write that fails ends Run with the error.
func TestWriteError(t *testing.T) {
	lib := fixture(t)
	err := Run(context.Background(), strings.NewReader("one\n"), failWriter{}, Options{Library: lib})
	if err == nil || !strings.Contains(err.Error(), "gone") {
		t.Fatalf("Run returned %v", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("gone") }

// The shipped briefing in a pseudo-terminal, as a screen reader user meets it:
// the terminal echoes and edits the line, the reader writes plain lines.
func TestShippedContentInAPseudoTerminal(t *testing.T) {
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	screen := &transcript{}
	go screen.copy(ptmx)
	done := make(chan error, 1)
	go func() {
		done <- Run(context.Background(), tty, tty, Options{Library: lib, Lang: "en"})
		tty.Close()
	}()
	step := func(input, want string) {
		t.Helper()
		from := screen.len()
		if input != "" {
			if _, err := ptmx.WriteString(input + "\n"); err != nil {
				t.Fatal(err)
			}
		}
		if !screen.waitFor(from, want) {
			t.Fatalf("after %q, the screen lacks %q:\n%s", input, want, screen.text(0))
		}
	}
	step("", "Command: ")
	un := lib.Page("en", "un")
	// A page, by name.
	step("un", "# "+un.Title+"\n")
	// The sections up to the first link to another page, and that link.
	var link library.Link
	found := false
	for _, l := range un.Links {
		if !l.External() && lib.Page("en", l.Page) != nil {
			link, found = l, true
			break
		}
	}
	if !found {
		t.Fatal("the UN page has no link to another page")
	}
	mark := "[" + strconv.Itoa(link.Index+1) + "] " + link.Text
	for i := 0; i < len(un.Sections) && !strings.Contains(screen.text(0), mark); i++ {
		step("n", "Command: ")
	}
	if !strings.Contains(screen.text(0), mark) {
		t.Fatalf("n never reached %q:\n%s", mark, screen.text(0))
	}
	target := lib.Page("en", link.Page)
	sec := max(target.SectionByAnchor(link.Anchor), 0)
	step(strconv.Itoa(link.Index+1), "# "+target.Sections[sec].Heading.Text+"\n")
	// A search, and its first result.
	step("/oewg", "results for \"oewg\":\n1. ")
	step("1", "OEWG")
	step("q", "Goodbye.")
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after q: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("q did not end Run")
	}
	if raw := screen.raw(); strings.ContainsRune(raw, 0x1b) {
		t.Fatalf("an escape sequence reached the terminal:\n%q", raw)
	}
}

// transcript is what a terminal showed, read from the pseudo-terminal's master.
type transcript struct {
	mu  sync.Mutex
	buf []byte
}

func (s *transcript) copy(r *os.File) {
	b := make([]byte, 4096)
	for {
		n, err := r.Read(b)
		s.mu.Lock()
		s.buf = append(s.buf, b[:n]...)
		s.mu.Unlock()
		if err != nil {
			return
		}
	}
}

func (s *transcript) raw() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return string(s.buf)
}

func (s *transcript) len() int { return len(s.raw()) }

// text is what was shown from byte from on, with the terminal's CR LF as LF.
func (s *transcript) text(from int) string {
	return strings.ReplaceAll(s.raw()[from:], "\r\n", "\n")
}

// waitFor waits until want was shown after byte from.
func (s *transcript) waitFor(from int, want string) bool {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(s.text(from), want) {
			return true
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

// The glossary lists its entries alphabetically in each language, so `l` finds the
// same entry through the term base, wherever it stands in the other language.
func TestOtherLanguageOnTheGlossary(t *testing.T) {
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, lib, Options{Lang: "en"}, "/first committee\n1\nl\nq\n")
	_, after, ok := strings.Cut(out, "## First Committee")
	if !ok {
		t.Fatalf("the search did not open First Committee:\n%s", out)
	}
	if !strings.Contains(after, "## Prima Commissione") {
		t.Errorf("l after First Committee did not show Prima Commissione:\n%s", after)
	}
}

// Accented letters typed on a raw terminal are echoed as they were typed, and a
// backspace removes a whole letter, not a byte.
func TestRawInputEchoesAccents(t *testing.T) {
	lib := fixture(t)
	out := run(t, lib, Options{Lang: "it", Raw: true}, "/città\x7f\x7fà\r\x03")
	plain := strings.ReplaceAll(out, "\r\n", "\n")
	if !strings.Contains(plain, "/città\b \b\b \bà\n") {
		t.Errorf("echo of accented input: %q", plain)
	}
	if strings.Contains(out, "Ã") {
		t.Errorf("a byte of an accented letter was echoed as a letter: %q", out)
	}
}

// Keys that send escape sequences (arrows, function keys, alt+letter, a terminal's
// reports) are dropped from the line, whatever their kind, and never-ending ones
// stop being skipped at their bound.
func TestEscapeSequencesAreDropped(t *testing.T) {
	lib := fixture(t)
	in := "o\x1b]0;title\x07n\x1bx\x1b\x1b[B\x1bOPe\x1b[1;5A\n" + "\x1b[" + strings.Repeat("9", 100) + "\nq\n"
	out := run(t, lib, Options{Lang: "en"}, in)
	if !strings.Contains(out, "# The first page") {
		t.Errorf("\"one\" typed around escape sequences did not open the first page:\n%s", out)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("an escape sequence in the output: %q", out)
	}
}

// A page named with an anchor it does not have opens at its start, and says so
// in the reader's language: the reader is not left at a section they did not ask
// for without a word.
func TestUnknownAnchorIsSaid(t *testing.T) {
	for lang, want := range map[string]string{
		"en": `has no section "nope": it opens at its start; o lists its sections.`,
		"it": `non ha la sezione "nope": si apre dall'inizio; o ne elenca le sezioni.`,
	} {
		out := run(t, shipped(t), Options{Lang: lang}, "un#nope\nq\n")
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) { // wrapped to the width
			t.Errorf("%s: un#nope does not say the anchor is unknown:\n%s", lang, out)
		}
	}
	if out := run(t, shipped(t), Options{Lang: "en"}, "un#the-global-mechanism\nq\n"); strings.Contains(out, "has no section") {
		t.Errorf("a known anchor is said unknown:\n%s", out)
	}
}

// A misspelt page name gets the page it was probably meant to be, and a search
// that finds nothing gets its corrected words, in the reader's language.
func TestMisspeltNamesGetSuggestions(t *testing.T) {
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, lib, Options{Lang: "en"}, "unn\n/natp summit\nzzzz\n")
	for _, want := range []string{
		"No page is called \"unn\"; searching for it.\nDid you mean the page un? Type it to open it.\n",
		"No match for \"natp summit\".\nDid you mean: nato summit?\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", want, out)
		}
	}
	if strings.Contains(out[strings.Index(out, "\"zzzz\""):], "Did you mean") {
		t.Errorf("zzzz got a guess:\n%s", out)
	}
	if out := run(t, lib, Options{Lang: "it"}, "glosario\n"); !strings.Contains(out, "Forse intendevi la pagina glossario? Scrivila per aprirla.\n") {
		t.Errorf("Italian:\n%s", out)
	}
}

// The first page read is where the session starts: b has nothing to go back
// to (it went to the page shown before any, and back to its language), also
// after a language change and a search.
func TestBackFromTheFirstPage(t *testing.T) {
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, lib, Options{Lang: "en"}, "un\nl\n/oewg\nb\n")
	if !strings.Contains(out, "Comando: Non c'è nulla a cui tornare.") || strings.Contains(out, "Overview, section") {
		t.Errorf("b after the first page:\n%s", out[max(len(out)-400, 0):])
	}
	out = run(t, lib, Options{Lang: "en"}, "un\nnato\nb\nb\n")
	if !strings.Contains(out, "UN, section 1 of 6.\nCommand: There is nothing to go back to.") {
		t.Errorf("b b after un, nato:\n%s", out[max(len(out)-400, 0):])
	}
}

// The line mode lists the sections the search box and the search command list:
// each once, as many as the engine gives with every language searched.
func TestSearchListsEachSectionOnce(t *testing.T) {
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	ix := search.New(lib)
	for _, lang := range []string{"en", "it"} {
		for _, q := range []string{"oewg", "pledge", "cbm 14"} {
			all := ix.Find(q, search.Options{Lang: lang, AllLangs: true, Limit: maxResults * resultPages}).Hits
			mine := ix.Find(q, search.Options{Lang: lang, Limit: maxResults * resultPages}).Hits
			if len(all) != len(mine) {
				// Every section of the shipped briefing is in both languages.
				t.Errorf("--lang %s %q: %d rows with both languages, %d sections in %s", lang, q, len(all), len(mine), lang)
			}
			out := run(t, lib, Options{Lang: lang, Index: ix}, "/"+q+"\nq\n")
			if want := fmt.Sprintf(i18n.Line(lang).Results, len(mine), quote(q)); !strings.Contains(out, want) {
				t.Errorf("--lang %s %q: the line mode does not count %d results:\n%s", lang, q, len(mine), out)
			}
			seen := map[string]bool{}
			for _, l := range strings.Split(out, "\n") {
				if i := strings.Index(l, ". "); i > 0 && isNumber(l[:i]) {
					where, _, _ := strings.Cut(l[i+2:], ":")
					if seen[where] {
						t.Errorf("--lang %s %q: %q listed twice", lang, q, where)
					}
					seen[where] = true
				}
			}
		}
	}
}

// Escape debris in a search (a CSI with its parameters, introduced by ESC or by
// a C1 control, as typed at a terminal or through the kiosk's textsafe.Input)
// is dropped whole: the search is the words around it, and the debris is never
// said back as a query or as words that matched nothing.
func TestSearchDropsEscapeDebris(t *testing.T) {
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	ix := search.New(lib)
	want := fmt.Sprintf(i18n.Line("en").Results, len(ix.Find("oewg", search.Options{Lang: "en", AllLangs: true, Limit: maxResults * resultPages}).Hits), quote("oewg"))
	for _, debris := range []string{"oewg\x1b[2J", "oewg\u009b2J", "oewg\x9b2J", "oewg\x1b]0;title\x07"} {
		for name, in := range map[string]func(string) io.Reader{
			"raw":            func(s string) io.Reader { return strings.NewReader(s) },
			"textsafe.Input": func(s string) io.Reader { return textsafe.Input(strings.NewReader(s)) },
		} {
			var out bytes.Buffer
			if err := Run(context.Background(), in("/"+debris+"\n/"+strings.Replace(debris, "oewg", "zzzqqq", 1)+"\nq\n"), &out, Options{Library: lib, Index: ix, Lang: "en"}); err != nil {
				t.Fatal(err)
			}
			o := out.String()
			if !strings.Contains(o, want) {
				t.Errorf("%s %q: no %q:\n%s", name, debris, want, o)
			}
			if strings.Contains(o, "2J") || strings.Contains(o, "title") || strings.Contains(o, `\x`) || strings.Contains(o, `\u`) {
				t.Errorf("%s %q: the debris is said back:\n%s", name, debris, o)
			}
			if !strings.Contains(o, fmt.Sprintf(i18n.Line("en").NoMatch, quote("zzzqqq"))) {
				t.Errorf("%s %q: zzzqqq with debris is not said as it is:\n%s", name, debris, o)
			}
		}
	}
}
