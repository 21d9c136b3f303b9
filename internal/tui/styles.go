package tui

import (
	"strings"
	"sync"

	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"
	"github.com/cyberdiplo/cyberdiplo/third_party/lipgloss"
)

// look is how the reader draws: colours for a dark or a light terminal, and whether
// marks may rely on colour at all.
//
// With colour, the active tab is in the accent colour, the selected link reversed,
// matches on a yellow background and the current match on an orange one. Without
// (NO_COLOR, TERM=dumb, --style ascii), nothing may rest on colour: the active
// tab is drawn [in brackets], the selected link <in angle brackets>, the current
// match [in brackets], the other matches in reverse video (and {in braces} where
// the terminal shows no attribute either). The ascii style also draws the
// reader's own frame in ASCII: borders, arrows, ellipses.
type look struct {
	dark    bool
	plain   bool    // marks must not rest on colour
	noAttrs bool    // the terminal shows no attribute either (TERM=dumb): text marks only
	ascii   bool    // ASCII only
	st      *styles // shared by every reader with the same look: read only
}

// styles are the reader's lipgloss styles.
type styles struct {
	Tab, ActiveTab, TabArrow      lipgloss.Style
	Status, StatusKey, StatusDim  lipgloss.Style
	Overlay, OverlayTitle, KeyCol lipgloss.Style
	Dim, Selected                 lipgloss.Style
	Match, CurrentMatch           lipgloss.Style
	LinkFocus                     lipgloss.Style
}

func newLook(style string, profile colorprofile.Profile, profileKnown bool) look {
	l := look{dark: style != "light", ascii: style == "ascii"}
	l.plain = l.ascii || (profileKnown && profile <= colorprofile.ASCII)
	l.noAttrs = profileKnown && profile == colorprofile.NoTTY
	l.st = sharedStyles(l)
	return l
}

// The styles of each look (dark or light, ASCII, plain), made once and shared
// by every reader drawn with it: a reader holds a pointer, not the 9 KB of
// lipgloss styles (a kiosk keeps one reader per visitor), and a look is copied
// for the cost of a few words.
var (
	stylesMu sync.Mutex
	stylesOf = map[[3]bool]*styles{}
)

func sharedStyles(l look) *styles {
	k := [3]bool{l.dark, l.ascii, l.plain}
	stylesMu.Lock()
	defer stylesMu.Unlock()
	st, ok := stylesOf[k]
	if !ok {
		s := newStyles(l)
		st = &s
		stylesOf[k] = st
	}
	return st
}

func newStyles(l look) styles {
	accent := lipgloss.Color("#5A56E0")
	barBg, barFg, dim := lipgloss.Color("#E4E4EC"), lipgloss.Color("#2A2A3A"), lipgloss.Color("#8A8A9A")
	match, current := lipgloss.Color("#F2D95C"), lipgloss.Color("#F29A3C")
	if l.dark {
		accent = lipgloss.Color("#8B87FF")
		barBg, barFg, dim = lipgloss.Color("#2B2B3A"), lipgloss.Color("#DADAE6"), lipgloss.Color("#767690")
		match, current = lipgloss.Color("#6B5A00"), lipgloss.Color("#C2410C")
	}
	border := lipgloss.RoundedBorder()
	if l.ascii {
		border = lipgloss.ASCIIBorder()
	}
	s := styles{
		Tab:          lipgloss.NewStyle().Foreground(dim),
		ActiveTab:    lipgloss.NewStyle().Foreground(accent).Bold(true).Underline(true),
		TabArrow:     lipgloss.NewStyle().Foreground(dim),
		Status:       lipgloss.NewStyle().Background(barBg).Foreground(barFg),
		StatusKey:    lipgloss.NewStyle().Background(accent).Foreground(lipgloss.Color("#FFFFFF")).Bold(true),
		StatusDim:    lipgloss.NewStyle().Background(barBg).Foreground(dim),
		Overlay:      lipgloss.NewStyle().Border(border).BorderForeground(accent).Padding(0, 1),
		OverlayTitle: lipgloss.NewStyle().Foreground(accent).Bold(true),
		KeyCol:       lipgloss.NewStyle().Foreground(accent).Bold(true),
		Dim:          lipgloss.NewStyle().Foreground(dim),
		Selected:     lipgloss.NewStyle().Reverse(true),
		Match:        lipgloss.NewStyle().Background(match).Foreground(lipgloss.Color("#FFFFFF")),
		CurrentMatch: lipgloss.NewStyle().Background(current).Foreground(lipgloss.Color("#FFFFFF")).Bold(true).Underline(true),
		LinkFocus:    lipgloss.NewStyle().Reverse(true).Bold(true),
	}
	if !l.dark {
		s.Match = s.Match.Foreground(lipgloss.Color("#000000"))
	}
	if l.plain {
		s.Match = lipgloss.NewStyle().Reverse(true)
		s.CurrentMatch = lipgloss.NewStyle().Reverse(true).Bold(true)
		s.ActiveTab = lipgloss.NewStyle().Bold(true).Underline(true)
		s.StatusKey = lipgloss.NewStyle().Reverse(true).Bold(true)
	}
	return s
}

// Text marks drawn around a mark when it cannot rest on colour.
const (
	openCurrent, closeCurrent = "[", "]"
	openLink, closeLink       = "<", ">"
	openMatch, closeMatch     = "{", "}" // only where attributes do not show
)

// asciiSymbols replaces the symbols of the reader's own frame and strings with
// ASCII, for --style ascii. Letters (accented ones included) are text, not frame.
var asciiSymbols = strings.NewReplacer(
	"…", "...", "›", ">", "‹", "<", "│", "|", "·", "-", "—", "-", "–", "-",
	"↑", "^", "↓", "v", "←", "<-", "→", "->", "●", "*", "•", "*", "█", "#",
)

// text returns s as this look may draw it.
func (l look) text(s string) string {
	if l.ascii {
		return asciiSymbols.Replace(s)
	}
	return s
}
