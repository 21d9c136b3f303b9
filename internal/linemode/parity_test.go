package linemode

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/reader"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

var briefing, briefingIndex = func() (*library.Library, *search.Index) {
	lib, err := library.Load(content.FS())
	if err != nil {
		panic(err)
	}
	return lib, search.New(lib)
}()

// For every heading of every page in both languages, opening the line mode at
// PAGE#ANCHOR reads that section, says its sources and years as the TUI's
// status bar does, and c says its citation line: the one the TUI's c copies.
func TestEverySectionWithItsSourcesAndCitation(t *testing.T) {
	for _, lang := range library.Languages() {
		t.Run(lang, func(t *testing.T) {
			for _, p := range briefing.Pages(lang) {
				for _, h := range p.Headings {
					if h.Block < 0 {
						continue
					}
					want := cite.Block(p, h.Block)
					out := run(t, briefing, Options{Lang: lang, Index: briefingIndex, Page: p.ID + "#" + h.Anchor, Width: MaxWidth}, "c\nq\n")
					if !strings.Contains(out, strings.Repeat("#", h.Level)+" "+h.Text+"\n") {
						t.Errorf("%s#%s: the section is not read:\n%s", p.ID, h.Anchor, out)
						continue
					}
					src := reader.FormatSources(briefing, p.Sections[want.Section].Sources)
					sayWant := fmt.Sprintf(i18n.Line(lang).Sources, strings.ReplaceAll(src, " · ", "; "))
					if src == "" {
						sayWant = i18n.Line(lang).NoSources
					}
					if !strings.Contains(out, sayWant+"\n") {
						t.Errorf("%s#%s: lacks %q:\n%s", p.ID, h.Anchor, sayWant, out)
					}
					line := cite.Line(briefing, p, want.Section)
					if !strings.Contains(strings.ReplaceAll(out, "\n", " "), line) {
						t.Errorf("%s#%s: c does not say %q:\n%s", p.ID, h.Anchor, line, out)
					}
				}
			}
		})
	}
}

// The outline's numbers are the sections' numbers: picking n from it reads
// "section n of N".
func TestOutlineNumbersAreSectionNumbers(t *testing.T) {
	for _, lang := range library.Languages() {
		for _, p := range briefing.Pages(lang) {
			n := len(unitsOf(p))
			for i := 1; i <= n; i++ {
				out := run(t, briefing, Options{Lang: lang, Index: briefingIndex, Page: p.ID}, fmt.Sprintf("o\n%d\nq\n", i))
				format := i18n.Line(lang).Position
				if i == n {
					format = i18n.Line(lang).EndOfPage
				}
				after := out[strings.LastIndex(out, i18n.Line(lang).Prompt+fmt.Sprintf(i18n.Line(lang).Outline, p.Title)):]
				if want := fmt.Sprintf(format, p.Tab, i, n); !strings.Contains(after, want) {
					t.Errorf("%s %s: outline %d does not read %q:\n%s", lang, p.ID, i, want, after)
				}
			}
		}
	}
}

// Results beyond the first ten are listed with +, and picked by their number;
// b after a result opened with no page open lists the results again.
func TestMoreResultsAndBackToThem(t *testing.T) {
	out := run(t, briefing, Options{Lang: "en", Index: briefingIndex}, "/cyber\n+\n11\nb\nq\n")
	if !strings.Contains(out, "\n10. ") || !strings.Contains(out, "There are more results: type + for the next ones.\n") {
		t.Fatalf("the first ten results:\n%s", out)
	}
	more := out[strings.Index(out, "Command: 11. "):]
	if !strings.HasPrefix(more, "Command: 11. ") {
		t.Fatalf("+ did not list result 11:\n%s", out)
	}
	eleven := strings.SplitN(strings.TrimPrefix(more, "Command: 11. "), "\n", 2)[0]
	page, _, _ := strings.Cut(eleven, ",")
	opened := out[strings.Index(out, "Command: \n"):]
	if !strings.Contains(opened, page+", section ") {
		t.Errorf("11 did not open result 11 (%s):\n%s", eleven, opened)
	}
	if strings.Count(out, " results for \"cyber\":\n") != 2 || strings.Contains(out, "There is nothing to go back to.") {
		t.Errorf("b after a result did not list the results again:\n%s", out)
	}
	if out := run(t, briefing, Options{Lang: "en", Index: briefingIndex}, "/oewg\n+\n+\n+\n+\n+\n+\n+\n+\n+\n+\nq\n"); !strings.Contains(out, "There are no more results.\n") {
		t.Errorf("+ past the last results:\n%s", out)
	}
}

// Lines are wrapped to the width at spaces: none is wider unless it is one
// word, and no word is cut.
func TestLinesWrapToTheWidth(t *testing.T) {
	for _, w := range []int{40, 80} {
		out := run(t, briefing, Options{Lang: "it", Index: briefingIndex, Width: w}, "onu\na\nq\n")
		wide := run(t, briefing, Options{Lang: "it", Index: briefingIndex, Width: MaxWidth}, "onu\na\nq\n")
		for _, l := range strings.Split(out, "\n") {
			if utf8.RuneCountInString(l) > w && strings.Contains(l, " ") {
				t.Errorf("width %d: a line of %d: %q", w, utf8.RuneCountInString(l), l)
			}
		}
		if strings.Join(strings.Fields(out), " ") != strings.Join(strings.Fields(wide), " ") {
			t.Errorf("width %d: wrapping changed the words", w)
		}
	}
}

// The Italian wording reads well whatever the title and the number.
func TestItalianWording(t *testing.T) {
	out := run(t, briefing, Options{Lang: "it", Index: briefingIndex}, "onu\no\n0\nq\n")
	for _, want := range []string{
		"Sezioni della pagina L'Italia alle Nazioni Unite:\n",
		"Il numero 0 non è nell'elenco: scegli un numero da 1 a ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
}

// What the reader typed is said back with its control characters escaped: a
// C1 control or a bidi override never reaches the terminal.
func TestTypedTextIsEscaped(t *testing.T) {
	out := run(t, briefing, Options{Lang: "en", Index: briefingIndex}, "zz\u202ezz\u009b\nq\n")
	if strings.ContainsRune(out, 0x202e) || strings.ContainsRune(out, 0x9b) || strings.ContainsRune(out, 0x1b) {
		t.Errorf("a control character came back: %q", out)
	}
}
