package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/reader"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
)

// showFlags are the options of show.
type showFlags struct {
	format  string
	width   int
	cite    bool
	anchors bool
	terms   bool
}

// What one argument of show names, a page or one section of it, is a
// library.Place (library.At): placeSection reads it back.

// placeSection returns the page of a place and its section (-1 for the whole page).
func placeSection(lib *library.Library, pl library.Place) (*library.Page, int) {
	p := lib.Page(pl.Lang, pl.Page)
	if p == nil || pl.Section == "" {
		return p, -1
	}
	return p, p.SectionByAnchor(pl.Section)
}

func newShowCmd(a *app) *cobra.Command {
	var f showFlags
	cmd := &cobra.Command{
		Use:   "show PAGE[#ANCHOR]...",
		Short: "Print pages or sections (ansi on a terminal, plain when piped, Markdown or JSON)",
		Long: "show prints pages. PAGE#ANCHOR prints one section: the heading with that anchor and the\n" +
			"text up to the next heading (--anchors lists a page's anchors; an anchor of the other\n" +
			"language names the same section). --format json prints each page as data, with the\n" +
			"sources each section rests on; --cite ends each page or section with a citation line.\n" +
			"show glossary --terms prints the term base in the language's alphabetical order.",
		Example: "  cyberdiplo show un --lang it --format plain\n" +
			"  cyberdiplo show un#the-global-mechanism --cite\n" +
			"  cyberdiplo show nato --format json | jq '.sections[].sources[].id'\n" +
			"  cyberdiplo show un --anchors\n" +
			"  cyberdiplo show glossary --terms --lang it",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return plainErr(a.t().ShowNeedsPage)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runShow(cmd.OutOrStdout(), args, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "", "ansi, plain, markdown or json (default: ansi on a terminal, plain otherwise or under NO_COLOR)")
	fl.IntVar(&f.width, "width", 0, "wrap at `N` columns (default: the terminal's width, else 80)")
	fl.BoolVar(&f.cite, "cite", false, "end each page or section with a citation line: title › heading, sources and their years, publisher, date")
	fl.BoolVar(&f.anchors, "anchors", false, "list the anchors of the pages' headings (for PAGE#ANCHOR) instead of their text")
	fl.BoolVar(&f.terms, "terms", false, "with the glossary: print the term base (term, acronym, the other language's term)")
	return cmd
}

func (a *app) runShow(out io.Writer, args []string, f showFlags) error {
	lib, lang, err := a.libraryAndLang()
	if err != nil {
		return err
	}
	format, err := a.format(f.format)
	if err != nil {
		return err
	}
	targets, err := a.targets(lib, lang, args)
	if err != nil {
		return err
	}
	if f.terms {
		for _, t := range targets {
			if p, sec := placeSection(lib, t); p.Kind != library.PageGlossary || sec >= 0 {
				return plainErr(a.t().TermsAlone)
			}
		}
		if f.cite || f.anchors {
			return plainErr(a.t().TermsCombined)
		}
		return a.writeTerms(out, lib, lang, format)
	}
	if f.anchors {
		if format == "json" {
			return writeAnchorsJSON(out, lib, targets)
		}
		return writeAnchors(out, lib, targets)
	}
	if format == "json" {
		return writeShowJSON(out, lib, targets, f.cite)
	}
	w, err := a.width(f.width)
	if err != nil {
		return err
	}
	style, err := a.style()
	if err != nil {
		return err
	}
	if style == "auto" {
		style = "dark"
	}
	if format == "plain" {
		style = "notty"
	}
	// Written target by target (each page or section rendered through the cache,
	// so that one named twice is rendered once), stopping at the first write that
	// fails: over SSH, the kiosk's output cap or a visitor who left.
	w2 := &stickyWriter{w: out}
	for i, t := range targets {
		if i > 0 {
			fmt.Fprintln(w2)
		}
		text, err := a.showText(lib, t, format, w, style)
		if err != nil {
			return err
		}
		fmt.Fprintln(w2, text)
		if f.cite {
			fmt.Fprintln(w2)
			fmt.Fprintln(w2, cite.Wrap(citation(lib, t), w))
		}
		if w2.err != nil {
			return w2.err
		}
	}
	return nil
}

// targets resolves every argument (PAGE or PAGE#ANCHOR) to a page of lang.
func (a *app) targets(lib *library.Library, lang string, args []string) ([]library.Place, error) {
	var out []library.Place
	for _, arg := range args {
		name, anchor, hasAnchor := strings.Cut(arg, "#")
		ids, err := a.resolve(lib, []string{name})
		if err != nil {
			return nil, err
		}
		p := lib.Page(lang, ids[0])
		if p == nil {
			return nil, fmt.Errorf(a.t().NoVersion, ids[0], langs.Name(lang, a.msgLang()), a.contentName())
		}
		sec := -1
		if hasAnchor {
			if sec, err = a.findSection(lib, p, anchor); err != nil {
				return nil, err
			}
		}
		out = append(out, library.At(p, sec))
	}
	return out, nil
}

// maxAnchor bounds an anchor typed after PAGE# (an SSH visitor may send anything);
// the longest heading of the briefing is far shorter.
const maxAnchor = 256

// findSection finds the section of p with an anchor. The anchor may be typed as the
// heading reads ("Key facts") and may be the other language's (library.CounterpartSection
// finds the same section).
func (a *app) findSection(lib *library.Library, p *library.Page, anchor string) (int, error) {
	if len(anchor) > maxAnchor {
		return -1, usageErr(a.t().AnchorTooLong, p.ID, len(anchor), maxAnchor, p.ID)
	}
	slug := library.Slug(anchor)
	if slug == "" {
		return -1, usageErr(a.t().AnchorMissing, p.ID, p.ID)
	}
	if i := reader.SectionOf(lib, p, slug); i >= 0 {
		return i, nil // in p's language, or the same section of the other's
	}
	return -1, usageErr(a.t().UnknownAnchor, p.ID, langs.Name(p.Lang, a.msgLang()), slug, p.ID)
}

// sectionMarkdown is the Markdown source of one section: its heading and the lines
// up to the next heading.
func sectionMarkdown(p *library.Page, i int) string {
	lines := strings.Split(p.Body, "\n")
	from := max(p.Sections[i].Heading.Line-p.BodyLine, 0)
	to := len(lines)
	if i+1 < len(p.Sections) {
		to = p.Sections[i+1].Heading.Line - p.BodyLine
	}
	if from > len(lines) || to < from {
		return ""
	}
	return strings.TrimSpace(strings.Join(lines[from:min(to, len(lines))], "\n"))
}

// showText is a page or a section in a text format.
func (a *app) showText(lib *library.Library, t library.Place, format string, width int, style string) (string, error) {
	p, section := placeSection(lib, t)
	if format == "markdown" {
		if section < 0 {
			return library.PublicMarkdown(strings.TrimSpace(p.Body)), nil
		}
		return library.PublicMarkdown(sectionMarkdown(p, section)), nil
	}
	doc, err := a.cache().Render(p, width, style)
	if err != nil {
		return "", fmt.Errorf(a.t().RenderFailed, p.Path, err)
	}
	if section < 0 {
		return doc.Text, nil
	}
	// One section: the lines the page drew for it.
	return strings.Join(doc.SectionLines(p, section), "\n"), nil
}

func sourcesOf(lib *library.Library, p *library.Page, section int) []library.Source {
	return cite.SourcesOf(lib, p, section)
}

// citation is the one line that cites a page or a section (cite.Line).
func citation(lib *library.Library, t library.Place) string {
	p, section := placeSection(lib, t)
	return cite.Line(lib, p, section)
}

// The JSON shapes of show.
type (
	pageJSON struct {
		Page     string        `json:"page"`
		Lang     string        `json:"lang"`
		Title    string        `json:"title"`
		Updated  string        `json:"updated"`
		Sections []sectionJSON `json:"sections"`
		Citation string        `json:"citation,omitempty"`
	}
	sectionJSON struct {
		Anchor   string           `json:"anchor"`
		Heading  string           `json:"heading"`
		Level    int              `json:"level"`
		Text     string           `json:"text"`
		Sources  []library.Source `json:"sources"`
		Term     *termJSON        `json:"term,omitempty"` // glossary entries
		Citation string           `json:"citation,omitempty"`
	}
	termJSON struct {
		ID         string       `json:"id"`
		Term       string       `json:"term"`
		Acronym    string       `json:"acronym,omitempty"`
		Anchor     string       `json:"anchor,omitempty"`
		Synonyms   []string     `json:"synonyms,omitempty"`
		Equivalent equivalentJS `json:"equivalent"`
	}
	equivalentJS struct {
		Lang    string `json:"lang"`
		Term    string `json:"term"`
		Acronym string `json:"acronym,omitempty"`
	}
)

func newTermJSON(t library.Term, lang string) *termJSON {
	other := langs.Counterpart(lang)
	f, o := t.ByLang[lang], t.ByLang[other]
	return &termJSON{ID: t.ID, Term: f.Term, Acronym: f.Acronym, Anchor: f.Anchor, Synonyms: f.Synonyms,
		Equivalent: equivalentJS{Lang: other, Term: o.Term, Acronym: o.Acronym}}
}

// writeShowJSON prints one object per target: the object alone for one target, an
// array of them for several. With cite, each object (and a lone section) carries its
// citation. The array is written an object at a time; a target named more than
// once is encoded once (up to maxJSONMemo bytes of objects kept for that).
func writeShowJSON(out io.Writer, lib *library.Library, targets []library.Place, withCite bool) error {
	if len(targets) == 1 {
		return encodeOne(out, showJSON(lib, targets[0], withCite))
	}
	list := newJSONList(out)
	memo := map[library.Place][]byte{}
	kept := 0
	for _, t := range targets {
		b, ok := memo[t]
		if !ok {
			var err error
			if b, err = encodeElement(showJSON(lib, t, withCite)); err != nil {
				return err
			}
			if kept+len(b) <= maxJSONMemo {
				memo[t] = b
				kept += len(b)
			}
		}
		if err := list.addEncoded(b); err != nil {
			return err
		}
	}
	return list.close()
}

// maxJSONMemo bounds the encoded objects writeShowJSON keeps for targets named
// again (the glossary, the largest page, is about 30 KB).
const maxJSONMemo = 1 << 20

// showJSON is one target as show --format json prints it.
func showJSON(lib *library.Library, t library.Place, withCite bool) pageJSON {
	p, section := placeSection(lib, t)
	pj := pageJSON{Page: p.ID, Lang: p.Lang, Title: p.Title, Updated: p.Updated, Sections: []sectionJSON{}}
	for i, s := range p.Sections {
		if section >= 0 && i != section {
			continue
		}
		sj := sectionJSON{Anchor: s.Heading.Anchor, Heading: s.Heading.Text, Level: s.Heading.Level,
			Text: cite.Body(p, i), Sources: sourcesOf(lib, p, i)}
		if p.Kind == library.PageGlossary && s.Heading.Level >= 2 {
			if term, ok := lib.TermAt(p.Lang, s.Heading.Anchor); ok {
				sj.Term = newTermJSON(term, p.Lang)
			}
		}
		pj.Sections = append(pj.Sections, sj)
	}
	if withCite {
		pj.Citation = citation(lib, t)
	}
	return pj
}

// writeAnchors lists the anchors of each target's page, indented by heading level.
func writeAnchors(out io.Writer, lib *library.Library, targets []library.Place) error {
	// A blank line ends a tabwriter's column block, so flushing there changes
	// nothing in the output and holds one page's anchors at a time.
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for i, t := range targets {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		p, _ := placeSection(lib, t)
		for _, s := range p.Sections {
			if s.Heading.Block < 0 {
				continue
			}
			fmt.Fprintf(tw, "%s#%s\t%s%s\n", p.ID, s.Heading.Anchor, strings.Repeat("  ", max(s.Heading.Level-1, 0)), s.Heading.Text)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// anchorJSON is one heading in show --anchors --format json.
type anchorJSON struct {
	Page    string `json:"page"`
	Anchor  string `json:"anchor"`
	Ref     string `json:"ref"` // PAGE#ANCHOR, as show and the reader take it
	Heading string `json:"heading"`
	Level   int    `json:"level"`
}

// writeAnchorsJSON lists the anchors of the targets' pages as one JSON array.
func writeAnchorsJSON(out io.Writer, lib *library.Library, targets []library.Place) error {
	list := newJSONList(out)
	for _, t := range targets {
		p, _ := placeSection(lib, t)
		for _, s := range p.Sections {
			if s.Heading.Block < 0 {
				continue
			}
			if err := list.add(anchorJSON{Page: p.ID, Anchor: s.Heading.Anchor,
				Ref: p.ID + "#" + s.Heading.Anchor, Heading: s.Heading.Text, Level: s.Heading.Level}); err != nil {
				return err
			}
		}
	}
	return list.close()
}

// writeTerms prints the term base in lang's alphabetical order: each term with its
// acronym, and the other language's term.
func (a *app) writeTerms(out io.Writer, lib *library.Library, lang, format string) error {
	terms := lib.TermsSorted(lang)
	if format == "json" {
		list := newJSONList(out)
		for _, t := range terms {
			if err := list.add(newTermJSON(t, lang)); err != nil {
				return err
			}
		}
		return list.close()
	}
	if len(terms) == 0 {
		return fmt.Errorf(a.t().NoTermBase, library.TermsFile)
	}
	other := langs.Counterpart(lang)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for _, t := range terms {
		fmt.Fprintf(tw, "%s\t%s: %s\n", t.ByLang[lang].Label(), other, t.ByLang[other].Label())
	}
	return tw.Flush()
}

// format validates --format, or picks the default for where the output goes.
func (a *app) format(f string) (string, error) {
	switch f {
	case "ansi", "plain", "markdown", "json":
		return f, nil
	case "":
		if a.env.Terminal && a.env.Getenv("NO_COLOR") == "" {
			return "ansi", nil
		}
		return "plain", nil
	}
	return "", usageErr(a.t().UnknownFormat, quote(f))
}

// width validates --width, or picks the terminal's width capped at the reading width.
func (a *app) width(w int) (int, error) {
	if w != 0 {
		if w < 20 || w > 1000 {
			return 0, usageErr(a.t().BadWidth, w)
		}
		return w, nil
	}
	if a.env.Width > 0 {
		return min(a.env.Width, render.MaxWidth), nil
	}
	return 80, nil
}
