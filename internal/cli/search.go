package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

const defaultSearchLimit = 20

// Layout of a result line: the "page › heading" column is as wide as its widest
// entry, at most maxWhereWidth cells (and half the terminal); the snippet takes
// the rest of the terminal's width, or search.SnippetRunes when it is unknown.
const (
	maxWhereWidth = 48
	minSnippet    = 30
)

func newSearchCmd(a *app) *cobra.Command {
	var allLangs, asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Find the sections that answer a query, in English and Italian",
		Long: "search prints one line per section: the page and heading in a column, then the passage\n" +
			"that matches best, with the matches in bold on a terminal. Both languages are searched:\n" +
			"a section found in the other language is shown in yours, marked (via it) or (via en).\n" +
			"Case and accents do not matter; other forms of a word (misure for misura), British and\n" +
			"American spellings (defense, defence), typos in words of 4 letters or more (resilence),\n" +
			"the start of the last word (pled), a question's small words (when, was, quanti) and the\n" +
			"glossary's other names for a term (CBM, misure di costruzione della fiducia) all find\n" +
			"it; not every word has to match. With no --lang, your language's sections come first,\n" +
			"then the other language's own. It exits 1 only when nothing matches.",
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
			lang, err := a.lang()
			if err != nil {
				return err
			}
			ix, err := a.searchIndex()
			if err != nil {
				return err
			}
			query := strings.Join(args, " ")
			opt := search.Options{Lang: lang, AllLangs: allLangs || a.langFlag == "", Limit: limit}
			// The snippet gets what the terminal has left after the column.
			width := 0
			if a.env.Width > 0 && !asJSON {
				width = max(a.env.Width-whereWidth(nil, a.env.Width)-2, minSnippet)
				opt.Width = width
			}
			res := ix.Find(query, opt)
			if width > 0 {
				// Now that the column is known, give the snippets all the room left.
				if w := max(a.env.Width-whereWidth(res.Hits, a.env.Width)-2, minSnippet); w != width {
					opt.Width = w
					res = ix.Find(query, opt)
				}
			}
			out := cmd.OutOrStdout()
			if asJSON {
				if err := writeHitsJSON(out, res.Hits); err != nil {
					return err
				}
			} else {
				bold := a.env.Terminal && a.env.Getenv("NO_COLOR") == ""
				if err := writeHits(out, res.Hits, bold, a.env.Width); err != nil {
					return err
				}
			}
			errs, t := cmd.ErrOrStderr(), a.t()
			switch {
			case len(res.Hits) == 0 && opt.AllLangs:
				fmt.Fprintf(errs, t.NoMatchAnyLang+"\n", query)
			case len(res.Hits) == 0:
				name := t.LangEnglish
				if lang == "it" {
					name = t.LangItalian
				}
				fmt.Fprintf(errs, t.NoMatch+"\n", query, name)
			case len(res.Unmatched) > 0:
				fmt.Fprintf(errs, t.NoMatchWords+"\n", quoteAll(res.Unmatched))
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
	f.BoolVar(&allLangs, "all-langs", false, "with --lang, also list the other language's own sections after (the default without --lang)")
	f.BoolVar(&asJSON, "json", false, "print the matches as a JSON array")
	f.IntVar(&limit, "limit", defaultSearchLimit, "print at most `N` matches")
	return cmd
}

func quoteAll(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, ", ")
}

// whereCell is the first column of a hit's line: "page › heading", with "[it] "
// before it for a section in the other language and " (via it)" after it for one
// found through the other language.
func whereCell(h search.Hit) (cell string, headingAt int) {
	var b strings.Builder
	if h.OtherLang {
		b.WriteString("[" + h.Lang + "] ")
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
		b.WriteString(" (via " + h.Found + ")")
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

// writeHits prints one line per hit: the "page › heading" column, padded, then the
// snippet, with the matches in bold when bold is set.
func writeHits(out io.Writer, hits []search.Hit, bold bool, term int) error {
	w := &stickyWriter{w: out}
	col := whereWidth(hits, term)
	for _, h := range hits {
		cell, at := whereCell(h)
		var marks [][2]int
		if at >= 0 {
			for _, m := range h.HeadingMarks {
				marks = append(marks, [2]int{m[0] + at, m[1] + at})
			}
		}
		shown := cell
		if ansi.StringWidth(cell) > col {
			shown = ansi.Truncate(cell, col, "…")
			kept := len(shown) - len("…")
			var in [][2]int
			for _, m := range marks {
				if m[1] <= kept {
					in = append(in, m)
				}
			}
			marks = in
		}
		pad := strings.Repeat(" ", max(col-ansi.StringWidth(shown), 0))
		fmt.Fprintln(w, strings.TrimRight(emphasize(shown, marks, bold)+pad+"  "+emphasize(h.Snippet, h.Marks, bold), " "))
		if w.err != nil {
			return w.err
		}
	}
	return nil
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
}

func writeHitsJSON(w io.Writer, hits []search.Hit) error {
	list := newJSONList(w)
	for _, h := range hits {
		marks := h.Marks
		if marks == nil {
			marks = [][2]int{}
		}
		err := list.add(jsonHit{
			Lang: h.Lang, Page: h.Page, PageTitle: h.PageTitle, Heading: h.Heading,
			Anchor: h.Anchor, HeadingIndex: h.HeadingIndex, Line: h.Line,
			Kind: h.Kind.String(), OtherLang: h.OtherLang, Snippet: h.Snippet, Marks: marks,
			Score: h.Score, Via: h.Via,
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
