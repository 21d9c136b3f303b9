package cli

import (
	"errors"
	"io"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"
	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/linemode"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
	"github.com/cyberdiplo/cyberdiplo/internal/tui"
)

type readerFlags struct{ noState, accessible bool }

func addReaderFlags(a *app, root *cobra.Command) {
	root.Flags().BoolVar(&a.reader.noState, "no-state", false,
		"do not read or write the last place read (page, language, passage) nor the marks: marks made are kept for this run only")
	root.Flags().BoolVar(&a.reader.accessible, "accessible", false,
		"line mode for screen readers: plain lines, no screen drawing (the default when TERM is dumb or unset)")
}

// lineMode says whether the reader runs in line mode: --accessible, or a terminal
// that cannot draw a screen (TERM dumb, or no TERM at all outside Windows, whose
// consoles do not set it).
func (a *app) lineMode() bool {
	if a.reader.accessible {
		return true
	}
	t := a.env.Getenv("TERM")
	return t == "dumb" || (t == "" && runtime.GOOS != "windows")
}

// lineWidth is the width the line mode wraps its lines to: the terminal's,
// else COLUMNS, else 80 (linemode.DefaultWidth).
func (a *app) lineWidth() int {
	if a.env.Terminal && a.env.Width > 0 {
		return a.env.Width
	}
	if n, err := strconv.Atoi(strings.TrimSpace(a.env.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	return linemode.DefaultWidth
}

// runReader opens the TUI on PAGE, or where the last local run left off.
func (a *app) runReader(cmd *cobra.Command, args []string) error {
	// A small heap: collect less often, so that start-up (parsing the content,
	// rendering a page: a few MB of garbage) is not interrupted by the collector.
	debug.SetGCPercent(400)
	// The first frame's colours are those the terminal shows: the profile (which
	// reads the terminal's terminfo entry) is detected on the other core while
	// this one loads and renders the page.
	environ := a.environ()
	var profile func() colorprofile.Profile
	if a.env.Width > 0 && a.env.Height > 0 {
		profile = detectProfile(a.env.Out, environ)
	}
	a.first = a.firstPage(args)
	lib, lang, err := a.libraryAndLang()
	if err != nil {
		return err
	}
	// The first frame's status line names the page's sources: parse sources.yaml
	// on the other core while this one parses and renders the page (LoadFor
	// started it when it knew the page).
	go lib.Sources()
	style, err := a.style()
	if err != nil {
		return err
	}
	var at library.Place
	if len(args) == 1 {
		// PAGE, or PAGE#ANCHOR to open at a section, as show takes it.
		ts, err := a.targets(lib, lang, args)
		if err != nil {
			return err
		}
		at = ts[0]
	}
	if a.lineMode() {
		ix, err := a.searchIndex()
		if err != nil {
			return err
		}
		return linemode.Run(cmd.Context(), a.env.In, a.env.Out, linemode.Options{
			Library: lib, Index: ix, Lang: lang, At: at, Width: a.lineWidth(), Marks: a.marksKeeper(lang),
		})
	}
	if !a.env.Terminal || !a.env.InTerminal {
		return plainErr(a.t().NeedTerminal)
	}
	statePath := ""
	if !a.reader.noState {
		statePath = stateFile(a.env.Getenv)
	}
	if statePath != "" && at.Page == "" {
		// Reopen where the last run left off; a --lang flag reads the same
		// place in that language.
		if s, ok := loadState(statePath); ok && lib.Page(s.Lang, s.Page) != nil {
			at = s
			if a.langFlag == "" {
				lang = s.Lang
			}
		}
	}
	m := tui.New(tui.Options{
		Library: lib, Cache: a.cache(), Index: a.env.Index, Lang: lang, Style: style,
		Width: a.env.Width, Height: a.env.Height, Place: at, Marks: a.marksKeeper(lang),
	})
	opened := m.Place()
	if len(args) == 1 {
		// A page asked for by name is a new place, even if the reader
		// closes it at once: the next run reopens it.
		opened = library.Place{}
	}
	opts := []tea.ProgramOption{tea.WithInput(a.env.In), tea.WithOutput(a.env.Out), tea.WithFPS(120),
		tea.WithEnvironment(environ)}
	painted := false
	if a.env.Width > 0 && a.env.Height > 0 {
		opts = append(opts, tea.WithWindowSize(a.env.Width, a.env.Height))
		// Paint the first frame now, from the top of the page: Bubble Tea paints
		// on a ticker, and its first frame would wait for the first tick.
		painted = paintFrame(a.env.Out, profile, m.FirstFrame())
	}
	// Then render the whole page in the background (not before: on a busy
	// machine it would take the CPU from the first frame): the program's own
	// request for it waits on this render instead of starting one.
	m.Prerender()
	final, err := tea.NewProgram(m, opts...).Run()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		if painted {
			_, _ = io.WriteString(a.env.Out, ansi.ResetModeAltScreenSaveCursor+ansi.ShowCursor)
		}
		return err
	}
	if statePath != "" {
		// Only a session that read something, or opened a page by name, is
		// remembered: one reopened and closed where it opened leaves the last
		// place as it was.
		if fm, ok := final.(*tui.Model); ok {
			pl := fm.Place()
			moved := pl
			moved.Of, opened.Of = 0, 0 // the block's height at this width: not a move
			if moved != opened {
				saveState(statePath, pl) // best effort: a read-only home is fine
			}
		}
	}
	return nil
}

// firstPage guesses, before the content is loaded, the page the reader will open:
// PAGE when it is a page's id (not another of its names), else the last place
// read. A wrong or missing guess costs nothing: it only lets LoadFor parse that
// page while it reads the others.
func (a *app) firstPage(args []string) library.Place {
	lang, err := a.lang()
	if err != nil {
		return library.Place{}
	}
	if len(args) == 1 {
		id, _, _ := strings.Cut(args[0], "#")
		return library.Place{Lang: lang, Page: id}
	}
	if a.reader.noState {
		return library.Place{}
	}
	if path := stateFile(a.env.Getenv); path != "" {
		if s, ok := loadState(path); ok {
			if a.langFlag == "" {
				lang = s.Lang
			}
			return library.Place{Lang: lang, Page: s.Page}
		}
	}
	return library.Place{}
}

// marksKeeper is the reader's marks: those of $XDG_STATE_HOME/cyberdiplo/marks.json
// (what cyberdiplo brief prints), or, with --no-state or no place to keep them,
// marks for this run only. A refused file is left as it is; the reader says
// why once (Keeper.Note) and keeps the marks for the run.
func (a *app) marksKeeper(lang string) *marks.Keeper {
	if a.reader.noState {
		return marks.Session()
	}
	return marks.Open(marks.File(a.env.Getenv), lang)
}

// paintFirstFrame draws a frame on the terminal as Bubble Tea would at its first
// tick: on the alternate screen, cursor hidden, colours brought down to what the
// terminal shows. Bubble Tea then takes over the screen (and leaves it on exit).
func paintFirstFrame(out io.Writer, environ []string, frame string) bool {
	return paintFrame(out, func() colorprofile.Profile { return colorprofile.Detect(out, environ) }, frame)
}

// paintFrame is paintFirstFrame with the terminal's colour profile given.
func paintFrame(out io.Writer, profile func() colorprofile.Profile, frame string) bool {
	if frame == "" {
		return false
	}
	screen := ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.CursorHomePosition + ansi.EraseEntireScreen
	if _, err := io.WriteString(out, screen); err != nil {
		return false
	}
	w := &colorprofile.Writer{Forward: out, Profile: profile()}
	_, err := io.WriteString(w, strings.ReplaceAll(frame, "\n", "\r\n"))
	return err == nil
}

// detectProfile starts detecting the colour profile of out (as
// colorprofile.NewWriter does) in the background, and returns what waits for it.
func detectProfile(out io.Writer, environ []string) func() colorprofile.Profile {
	done := make(chan colorprofile.Profile, 1)
	go func() { done <- colorprofile.Detect(out, environ) }()
	return sync.OnceValue(func() colorprofile.Profile { return <-done })
}

// environ is the part of the environment that says what the terminal can draw,
// for Bubble Tea and for the first frame.
func (a *app) environ() []string {
	var env []string
	for _, k := range []string{"TERM", "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TTY_FORCE",
		"TERM_PROGRAM", "WT_SESSION", "GOOGLE_CLOUD_SHELL", "TERMINFO", "TERMINFO_DIRS", "HOME", "TMUX",
		"LANG", "LC_ALL", "LC_CTYPE", "SSH_TTY", "COLUMNS", "LINES"} {
		if v := a.env.Getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
}
