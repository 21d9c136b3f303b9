package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	"github.com/spf13/cobra"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
)

const defaultSearchLimit = 20

// Layout of a result: its width is --width, else the terminal's, else
// pipeWidth. From wideRows columns a result is one line: the "page › heading"
// column, as wide as its widest entry (at most maxWhereWidth cells and half the
// width), the snippet, then the sources with their years. Narrower, a result is
// two lines: "page › heading · sources", then the snippet indented by
// snippetIndent, as wide as the rest, so that the answer it carries fits.
const (
	maxWhereWidth = 48
	minSnippet    = 30
	pipeWidth     = 80
	wideRows      = 120
	snippetIndent = 4
	minWidth      = 20 // as BadWidth says
	maxCLIWidth   = 1000
)

func newSearchCmd(a *app) *cobra.Command {
	var allLangs, asJSON bool
	var limit, width int
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Find the sections that answer a query, in English and Italian",
		Long: "search prints each section that matches: the page and heading, the passage that answers\n" +
			"best (the sentence with the date, number, actor or definition a question asks for), with\n" +
			"the matches in bold on a terminal, and the sources with their years. From 120 columns a\n" +
			"section is one line, narrower two (the passage indented under its heading); the width is\n" +
			"--width, else the terminal's, else 80 when piped. Both languages are searched:\n" +
			"a section found in the other language is shown in yours, marked (via IT) or (via EN).\n" +
			"Case and accents do not matter; other forms of a word (misure for misura), British and\n" +
			"American spellings (defense, defence), typos in words of 4 letters or more (resilence),\n" +
			"the start of the last word (pled), a question's small words (when, was, quanti) and the\n" +
			"glossary's other names for a term (CBM, misure di costruzione della fiducia) all find\n" +
			"it; not every word has to match. Each section is listed once: in your language, and with\n" +
			"no --lang in the other one, marked [IT] or [EN], when yours lacks it. It exits 1 only\n" +
			"when nothing matches.",
		Example: "  cyberdiplo search when was the cyber defense pledge adopted\n" +
			"  cyberdiplo search confidence-building measures --lang it\n" +
			"  cyberdiplo search attivita --lang it --json",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(search.Words(strings.Join(args, " "))) == 0 {
				return usageErr("%s", a.t().SearchNeedsQuery)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 1 {
				return usageErr(a.t().BadLimit, limit, defaultSearchLimit)
			}
			if width != 0 && (width < minWidth || width > maxCLIWidth) {
				return usageErr(a.t().BadWidth, width)
			}
			lang, err := a.lang()
			if err != nil {
				return err
			}
			ix, err := a.searchIndex()
			if err != nil {
				return err
			}
			// Escape debris pasted into the query is neither matched nor echoed.
			query := textsafe.DropControls(strings.Join(args, " "))
			opt := search.Options{Lang: lang, AllLangs: allLangs || a.langFlag == "", Limit: limit}
			if width == 0 {
				width = a.env.Width
			}
			if width <= 0 {
				width = pipeWidth
			}
			width = min(max(width, minWidth), maxCLIWidth)
			res := ix.Find(query, opt)
			if !asJSON && len(res.Hits) > 0 {
				// Now that the rows are known, give the snippets all the room left.
				opt.Width = snippetWidth(res.Hits, width)
				res = ix.Find(query, opt)
			}
			out := cmd.OutOrStdout()
			if asJSON {
				lib, err := a.library()
				if err != nil {
					return err
				}
				if err := writeHitsJSON(out, lib, res.Hits); err != nil {
					return err
				}
			} else {
				bold := a.env.Terminal && a.env.Getenv("NO_COLOR") == ""
				if err := writeHits(out, res.Hits, bold, width); err != nil {
					return err
				}
			}
			errs, t := cmd.ErrOrStderr(), a.t()
			switch {
			case len(res.Hits) == 0 && len(res.Unmatched) > 0:
				fmt.Fprintf(errs, t.NoMatchWords+"\n", strings.Join(res.Unmatched, ", "))
			case len(res.Hits) == 0 && opt.AllLangs:
				fmt.Fprintf(errs, t.NoMatchAnyLang+"\n", query)
			case len(res.Hits) == 0:
				fmt.Fprintf(errs, t.NoMatch+"\n", query, langs.Name(lang, a.msgLang()))
			case len(res.Unmatched) > 0:
				fmt.Fprintf(errs, t.NoMatchWords+"\n", strings.Join(res.Unmatched, ", "))
			}
			if res.DidYouMean != "" {
				fmt.Fprintf(errs, t.SearchDidYouMean+"\n", res.DidYouMean)
			}
			if len(res.Hits) == 0 {
				return silentExit(1)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&allLangs, "all-langs", false, "with --lang, also list after the sections only the other language has (the default without --lang)")
	f.BoolVar(&asJSON, "json", false, "print the matches as a JSON array")
	f.IntVar(&limit, "limit", defaultSearchLimit, "print at most `N` matches")
	f.IntVar(&width, "width", 0, "fit the lines in `N` columns (default: the terminal's width, else 80)")
	return cmd
}

// whereCell is the first column of a hit's line: "page › heading", with "[IT] "
// before it for a section in another language (one yours lacks: a section is
// listed once) and " (via IT)" after it for one found through another language,
// each language by its lang.Label.
func whereCell(h search.Hit) (cell string, headingAt int) {
	var b strings.Builder
	if h.OtherLang {
		b.WriteString("[" + langs.Label(h.Lang) + "] ")
	}
	b.WriteString(h.Page)
	if h.Heading != "" {
		b.WriteString(" › ")
		headingAt = b.Len()
		b.WriteString(h.Heading)
	} else {
		headingAt = -1
	}
	if h.Via == search.ViaOtherLang {
		b.WriteString(" (via " + langs.Label(h.Found) + ")")
	}
	return b.String(), headingAt
}

// whereWidth is the width of the first column: its widest cell, at most
// maxWhereWidth and half the terminal.
func whereWidth(hits []search.Hit, term int) int {
	limit := maxWhereWidth
	if term > 0 {
		limit = min(limit, max(term/2, 10))
	}
	if hits == nil {
		return limit
	}
	w := 0
	for _, h := range hits {
		c, _ := whereCell(h)
		w = max(w, ansi.StringWidth(c))
	}
	return min(w, limit)
}

// sourcesCell is a hit's sources as a row shows them: "(MAECI 2026, 2021)".
func sourcesCell(h search.Hit) string {
	if l := h.SourcesLabel(); l != "" {
		return "(" + l + ")"
	}
	return ""
}

// snippetWidth is the room a row of the given width leaves the snippets: the
// rest of the line after the column and the sources on a wide row, the line
// less the indent on a narrow one.
func snippetWidth(hits []search.Hit, width int) int {
	if width < wideRows {
		return width - indent(width)
	}
	src := 0
	for _, h := range hits {
		src = max(src, ansi.StringWidth(sourcesCell(h)))
	}
	return max(width-whereWidth(hits, width)-2-src-2, minSnippet)
}

// indent is the indent of a snippet on a narrow row: less on the narrowest,
// so that a snippet keeps 20 runes.
func indent(width int) int { return min(snippetIndent, max(width-20, 0)) }

// writeHits prints each hit in rows of the given width: one line ("page ›
// heading" padded to a column, the snippet, the sources) from wideRows columns,
// two lines below ("page › heading · sources", then the snippet indented), with
// the matches in bold when bold is set.
func writeHits(out io.Writer, hits []search.Hit, bold bool, width int) error {
	w := &stickyWriter{w: out}
	wide := width >= wideRows
	col := whereWidth(hits, width)
	sw := snippetWidth(hits, width)
	for _, h := range hits {
		cell, at := whereCell(h)
		src := sourcesCell(h)
		room := col
		if !wide {
			room = width - ansi.StringWidth(src) - 1 // "(x)" is as wide as "· x"
			if room < 10 && h.Years() != "" {
				// Too many publishers for the row: their years alone.
				src = "(" + h.Years() + ")"
				room = width - ansi.StringWidth(src) - 1
			}
			if room < 10 {
				// Too narrow for both: the place, and no sources rather than a cut year.
				src, room = "", width
			}
		}
		var marks [][2]int
		if at >= 0 {
			for _, m := range h.HeadingMarks {
				marks = append(marks, [2]int{m[0] + at, m[1] + at})
			}
		}
		shown := cell
		if ansi.StringWidth(cell) > room {
			shown = ansi.Truncate(cell, room, "…")
			kept := len(shown) - len("…")
			var in [][2]int
			for _, m := range marks {
				if m[1] <= kept {
					in = append(in, m)
				}
			}
			marks = in
		}
		snippet := emphasize(h.Snippet, h.Marks, bold)
		if !wide {
			if src != "" {
				src = "· " + strings.TrimSuffix(strings.TrimPrefix(src, "("), ")")
			}
			fmt.Fprintln(w, strings.TrimRight(emphasize(shown, marks, bold)+" "+src, " "))
			if h.Snippet != "" {
				fmt.Fprintln(w, strings.Repeat(" ", indent(width))+snippet)
			}
			continue
		}
		pad := strings.Repeat(" ", max(col-ansi.StringWidth(shown), 0))
		spad := strings.Repeat(" ", max(sw-ansi.StringWidth(h.Snippet), 0))
		fmt.Fprintln(w, strings.TrimRight(emphasize(shown, marks, bold)+pad+"  "+snippet+spad+"  "+src, " "))
		if w.err != nil {
			return w.err
		}
	}
	return w.err
}

// emphasize puts the marked ranges of s in bold, or returns s as it is.
func emphasize(s string, marks [][2]int, bold bool) string {
	if !bold || len(marks) == 0 {
		return s
	}
	var b strings.Builder
	prev := 0
	for _, m := range marks {
		if m[0] < prev || m[1] > len(s) || m[0] >= m[1] {
			continue
		}
		b.WriteString(s[prev:m[0]])
		b.WriteString("\x1b[1m")
		b.WriteString(s[m[0]:m[1]])
		b.WriteString("\x1b[22m")
		prev = m[1]
	}
	b.WriteString(s[prev:])
	return b.String()
}

// jsonHit is one match in the output of search --json.
type jsonHit struct {
	Lang         string     `json:"lang"`
	Page         string     `json:"page"`
	PageTitle    string     `json:"page_title"`
	Heading      string     `json:"heading"`
	Anchor       string     `json:"anchor"`
	HeadingIndex int        `json:"heading_index"`
	Line         int        `json:"line"`
	Kind         string     `json:"kind"`
	OtherLang    bool       `json:"other_lang"`
	Snippet      string     `json:"snippet"`
	Marks        [][2]int   `json:"marks"` // byte ranges of snippet that matched
	Score        float64    `json:"score"`
	Via          search.Via `json:"via"` // exact, stem, prefix, typo, synonym, other-language
	// Sources are the sources the section rests on, with the year each reflects.
	Sources []search.Source `json:"sources"`
}

func writeHitsJSON(w io.Writer, lib *library.Library, hits []search.Hit) error {
	list := newJSONList(w)
	for _, h := range hits {
		if h.Sources == nil {
			h.Sources = []search.Source{}
		}
		marks := h.Marks
		if marks == nil {
			marks = [][2]int{}
		}
		heading := -1
		if p := lib.Page(h.Lang, h.Page); p != nil && h.Place.Section != "" {
			heading = p.Heading(h.Place.Section)
		}
		err := list.add(jsonHit{
			Lang: h.Lang, Page: h.Page, PageTitle: h.PageTitle, Heading: h.Heading,
			Anchor: h.Place.Section, HeadingIndex: heading, Line: h.Line,
			Kind: h.Kind.String(), OtherLang: h.OtherLang, Snippet: h.Snippet, Marks: marks,
			Score: h.Score, Via: h.Via, Sources: h.Sources,
		})
		if err != nil {
			return err
		}
	}
	return list.close()
}

// searchIndex returns the search index of the app's library: the one passed in
// Env (shared by SSH sessions), else one built once for this run.
func (a *app) searchIndex() (*search.Index, error) {
	if a.env.Index != nil {
		return a.env.Index, nil
	}
	lib, err := a.library()
	if err != nil {
		return nil, err
	}
	a.env.Index = search.New(lib)
	return a.env.Index, nil
}
