package search

import (
	"fmt"
	"io/fs"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

var benchQueries = []string{"oewg", "attivita", "CBM 14", "12 March", "pledge"}

func BenchmarkSearch(b *testing.B) {
	ix := embedded(b)
	for _, q := range benchQueries {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				ix.Search(q, Options{Lang: "en", AllLangs: true, Limit: 20})
			}
		})
	}
}

var (
	idRE    = regexp.MustCompile(`(?m)^id: .*$`)
	orderRE = regexp.MustCompile(`(?m)^order: .*$`)
)

// scaled returns the embedded content copied n times, each copy of a page with its
// own id and tab position.
func scaled(b *testing.B, n int) *library.Library {
	b.Helper()
	src := content.FS()
	files, err := fs.Glob(src, "*/*.md")
	if err != nil || len(files) == 0 {
		b.Skipf("no embedded content: %v", err)
	}
	out := fstest.MapFS{}
	for _, f := range files {
		data, err := fs.ReadFile(src, f)
		if err != nil {
			b.Fatal(err)
		}
		lang, name := f[:2], f[3:len(f)-3]
		for k := 0; k < n; k++ {
			id := fmt.Sprintf("%s-%d", name, k)
			d := idRE.ReplaceAll(data, []byte("id: "+id))
			d = orderRE.ReplaceAllFunc(d, func(m []byte) []byte {
				var o int
				fmt.Sscanf(string(m), "order: %d", &o)
				return fmt.Appendf(nil, "order: %d", k*10+o)
			})
			out[lang+"/"+id+".md"] = &fstest.MapFile{Data: d}
		}
	}
	lib, err := library.Load(out)
	if err != nil {
		b.Fatal(err)
	}
	return lib
}

func BenchmarkSearchScaled(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		ix := New(scaled(b, n))
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			b.ReportMetric(float64(len(ix.units)), "units")
			for b.Loop() {
				for _, q := range benchQueries {
					ix.Search(q, Options{Lang: "en", AllLangs: true, Limit: 20})
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchQueries)), "ns/query")
		})
		// The worst case: every hit, no limit, a common short prefix.
		b.Run(fmt.Sprintf("%dx-all-hits", n), func(b *testing.B) {
			var hits int
			for b.Loop() {
				hits = len(ix.Search("a", Options{Lang: "en", AllLangs: true}))
			}
			b.ReportMetric(float64(hits), "hits")
		})
	}
}

func BenchmarkNew(b *testing.B) {
	lib, err := library.Load(content.FS())
	if err != nil {
		b.Skipf("no embedded content: %v", err)
	}
	for b.Loop() {
		New(lib)
	}
}
