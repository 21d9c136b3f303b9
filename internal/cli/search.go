package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

const defaultSearchLimit = 20

func newSearchCmd(a *app) *cobra.Command {
	var allLangs, asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search every page: headings, glossary terms and text",
		Long: "search prints one line per match: the page, the heading it is under and the text,\n" +
			"with the matches in bold on a terminal. Every word of the query must start a word of\n" +
			"the text; case and accents do not matter (attivita finds attività). It exits 1 when\n" +
			"nothing matches.",
		Example: "  cyberdiplo search oewg\n" +
			"  cyberdiplo search cbm 14 --all-langs\n" +
			"  cyberdiplo search attivita --lang it --json",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(search.Words(strings.Join(args, " "))) == 0 {
				return usageErr("search needs a query: for example cyberdiplo search oewg")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 1 {
				return usageErr("--limit %d: use a number of matches from 1 (default %d)", limit, defaultSearchLimit)
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
			hits := ix.Search(query, search.Options{Lang: lang, AllLangs: allLangs, Limit: limit})
			out := cmd.OutOrStdout()
			if asJSON {
				if err := writeHitsJSON(out, hits); err != nil {
					return err
				}
			} else {
				bold := a.env.Terminal && a.env.Getenv("NO_COLOR") == ""
				for _, h := range hits {
					fmt.Fprintln(out, hitLine(h, query, bold))
				}
			}
			if len(hits) == 0 {
				where := "in " + languageName(lang)
				if allLangs {
					where = "in any language"
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "no match for %q %s\n", query, where)
				return silentExit(1)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&allLangs, "all-langs", false, "also search the other language (its matches come after, marked [en] or [it])")
	f.BoolVar(&asJSON, "json", false, "print the matches as a JSON array")
	f.IntVar(&limit, "limit", defaultSearchLimit, "print at most `N` matches")
	return cmd
}

func languageName(lang string) string {
	if lang == "it" {
		return "Italian"
	}
	return "English"
}

// hitLine formats a hit as "page-id  Heading — snippet" ("page-id  Heading" for a
// heading or glossary term), prefixed with "[it] " or "[en] " when it is in the
// other language, with the matches in bold when bold is set.
func hitLine(h search.Hit, query string, bold bool) string {
	var b strings.Builder
	if h.OtherLang {
		b.WriteString("[" + h.Lang + "] ")
	}
	b.WriteString(h.Page)
	b.WriteString("  ")
	if h.Kind == search.Body && h.Heading != "" {
		b.WriteString(emphasize(h.Heading, search.Marks(h.Heading, query), bold))
		b.WriteString(" — ")
	}
	b.WriteString(emphasize(h.Snippet, h.Marks, bold))
	return b.String()
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
	Lang         string   `json:"lang"`
	Page         string   `json:"page"`
	PageTitle    string   `json:"page_title"`
	Heading      string   `json:"heading"`
	Anchor       string   `json:"anchor"`
	HeadingIndex int      `json:"heading_index"`
	Line         int      `json:"line"`
	Kind         string   `json:"kind"`
	OtherLang    bool     `json:"other_lang"`
	Snippet      string   `json:"snippet"`
	Marks        [][2]int `json:"marks"` // byte ranges of snippet that matched
}

func writeHitsJSON(w io.Writer, hits []search.Hit) error {
	out := make([]jsonHit, 0, len(hits))
	for _, h := range hits {
		marks := h.Marks
		if marks == nil {
			marks = [][2]int{}
		}
		out = append(out, jsonHit{
			Lang: h.Lang, Page: h.Page, PageTitle: h.PageTitle, Heading: h.Heading,
			Anchor: h.Anchor, HeadingIndex: h.HeadingIndex, Line: h.Line,
			Kind: h.Kind.String(), OtherLang: h.OtherLang, Snippet: h.Snippet, Marks: marks,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
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
