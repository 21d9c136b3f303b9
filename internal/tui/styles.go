package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// styles are the reader's colours, for a dark or a light terminal. Nothing relies on
// colour alone: the active tab is also bold and underlined, so NO_COLOR keeps it clear.
type styles struct {
	Tab, ActiveTab, TabArrow      lipgloss.Style
	Status, StatusKey, StatusDim  lipgloss.Style
	Overlay, OverlayTitle, KeyCol lipgloss.Style
	Dim, Selected, Highlight      lipgloss.Style
	LinkFocus                     lipgloss.Style
	Forum                         map[string]color.Color
}

func newStyles(dark bool) styles {
	accent := lipgloss.Color("#5A56E0")
	barBg, barFg, dim := lipgloss.Color("#E4E4EC"), lipgloss.Color("#2A2A3A"), lipgloss.Color("#8A8A9A")
	hl := lipgloss.Color("#F2D95C")
	if dark {
		accent = lipgloss.Color("#8B87FF")
		barBg, barFg, dim = lipgloss.Color("#2B2B3A"), lipgloss.Color("#DADAE6"), lipgloss.Color("#767690")
		hl = lipgloss.Color("#8A6F00")
	}
	s := styles{
		Tab:          lipgloss.NewStyle().Foreground(dim),
		ActiveTab:    lipgloss.NewStyle().Foreground(accent).Bold(true).Underline(true),
		TabArrow:     lipgloss.NewStyle().Foreground(dim),
		Status:       lipgloss.NewStyle().Background(barBg).Foreground(barFg),
		StatusKey:    lipgloss.NewStyle().Background(accent).Foreground(lipgloss.Color("#FFFFFF")).Bold(true),
		StatusDim:    lipgloss.NewStyle().Background(barBg).Foreground(dim),
		Overlay:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		OverlayTitle: lipgloss.NewStyle().Foreground(accent).Bold(true),
		KeyCol:       lipgloss.NewStyle().Foreground(accent).Bold(true),
		Dim:          lipgloss.NewStyle().Foreground(dim),
		Selected:     lipgloss.NewStyle().Reverse(true),
		Highlight:    lipgloss.NewStyle().Background(hl).Bold(true),
		LinkFocus:    lipgloss.NewStyle().Reverse(true).Bold(true),
		Forum: map[string]color.Color{
			"eu": lipgloss.Color("#3B82F6"), "un": lipgloss.Color("#0EA5E9"),
			"nato": lipgloss.Color("#10B981"), "osce": lipgloss.Color("#F59E0B"),
		},
	}
	return s
}
