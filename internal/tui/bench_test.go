package tui

import (
	"testing"

	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"

	"github.com/cyberdiplo/cyberdiplo/internal/render"
)

// warm returns a reader at 200x60 with every page rendered.
func warm(b *testing.B) *Model {
	m := newTest(b, "en", "", 200, 60)
	for i := 0; i < len(m.ids); i++ {
		keys(m, "tab", "L", "L")
	}
	return m
}

// BenchmarkTabSwitchFrame: a tab switch to a rendered page, Update and View (target ≤ 1 ms).
func BenchmarkTabSwitchFrame(b *testing.B) {
	m := warm(b)
	k := press("tab")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(k)
		_ = m.View()
	}
}

// BenchmarkToggleFrame: the language toggle on a rendered page (target ≤ 1 ms).
func BenchmarkToggleFrame(b *testing.B) {
	m := warm(b)
	k := press("L")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(k)
		_ = m.View()
	}
}

// BenchmarkScrollFrame: one line down and the frame it produces.
func BenchmarkScrollFrame(b *testing.B) {
	m := warm(b)
	keys(m, "6") // the glossary, the longest page
	down, top := press("j"), press("g")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if m.offset() >= m.maxOffset() {
			m.Update(top)
		}
		m.Update(down)
		_ = m.View()
	}
}

// BenchmarkResizeRender: re-rendering the visible page after a resize to 120
// columns (pages are capped at 100), the largest page, uncached (target ≤ 10 ms).
func BenchmarkResizeRender(b *testing.B) {
	for _, id := range []string{"overview", "glossary"} {
		b.Run(id, func(b *testing.B) {
			p := testLib.Page("en", id)
			for i := 0; i < b.N; i++ {
				c := render.NewCache(1)
				if _, err := c.Render(p, min(120, render.MaxWidth), "dark"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkResizeFrame: the frame right after a resize, before the debounced
// re-render (the old render, cut to the new width).
func BenchmarkResizeFrame(b *testing.B) {
	m := warm(b)
	sizes := []tea.WindowSizeMsg{{Width: 120, Height: 40}, {Width: 200, Height: 60}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(sizes[i%2])
		_ = m.View()
	}
}
