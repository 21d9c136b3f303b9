package marks

import (
	"testing"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// full is a store with a mark on every English passage of the briefing (174
// today, under MaxMarks).
func full(b *testing.B) (*library.Library, *Store) {
	l, s := lib(b), New()
	for _, p := range l.Pages("en") {
		for i := range p.Blocks {
			s.Add(l, "en", p.ID, i, now)
		}
	}
	return l, s
}

// BenchmarkMarked is what the reader's margin asks for each page it draws.
func BenchmarkMarked(b *testing.B) {
	l, s := full(b)
	for b.Loop() {
		s.Marked(l, "it", "glossary")
	}
}

// BenchmarkList is the list of marks and the brief, resolved in the other language.
func BenchmarkList(b *testing.B) {
	l, s := full(b)
	for b.Loop() {
		s.List(l, "it", Reading)
	}
}

// BenchmarkToggle is the reader's m on a full store (Find goes through every mark).
func BenchmarkToggle(b *testing.B) {
	l, s := full(b)
	for b.Loop() {
		s.Toggle(l, "it", "un", 3, now)
	}
}
