package library

import (
	"testing"

	"github.com/cyberdiplo/cyberdiplo/content"
)

// BenchmarkLoad: reading the embedded content and the model of the page a reader
// opens on, the path to the first frame.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		lib, err := Load(content.FS())
		if err != nil {
			b.Fatal(err)
		}
		lib.Page("en", "un")
	}
}

// BenchmarkLoadAll: reading the embedded content with every page's model, in
// both languages (what a start paid before the models were parsed on demand).
func BenchmarkLoadAll(b *testing.B) {
	for i := 0; i < b.N; i++ {
		lib, err := Load(content.FS())
		if err != nil {
			b.Fatal(err)
		}
		lib.Pages("en")
		lib.Pages("it")
	}
}
