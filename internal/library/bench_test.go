package library

import (
	"testing"

	"github.com/cyberdiplo/cyberdiplo/content"
)

// BenchmarkLoad: reading the embedded content, on the path to the first frame.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(content.FS()); err != nil {
			b.Fatal(err)
		}
	}
}
