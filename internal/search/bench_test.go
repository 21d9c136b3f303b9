package search

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Targets (issue 12): a query on the shipped content in at most 1 ms at the median,
// typo tolerance on; at most 20 ms on a content 100 times larger; the index built
// in at most 5 ms; a query of 10,000 characters in at most 50 ms.
//
//	go test ./internal/search -run '^$' -bench . -benchtime 20x

// evalQueries returns the queries of the evaluation set with their languages.
func evalQueries(b *testing.B, lib *library.Library) []evalCase {
	b.Helper()
	cases := readEval(b, lib)
	if len(cases) == 0 {
		b.Fatal("no queries")
	}
	return cases
}

// runQueries times every query of cases once per iteration and reports the median
// and the 90th percentile of one query, in microseconds.
func runQueries(b *testing.B, ix *Index, cases []evalCase) {
	var times []time.Duration
	for b.Loop() {
		for _, c := range cases {
			t0 := time.Now()
			ix.Search(c.query, Options{Lang: c.lang, AllLangs: true, Limit: 20})
			times = append(times, time.Since(t0))
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds())/1e3, "p50-µs/query")
	b.ReportMetric(float64(times[len(times)*9/10].Nanoseconds())/1e3, "p90-µs/query")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkQuery runs the evaluation set's queries (typos among them) on the
// shipped content.
func BenchmarkQuery(b *testing.B) {
	lib, ix := embedded(b)
	runQueries(b, ix, evalQueries(b, lib))
}

// copyPage returns a page file as copy k: its front matter's id and order
// changed, and its links to pages pointing at copy k of them (ids lists the page
// ids). Front matter lines are replaced whole; links by their "](id.md" opening.
func copyPage(data []byte, id string, k int, ids []string) []byte {
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		switch {
		case k > 0 && strings.HasPrefix(l, "id: "):
			lines[i] = "id: " + id
		case strings.HasPrefix(l, "order: "):
			var o int
			fmt.Sscanf(l, "order: %d", &o) //nolint:errcheck
			lines[i] = fmt.Sprintf("order: %d", k*10+o)
		}
	}
	out := strings.Join(lines, "\n")
	if k > 0 {
		var pairs []string
		for _, pid := range ids {
			pairs = append(pairs, "]("+pid+".md", fmt.Sprintf("](%s-%d.md", pid, k))
		}
		out = strings.NewReplacer(pairs...).Replace(out)
	}
	return []byte(out)
}

// scaled returns the embedded content copied n times, each copy of a page with its
// own id (the first copy keeps the real ones, so the term base still applies) and
// tab position.
func scaled(b *testing.B, n int) *library.Library {
	b.Helper()
	src := content.FS()
	files, err := fs.Glob(src, "*/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no embedded content: %v", err)
	}
	var ids []string
	for _, f := range files {
		if strings.HasPrefix(f, "en/") {
			ids = append(ids, f[3:len(f)-3])
		}
	}
	out := fstest.MapFS{}
	for _, name := range []string{library.SourcesFile, library.TermsFile} {
		if data, err := fs.ReadFile(src, name); err == nil {
			out[name] = &fstest.MapFile{Data: data}
		}
	}
	for _, f := range files {
		data, err := fs.ReadFile(src, f)
		if err != nil {
			b.Fatal(err)
		}
		lang, name := f[:2], f[3:len(f)-3]
		for k := 0; k < n; k++ {
			id := name
			if k > 0 {
				id = fmt.Sprintf("%s-%d", name, k)
			}
			out[lang+"/"+id+".md"] = &fstest.MapFile{Data: copyPage(data, id, k, ids)}
		}
	}
	lib, err := library.Load(out)
	if err != nil {
		b.Fatal(err)
	}
	return lib
}

// BenchmarkQueryScaled runs the evaluation set on the content copied 1, 10 and
// 100 times, and the worst query: common words matching nearly every section.
func BenchmarkQueryScaled(b *testing.B) {
	lib, _ := embedded(b)
	cases := evalQueries(b, lib)
	for _, n := range []int{1, 10, 100} {
		slib := scaled(b, n)
		ix := New(slib)
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			runQueries(b, ix, cases)
		})
		b.Run(fmt.Sprintf("%dx-common-words", n), func(b *testing.B) {
			var hits int
			for b.Loop() {
				hits = len(ix.Search("cyber security of italy's diplomacy", Options{Lang: "en", AllLangs: true, Limit: 20}))
			}
			b.ReportMetric(float64(hits), "hits")
		})
	}
}

// BenchmarkNew builds the index of the shipped content: it is on the path to the
// reader's first frame. It is loaded from the prebuilt index (prebuilt.go);
// BenchmarkNewFromText builds it from the text, as for other content.
func BenchmarkNew(b *testing.B) {
	lib, err := library.Load(content.FS())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		New(lib)
	}
}

// BenchmarkNewFromText builds the index of the shipped content from its text,
// as New does for content the prebuilt index is not for (--content DIR).
func BenchmarkNewFromText(b *testing.B) {
	lib, err := library.Load(content.FS())
	if err != nil {
		b.Fatal(err)
	}
	noPrebuilt.Store(true)
	defer noPrebuilt.Store(false)
	for b.Loop() {
		New(lib)
	}
}

// BenchmarkLongQuery searches with a query of 10,000 characters: pasted text.
func BenchmarkLongQuery(b *testing.B) {
	lib, ix := embedded(b)
	var sb strings.Builder
	for sb.Len() < 10000 {
		for _, p := range lib.Pages("en") {
			sb.WriteString(p.Body)
		}
	}
	for name, q := range map[string]string{
		"text":    sb.String()[:10000],
		"letters": strings.Repeat("resilenca ", 1000),
		"one":     strings.Repeat("x", 10000),
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				ix.Search(q, Options{Lang: "en", AllLangs: true, Limit: 50})
			}
		})
	}
}
