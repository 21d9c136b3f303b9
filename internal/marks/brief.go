package marks

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// The brief: the marked passages in order, each followed by its citation line as
// `show --cite` writes it (cite.Line), ready to paste into a note or an email.
// `cyberdiplo brief` prints it in plain text, Markdown or JSON; the reader copies
// the plain text (BriefText).

// Formats of the brief.
const (
	Plain    = "plain"
	Markdown = "markdown"
	JSON     = "json"
)

// Write prints the entries of a list (Store.List) as a brief in format, with its
// notes in lang (the language the list was resolved in).
func Write(w io.Writer, entries []Entry, format, lang string) error {
	if format == JSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(briefJSON(entries))
	}
	var b strings.Builder
	for i, e := range entries {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(passageText(e, format, lang))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Notes says in lang what the list and the brief note about an entry, in this
// order: that its passage is gone (with where it was), that its text changed since
// it was marked, that it is shown in the language it was marked in. An entry that
// reads as it was marked has none.
func (e Entry) Notes(lang string) []string {
	t := i18n.Marks(lang)
	if e.Status == Gone {
		return []string{t.Gone, fmt.Sprintf(t.GoneMarked, e.Mark.Block, langs.Name(e.Mark.Lang, lang),
			i18n.CiteFor(lang).Date(e.Mark.Made.Format("2006-01-02")))}
	}
	var out []string
	switch {
	case e.Status == Changed && e.Mark.Lang != e.Lang:
		out = append(out, fmt.Sprintf(t.ChangedIn, langs.Name(e.Mark.Lang, lang)))
	case e.Status == Changed:
		out = append(out, t.Changed)
	}
	if e.Untranslated(lang) {
		out = append(out, fmt.Sprintf(t.NoCounterpart, langs.Name(e.Lang, lang), langs.Name(lang, lang)))
	}
	return out
}

// FirstWords is the start of an entry's text for a list: its first n words, and
// "…" when there are more ("" for a gone entry).
func (e Entry) FirstWords(n int) string {
	words := strings.Fields(strings.TrimPrefix(e.Text, "- "))
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:max(n, 0)], " ") + "…"
}

// passageText is one entry of a plain or Markdown brief, ending with a newline:
// its notes (Notes) when it has any, its text, a blank line and its citation; a
// gone entry is one line that says so and where it was.
func passageText(e Entry, format, lang string) string {
	note := func(s string) string {
		if format == Markdown {
			return "*" + s + "*"
		}
		return "[" + s + "]"
	}
	notes := e.Notes(lang)
	if e.Status == Gone {
		return note(notes[0]) + " " + e.Where + " " + notes[1] + "\n"
	}
	end := "\n"
	if format == Markdown {
		end = "\n\n"
	}
	var b strings.Builder
	for _, n := range notes {
		b.WriteString(note(n) + end)
	}
	text := e.Text
	if format == Markdown {
		lines := strings.Split(text, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight("> "+l, " ")
		}
		text = strings.Join(lines, "\n")
	}
	b.WriteString(text + "\n\n" + e.Citation + "\n")
	return b.String()
}

// BriefText is the brief of the store's marks in lang and order as plain text, as
// the reader copies it, in at most limit bytes (tui.MaxCopy: an OSC 52 copy is
// bounded). Only whole passages are copied, each with its citation: when they do
// not all fit, the text ends with a line saying how many were left out. It returns
// the text and the number of passages in it.
func BriefText(lib *library.Library, s *Store, lang string, order Order, limit int) (string, int) {
	entries := s.List(lib, lang, order)
	parts := make([]string, len(entries))
	total := 0
	for i, e := range entries {
		parts[i] = passageText(e, Plain, lang)
		if i > 0 {
			parts[i] = "\n" + parts[i]
		}
		total += len(parts[i])
	}
	if total <= limit {
		return strings.Join(parts, ""), len(entries)
	}
	t := i18n.Marks(lang)
	more := func(left int) string { return "\n" + fmt.Sprintf(t.More, t.Count(left)) + "\n" }
	var b strings.Builder
	for i, part := range parts {
		if b.Len()+len(part)+len(more(len(parts)-i-1)) > limit {
			m := more(len(parts) - i)
			if i == 0 {
				m = m[1:]
			}
			if b.Len()+len(m) <= limit {
				b.WriteString(m)
			}
			return b.String(), i
		}
		b.WriteString(part)
	}
	return b.String(), len(parts)
}

// The JSON of a brief: a list of passages.
type (
	passageJSON struct {
		N        int          `json:"n"`
		Status   string       `json:"status"` // ok, changed, gone
		Page     string       `json:"page"`
		Lang     string       `json:"lang"` // of text and citation
		Anchor   string       `json:"anchor"`
		Block    string       `json:"block"`
		Where    string       `json:"where"`
		Text     string       `json:"text"`
		Sources  []sourceJSON `json:"sources"`
		Citation string       `json:"citation"`
		Marked   markedJSON   `json:"marked"`
	}
	sourceJSON struct {
		ID        string `json:"id"`
		Title     string `json:"title"`
		Publisher string `json:"publisher,omitempty"`
		Symbol    string `json:"symbol,omitempty"`
		Year      int    `json:"year,omitempty"`
	}
	markedJSON struct {
		Lang   string `json:"lang"`
		Anchor string `json:"anchor"`
		Block  string `json:"block"`
		At     string `json:"at"`
		Seq    int    `json:"seq"`
	}
)

func briefJSON(entries []Entry) []passageJSON {
	out := make([]passageJSON, 0, len(entries))
	for _, e := range entries {
		pj := passageJSON{N: e.N, Status: e.Status.String(), Page: e.Mark.Page, Lang: e.Lang,
			Anchor: e.Anchor, Block: e.Mark.Block, Where: e.Where, Text: e.Text,
			Sources: []sourceJSON{}, Citation: e.Citation,
			Marked: markedJSON{Lang: e.Mark.Lang, Anchor: e.Mark.Anchor, Block: e.Mark.Block,
				At: e.Mark.Made.UTC().Format("2006-01-02T15:04:05Z"), Seq: e.Mark.Seq}}
		if e.Page != nil {
			pj.Block = e.Page.Blocks[e.Block].ID
		}
		for _, s := range e.Sources {
			pj.Sources = append(pj.Sources, sourceJSON{ID: s.ID, Title: s.Title, Publisher: s.Publisher,
				Symbol: s.Symbol, Year: s.AsOf})
		}
		out = append(out, pj)
	}
	return out
}
