package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
)

// briefFlags are the options of brief.
type briefFlags struct {
	format      string
	order       string
	clear       bool
	add, remove []string
}

func newBriefCmd(a *app) *cobra.Command {
	var f briefFlags
	cmd := &cobra.Command{
		Use:   "brief",
		Short: "Print the passages you marked, each with its citation, for a meeting",
		Long: "brief prints the passages marked in the reader (m), in reading order or the order made,\n" +
			"each followed by its citation line as show --cite writes it, in the language of --lang\n" +
			"(the same passages in the other language when the marks were made in it). A passage whose\n" +
			"text changed since it was marked says so; one whose section is gone is listed as gone.\n" +
			"The marks are kept in $XDG_STATE_HOME/cyberdiplo/marks.json (at most 200).",
		Example: "  cyberdiplo brief --lang it\n" +
			"  cyberdiplo brief --format markdown > meeting.md\n" +
			"  cyberdiplo brief --add un#key-facts.2 --add nato#the-cyber-defence-pledge\n" +
			"  cyberdiplo brief --format json | jq -r '.[].citation'\n" +
			"  cyberdiplo brief --clear",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runBrief(cmd.OutOrStdout(), cmd.ErrOrStderr(), f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "plain", "plain, markdown or json")
	fl.StringVar(&f.order, "order", "reading", "reading (page order, then place on the page) or made (the order the marks were made in)")
	fl.BoolVar(&f.clear, "clear", false, "remove every mark: empty the brief")
	fl.StringArrayVar(&f.add, "add", nil, "mark a passage: `PAGE#ANCHOR` for a section, PAGE#ANCHOR.N for its N-th passage (repeatable)")
	fl.StringArrayVar(&f.remove, "remove", nil, "unmark a passage, `PAGE#ANCHOR`[.N] as for --add (repeatable)")
	return cmd
}

func (a *app) runBrief(out, errOut io.Writer, f briefFlags) error {
	t := i18n.Marks(a.msgLang())
	lib, lang, err := a.libraryAndLang()
	if err != nil {
		return err
	}
	if f.format != marks.Plain && f.format != marks.Markdown && f.format != marks.JSON {
		return usageErr(t.BriefFormat, f.format)
	}
	order := marks.Reading
	switch f.order {
	case "reading":
	case "made":
		order = marks.Made
	default:
		return usageErr(t.UnknownOrder, f.order)
	}
	if f.clear && len(f.add)+len(f.remove) > 0 {
		return plainErr(t.ClearAlone)
	}
	path := marks.File(a.env.Getenv)
	if path == "" {
		return &exitError{code: 1, msg: t.NoStateDir}
	}
	store, err := marks.Load(path)
	var fe *marks.FileError
	if errors.As(err, &fe) && !f.clear {
		return &exitError{code: 1, msg: fe.Message(a.msgLang())}
	}
	if f.clear {
		n := store.Len()
		store.Clear()
		if err := store.Save(path); err != nil {
			return &exitError{code: 1, msg: fmt.Sprintf(t.SaveFailed, path, err)}
		}
		fmt.Fprintf(out, t.Cleared+"\n", t.Count(n))
		return nil
	}
	if len(f.add)+len(f.remove) > 0 {
		return a.changeMarks(out, lib, lang, store, path, f)
	}
	entries := store.List(lib, lang, order)
	if len(entries) == 0 && f.format != marks.JSON {
		fmt.Fprintln(errOut, t.BriefEmpty)
		return nil
	}
	return marks.Write(out, entries, f.format, lang)
}

// changeMarks adds and removes the passages named by --add and --remove, then
// saves the marks: each change is said in one line. Every name is checked before
// anything changes: a bad one changes nothing.
func (a *app) changeMarks(out io.Writer, lib *library.Library, lang string, store *marks.Store, path string, f briefFlags) error {
	t := i18n.Marks(a.msgLang())
	type passage struct {
		spec string
		page *library.Page
		b    int
	}
	named := func(specs []string) ([]passage, error) {
		var ps []passage
		for _, spec := range specs {
			p, b, err := a.passageSpec(lib, lang, spec)
			if err != nil {
				return nil, err
			}
			ps = append(ps, passage{spec, p, b})
		}
		return ps, nil
	}
	removes, err := named(f.remove)
	if err != nil {
		return err
	}
	adds, err := named(f.add)
	if err != nil {
		return err
	}
	for _, r := range removes {
		if store.Find(lib, r.page.Lang, r.page.ID, r.b) < 0 {
			return &exitError{code: 1, msg: fmt.Sprintf(t.NotMarked, r.spec)}
		}
	}
	var said []string
	now := time.Now()
	for _, r := range removes {
		if store.Find(lib, r.page.Lang, r.page.ID, r.b) >= 0 { // not removed by an earlier --remove
			where, _, _ := store.Toggle(lib, r.page.Lang, r.page.ID, r.b, now) // it is marked: Toggle unmarks it
			said = append(said, fmt.Sprintf(t.Unmarked, where, t.Count(store.Len())))
		}
	}
	for _, ad := range adds {
		where, added, err := store.Add(lib, ad.page.Lang, ad.page.ID, ad.b, now)
		switch {
		case errors.Is(err, marks.ErrFull):
			return &exitError{code: 1, msg: fmt.Sprintf(t.Full, marks.MaxMarks)}
		case err != nil:
			return plainErr(fmt.Sprintf(t.BadSpec, ad.spec))
		case added:
			said = append(said, fmt.Sprintf(t.Marked, where, t.Count(store.Len())))
		default:
			said = append(said, fmt.Sprintf(t.Already, where))
		}
	}
	if err := store.Save(path); err != nil {
		return &exitError{code: 1, msg: fmt.Sprintf(t.SaveFailed, path, err)}
	}
	for _, line := range said {
		fmt.Fprintln(out, line)
	}
	return nil
}

// passageSpec finds the passage PAGE#ANCHOR[.N] names in lang: the section's
// heading (N absent or 0: the whole section) or its N-th passage. The anchor may
// be the other language's, or the heading as it reads, as for show.
func (a *app) passageSpec(lib *library.Library, lang, spec string) (*library.Page, int, error) {
	t := i18n.Marks(a.msgLang())
	name, anchor, ok := strings.Cut(spec, "#")
	if !ok || name == "" || anchor == "" {
		return nil, -1, plainErr(fmt.Sprintf(t.BadSpec, spec))
	}
	n := 0
	if i := strings.LastIndexByte(anchor, '.'); i >= 0 {
		if v, err := strconv.Atoi(anchor[i+1:]); err == nil && v >= 0 && strings.Trim(anchor[i+1:], "0123456789") == "" {
			n, anchor = v, anchor[:i]
		}
	}
	ids, err := a.resolve(lib, []string{name})
	if err != nil {
		return nil, -1, err
	}
	p := lib.Page(lang, ids[0])
	if p == nil {
		return nil, -1, fmt.Errorf(a.t().NoVersion, ids[0], langs.Name(lang, a.msgLang()), a.contentName())
	}
	sec, err := a.findSection(lib, p, anchor)
	if err != nil {
		return nil, -1, err
	}
	s := p.Sections[sec]
	first := s.First
	if s.Heading.Block >= 0 {
		first++ // passage 1 is the first block under the heading
	}
	if n > 0 && first+n-1 >= s.End {
		return nil, -1, &exitError{code: 2, msg: fmt.Sprintf(t.NoBlock, p.ID+"#"+s.Heading.Anchor, n, s.End-first)}
	}
	if n == 0 {
		return p, s.First, nil
	}
	return p, first + n - 1, nil
}
