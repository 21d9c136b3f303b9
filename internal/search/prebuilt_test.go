package search

import (
	"crypto/sha256"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

var writePrebuiltFile = flag.Bool("write-prebuilt", false, "write prebuilt.bin from the shipped content (go generate)")

// built is one language's index built from the text, with what the prebuilt
// file holds for it.
type built struct {
	lang  string
	pages []*library.Page
	li    *langIndex
	input [sha256.Size]byte
	data  string
}

// buildFresh builds each language's index of lib from its text, as New does
// without a prebuilt index.
func buildFresh(t *testing.T, lib *library.Library) ([]built, []concept) {
	t.Helper()
	noPrebuilt.Store(true)
	defer noPrebuilt.Store(false)
	cs := concepts(lib)
	var out []built
	for _, lang := range library.Languages() {
		pages := lib.Pages(lang)
		if len(pages) == 0 {
			continue
		}
		li := buildLang(lang, pages, cs)
		data, err := encodeLang(li, pages)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		out = append(out, built{lang, pages, li, inputDigest(lang, pages, cs), data})
	}
	return out, cs
}

// sameIndex reports whether two indexes of a language are the same, field for
// field (the analyzer, functions, by its language).
func sameIndex(a, b *langIndex) bool {
	x, y := *a, *b
	if x.an.lang != y.an.lang {
		return false
	}
	x.an, y.an = analyzer{}, analyzer{}
	return reflect.DeepEqual(x, y)
}

// TestPrebuilt: prebuilt.bin is what go generate writes now from the shipped
// content (so it is reproducible and not stale), the index New takes from it is
// the one it would build, field for field, and other content is built from its
// text. With -write-prebuilt it writes the file.
func TestPrebuilt(t *testing.T) {
	if strconv.IntSize != 64 || !littleEndian() {
		t.Skip("prebuilt.bin is written for 64-bit little-endian platforms; here the index is built")
	}
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	fresh, cs := buildFresh(t, lib)
	var langs []string
	var inputs [][sha256.Size]byte
	var data []string
	for _, b := range fresh {
		langs, inputs, data = append(langs, b.lang), append(inputs, b.input), append(data, b.data)
	}
	file := writePrebuilt(langs, inputs, data)
	if *writePrebuiltFile {
		if err := os.WriteFile("prebuilt.bin", file, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(file) != prebuiltBlob {
		t.Fatalf("prebuilt.bin (%d bytes) is not what go generate writes now (%d bytes): the content or the code of the index changed; run go generate ./internal/search", len(prebuiltBlob), len(file))
	}
	again, _ := buildFresh(t, lib)
	for i, b := range again {
		if b.data != fresh[i].data || b.input != fresh[i].input {
			t.Fatalf("%s: two builds of the same content encode differently: the file is not reproducible", b.lang)
		}
	}
	for _, b := range fresh {
		li := prebuiltLang(b.lang, b.pages, cs)
		if li == nil {
			t.Fatalf("%s: the prebuilt index is not used for the shipped content", b.lang)
		}
		if !sameIndex(li, b.li) {
			t.Errorf("%s: the prebuilt index differs from the one built from the text", b.lang)
		}
		// Where the file's arrays are not aligned in memory, they are copied.
		moved := ("x" + prebuiltLangs()[b.lang].data)[1:]
		if li, err := decodeLang(moved, b.lang, b.pages); err != nil || !sameIndex(li, b.li) {
			t.Errorf("%s: the prebuilt index, unaligned, differs from the one built from the text (%v)", b.lang, err)
		}
	}
}

// TestPrebuiltOtherContent: content other than the shipped one (a sentence
// added to an English page) is indexed from its text: the new word is found on
// that page; the Italian pages, unchanged, are taken from the prebuilt index.
func TestPrebuiltOtherContent(t *testing.T) {
	src := content.FS()
	pages, err := fs.Glob(src, "en/*.md")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no English pages: %v", err)
	}
	edited := pages[len(pages)-1]
	out := fstest.MapFS{}
	err = fs.WalkDir(src, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, path)
		if path == edited {
			data = append(data, "\n\nZanzibarville hosts no cyber talks.\n"...)
		}
		out[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	lib, err := library.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	cs := concepts(lib)
	if prebuiltLang("en", lib.Pages("en"), cs) != nil {
		t.Fatal("the prebuilt index is taken for edited content")
	}
	if prebuiltLang("it", lib.Pages("it"), cs) == nil {
		t.Error("the prebuilt Italian index is not taken, though the Italian pages are those shipped (or prebuilt.bin is stale: see TestPrebuilt)")
	}
	ix := New(lib)
	id := strings.TrimSuffix(strings.TrimPrefix(edited, "en/"), ".md")
	if hits := ix.Search("zanzibarville", Options{Lang: "en"}); len(hits) == 0 || hits[0].Page != id {
		t.Errorf("the word added to %s is not found there: %v", edited, hits)
	}
	fresh, _ := buildFresh(t, lib)
	for i, li := range ix.langs {
		c := *li
		c.pos = nil // set by New, not by buildLang
		if !sameIndex(&c, fresh[i].li) {
			t.Errorf("%s: New's index differs from a build", li.lang)
		}
	}
}

// TestPrebuiltSources: the code digest holds every source file of the package
// but the tests and the stem table (a file left out could change the index
// without making prebuilt.bin stale).
func TestPrebuiltSources(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := fs.Glob(sourceFiles, "*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "stemtable.go" {
			continue
		}
		if !slices.Contains(embedded, f) {
			t.Errorf("%s is not in the code digest: add it to the go:embed lines of sourceFiles (prebuilt.go)", f)
		}
	}
}
