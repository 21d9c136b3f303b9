package search

import (
	"crypto/sha256"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

//go:generate go test -run ^TestPrebuilt$ -args -write-prebuilt

// The prebuilt index.
//
// Building the index of the shipped briefing takes some milliseconds, at
// start-up and on every CLI search; loading it takes a fifth of that. So go
// generate writes each language's index of the shipped content (the langIndex
// buildLang returns, field for field) into prebuilt.bin, embedded in the
// binary, and buildLang loads it instead of building when it is for the same
// input and the same code:
//
//   - the same input: a digest of what buildLang is given, the pages' document
//     models (every exported field: their text, sections, blocks, links) and the
//     concepts, is the one the file was made for. Other content (--content DIR,
//     text edited since) has another digest and is built as before.
//   - the same code: a digest of this package's source files (the tests and the
//     stem table, which changes the speed of a build, never its result, left
//     out) is the one the file was made with. A change to the code that builds
//     the index, or to the file's format, makes the file stale: the index is
//     built, never taken from a file the code would no longer write. Code of
//     other packages the build calls (library.Fold, the Snowball stemmers) is
//     not in the digest: TestPrebuilt catches a change there.
//
// A stale file costs speed, never a different index. TestPrebuilt fails when the
// file is not what go generate would write now (stale, or not reproducible), or
// when what it loads differs from a build.
//
// The index loaded keeps its raw arrays (postings, the words of each section)
// where they are in the file, in read-only memory: nothing writes to an index
// after New.

// prebuiltFormat names the encoding: part of the code digest.
const prebuiltFormat = "cyberdiplo search prebuilt index 1"

//go:embed prebuilt.bin
var prebuiltBlob string

// sourceFiles are this package's source files but the tests and the stem
// table, for the code digest. TestPrebuiltSources fails when one is missing.
//
//go:embed analyze.go answer.go answerrank.go everyday.go group.go hit.go index.go marks.go
//go:embed prebuilt.go query.go search.go stems.go stopwords.go suggest.go tokenize.go typo.go
var sourceFiles embed.FS

// noPrebuilt makes buildLang build even when the prebuilt index would do
// (tests: the build it is checked against).
var noPrebuilt atomic.Bool

// prebuiltEntry is one language's index in the prebuilt file.
type prebuiltEntry struct {
	input [sha256.Size]byte // digest of buildLang's input (inputDigest)
	data  string            // the encoded langIndex
}

// codeDigest is the digest of the code that writes and reads the prebuilt index:
// the format, the platform's layout of the raw arrays, and sourceFiles, by name.
var codeDigest = sync.OnceValue(func() [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%v\x00", prebuiltFormat, strconv.IntSize, littleEndian())
	names, _ := fs.Glob(sourceFiles, "*.go")
	slices.Sort(names)
	for _, n := range names {
		data, _ := sourceFiles.ReadFile(n)
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(data))
		h.Write(data)
	}
	var d [sha256.Size]byte
	h.Sum(d[:0])
	return d
})

func littleEndian() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}

// prebuiltLangs returns the entries of the embedded file by language; none when
// it was written by other code (or is empty or damaged).
var prebuiltLangs = sync.OnceValue(func() map[string]prebuiltEntry {
	out, err := parsePrebuilt(prebuiltBlob, codeDigest())
	if err != nil {
		return nil
	}
	return out
})

// The file: the code digest, then per language its name, input digest and
// encoded index (each a length and its bytes).
func parsePrebuilt(blob string, code [sha256.Size]byte) (map[string]prebuiltEntry, error) {
	d := &decoder{s: blob}
	if d.take(sha256.Size) != string(code[:]) {
		return nil, errStale
	}
	out := map[string]prebuiltEntry{}
	for n := d.uvarint(); n > 0 && d.err == nil; n-- {
		lang := d.str()
		var e prebuiltEntry
		copy(e.input[:], d.take(sha256.Size))
		for d.off < len(d.s) && d.s[d.off] == 0 {
			d.off++ // padding
		}
		d.take(1)
		e.data = d.str()
		out[lang] = e
	}
	return out, d.err
}

// writePrebuilt returns the file for the given languages' inputs and indexes.
func writePrebuilt(langs []string, inputs [][sha256.Size]byte, data []string) []byte {
	code := codeDigest()
	e := &encoder{buf: append([]byte(nil), code[:]...)}
	e.uvarint(uint64(len(langs)))
	for i, lang := range langs {
		e.str(lang)
		e.buf = append(e.buf, inputs[i][:]...)
		// Each language's index starts at a multiple of rawAlign, so that its raw
		// arrays are aligned in the file.
		size := len(binary.AppendUvarint(nil, uint64(len(data[i]))))
		for (len(e.buf)+1+size)%rawAlign != 0 {
			e.buf = append(e.buf, 0)
		}
		e.buf = append(e.buf, 1) // the end of the padding
		e.str(data[i])
	}
	return e.buf
}

var errStale = errors.New("prebuilt index: other code")

// prebuiltLang returns the prebuilt index of a language for these pages and
// concepts, or nil when there is none for them (buildLang builds it then).
func prebuiltLang(lang string, pages []*library.Page, cs []concept) *langIndex {
	if noPrebuilt.Load() {
		return nil
	}
	e, ok := prebuiltLangs()[lang]
	if !ok || inputDigest(lang, pages, cs) != e.input {
		return nil
	}
	li, err := decodeLang(e.data, lang, pages)
	if err != nil {
		return nil
	}
	return li
}

// inputDigest is the digest of buildLang's input: the language, every exported
// field of its pages but their Markdown (the document model as the build reads
// it, whatever of it the build reads; the Markdown is read through the model)
// and every field of the concepts.
func inputDigest(lang string, pages []*library.Page, cs []concept) [sha256.Size]byte {
	w := &digester{h: sha256.New()}
	w.str(lang)
	dig := inputDigesters()
	dig[0](w, unsafe.Pointer(&pages))
	dig[1](w, unsafe.Pointer(&cs))
	w.h.Write(w.buf[:w.n])
	var d [sha256.Size]byte
	w.h.Sum(d[:0])
	return d
}

// ownPkg is this package's path: its types' unexported fields are input too.
var ownPkg = reflect.TypeFor[concept]().PkgPath()

// digestChunk is how much the digester gathers before it hashes.
const digestChunk = 8 << 10

// digester hashes a value's content, deterministically. It gathers what it
// hashes in buf, up to n (a fixed array: no slice is stored at every write).
type digester struct {
	h   hash.Hash
	n   int
	buf [digestChunk]byte
}

// write adds b to what is hashed.
func (w *digester) write(b []byte) {
	if w.n+len(b) > len(w.buf) {
		w.h.Write(w.buf[:w.n])
		w.n = 0
		if len(b) > len(w.buf) {
			w.h.Write(b)
			return
		}
	}
	w.n += copy(w.buf[w.n:], b)
}

func (w *digester) byte(b byte) {
	if w.n == len(w.buf) {
		w.h.Write(w.buf[:w.n])
		w.n = 0
	}
	w.buf[w.n] = b
	w.n++
}

func (w *digester) uvarint(x uint64) {
	if w.n+binary.MaxVarintLen64 > len(w.buf) {
		w.h.Write(w.buf[:w.n])
		w.n = 0
	}
	w.n += binary.PutUvarint(w.buf[w.n:], x)
}

// digestFields lists, per struct type, the fields that are input.
var digestFields sync.Map // reflect.Type -> []int

func fieldsOf(t reflect.Type) []int {
	if f, ok := digestFields.Load(t); ok {
		return f.([]int)
	}
	own := t.PkgPath() == ownPkg
	var out []int
	for i := range t.NumField() {
		f := t.Field(i)
		if own || f.IsExported() && !(t == typPageStruct && f.Name == "Body") {
			out = append(out, i)
		}
	}
	digestFields.Store(t, out)
	return out
}

var typPageStruct = reflect.TypeFor[library.Page]()

func (w *digester) str(s string) {
	w.uvarint(uint64(len(s)))
	w.write(unsafe.Slice(unsafe.StringData(s), len(s))) // read only
}

// digestFn hashes the value of its type at p.
type digestFn func(w *digester, p unsafe.Pointer)

// inputDigesters hash buildLang's input (its pages, its concepts): made once,
// from the types.
var inputDigesters = sync.OnceValue(func() [2]digestFn {
	return [2]digestFn{digesterFor(reflect.TypeFor[[]*library.Page]()), digesterFor(reflect.TypeFor[[]concept]())}
})

// digesterFor returns the digester of values of type t.
func digesterFor(t reflect.Type) digestFn {
	switch t.Kind() {
	case reflect.Bool:
		return func(w *digester, p unsafe.Pointer) {
			if *(*bool)(p) {
				w.byte(1)
			} else {
				w.byte(0)
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		size := int(t.Size())
		return func(w *digester, p unsafe.Pointer) { w.write(unsafe.Slice((*byte)(p), size)) }
	case reflect.String:
		return func(w *digester, p unsafe.Pointer) { w.str(*(*string)(p)) }
	case reflect.Slice:
		size := t.Elem().Size()
		var elem digestFn
		var once sync.Once // a type may hold a slice of itself
		return func(w *digester, p unsafe.Pointer) {
			// A slice is its array, length and capacity, in that order.
			base, n := *(*unsafe.Pointer)(p), *(*int)(unsafe.Add(p, unsafe.Sizeof(uintptr(0))))
			if base == nil {
				w.byte(0)
				return
			}
			once.Do(func() { elem = digesterFor(t.Elem()) })
			w.uvarint(uint64(n) + 1)
			for i := range n {
				elem(w, unsafe.Add(base, uintptr(i)*size))
			}
		}
	case reflect.Array:
		elem, size, n := digesterFor(t.Elem()), t.Elem().Size(), t.Len()
		return func(w *digester, p unsafe.Pointer) {
			for i := range n {
				elem(w, unsafe.Add(p, uintptr(i)*size))
			}
		}
	case reflect.Struct:
		type field struct {
			off uintptr
			dig digestFn
		}
		var fields []field
		for _, i := range fieldsOf(t) {
			f := t.Field(i)
			fields = append(fields, field{f.Offset, digesterFor(f.Type)})
		}
		return func(w *digester, p unsafe.Pointer) {
			for _, f := range fields {
				f.dig(w, unsafe.Add(p, f.off))
			}
		}
	case reflect.Map:
		key, elem := digesterFor(t.Key()), digesterFor(t.Elem())
		return func(w *digester, p unsafe.Pointer) {
			m := reflect.NewAt(t, p).Elem()
			if m.IsNil() {
				w.byte(0)
				return
			}
			w.uvarint(uint64(m.Len()) + 1)
			keys := m.MapKeys()
			slices.SortFunc(keys, compareKeys)
			k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			for _, kv := range keys {
				k.Set(kv)
				e.Set(m.MapIndex(kv))
				key(w, k.Addr().UnsafePointer())
				elem(w, e.Addr().UnsafePointer())
			}
		}
	case reflect.Pointer:
		var elem digestFn
		var once sync.Once // a type may point to itself
		return func(w *digester, p unsafe.Pointer) {
			q := *(*unsafe.Pointer)(p)
			if q == nil {
				w.byte(0)
				return
			}
			once.Do(func() { elem = digesterFor(t.Elem()) })
			w.byte(1)
			elem(w, q)
		}
	}
	// Functions, channels, interfaces: not hashed. No content is held so (a
	// page's lazy parse and link colours are unexported state, not reached).
	return func(w *digester, _ unsafe.Pointer) { w.byte(0xff) }
}

// compareKeys orders map keys of a basic kind.
func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.String:
		return strings.Compare(a.String(), b.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return compareOrdered(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return compareOrdered(a.Uint(), b.Uint())
	}
	panic("prebuilt index: map key of kind " + a.Kind().String())
}

func compareOrdered[T int64 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// The encoding of a langIndex: every field, in order, but the analyzer (functions;
// the language's own is set again). Integers are varints, strings and slices a
// length and their contents, nil slices and maps 0 (else length+1), map
// entries by key order, a page its index in the language's pages. Slices and
// arrays of raw values (fixed-size numbers, structs of them without padding)
// are their memory, as this platform lays it out (the code digest holds the
// platform's word size and byte order).

var (
	typAnalyzer = reflect.TypeFor[analyzer]()
	typPage     = reflect.TypeFor[*library.Page]()
)

// isRaw reports whether values of t are raw: fixed-size numbers and bools,
// arrays and structs of them, without padding.
func isRaw(t reflect.Type) bool {
	if r, ok := rawTypes.Load(t); ok {
		return r.(bool)
	}
	r := rawType(t)
	rawTypes.Store(t, r)
	return r
}

var rawTypes sync.Map // reflect.Type -> bool

func rawType(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	case reflect.Array:
		return isRaw(t.Elem())
	case reflect.Struct:
		var size uintptr
		for i := range t.NumField() {
			if !isRaw(t.Field(i).Type) {
				return false
			}
			size += t.Field(i).Type.Size()
		}
		return size == t.Size()
	}
	return false
}

// rawBytes returns the memory of n values of type t at p.
func rawBytes(p unsafe.Pointer, t reflect.Type, n int) []byte {
	if n == 0 || t.Size() == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(p), uintptr(n)*t.Size())
}

// settable returns v (a field, perhaps unexported) as a value that can be set.
func settable(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

type encoder struct {
	buf   []byte
	pages map[*library.Page]int
}

func (e *encoder) uvarint(x uint64) { e.buf = binary.AppendUvarint(e.buf, x) }

// pad writes a count of zero bytes, and them, so that what follows starts at a
// multiple of rawAlign: the decoder can take a raw array where it is.
func (e *encoder) pad() {
	n := (rawAlign - (len(e.buf)+1)%rawAlign) % rawAlign
	e.buf = append(e.buf, byte(n))
	e.buf = append(e.buf, make([]byte, n)...)
}

// rawAlign is the alignment of raw arrays in the file, from its start: enough
// for any raw value.
const rawAlign = 8

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// encodeLang encodes li, whose docs are of pages.
func encodeLang(li *langIndex, pages []*library.Page) (string, error) {
	e := &encoder{pages: map[*library.Page]int{}}
	for i, p := range pages {
		e.pages[p] = i
	}
	if err := e.value(reflect.ValueOf(li).Elem()); err != nil {
		return "", err
	}
	return string(e.buf), nil
}

func (e *encoder) value(v reflect.Value) error {
	t := v.Type()
	if t.Kind() != reflect.Slice && isRaw(t) {
		if !v.CanAddr() { // a map's key or value
			c := reflect.New(t).Elem()
			c.Set(v)
			v = c
		}
		e.buf = append(e.buf, rawBytes(unsafe.Pointer(v.UnsafeAddr()), t, 1)...)
		return nil
	}
	switch t.Kind() {
	case reflect.Int:
		e.buf = binary.AppendVarint(e.buf, v.Int())
	case reflect.Uint:
		e.uvarint(v.Uint())
	case reflect.String:
		e.str(v.String())
	case reflect.Slice:
		if v.IsNil() {
			e.uvarint(0)
			return nil
		}
		e.uvarint(uint64(v.Len()) + 1)
		if isRaw(t.Elem()) {
			e.pad()
			e.buf = append(e.buf, rawBytes(v.UnsafePointer(), t.Elem(), v.Len())...)
			return nil
		}
		for i := range v.Len() {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).Type == typAnalyzer {
				continue
			}
			if err := e.value(settable(v.Field(i))); err != nil {
				return fmt.Errorf("%s.%s: %w", t.Name(), t.Field(i).Name, err)
			}
		}
	case reflect.Map:
		if v.IsNil() {
			e.uvarint(0)
			return nil
		}
		e.uvarint(uint64(v.Len()) + 1)
		keys := v.MapKeys()
		slices.SortFunc(keys, compareKeys)
		for _, k := range keys {
			if err := e.value(k); err != nil {
				return err
			}
			if err := e.value(v.MapIndex(k)); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		if t != typPage {
			return fmt.Errorf("cannot encode a %s", t)
		}
		if v.IsNil() {
			e.uvarint(0)
			return nil
		}
		i, ok := e.pages[(*library.Page)(v.UnsafePointer())]
		if !ok {
			return errors.New("a page not among the language's pages")
		}
		e.uvarint(uint64(i) + 1)
	default:
		return fmt.Errorf("cannot encode a %s", t)
	}
	return nil
}

type decoder struct {
	s     string
	off   int
	pages []*library.Page
	err   error
	// aligned: s starts at a multiple of rawAlign in memory, so its raw arrays
	// are aligned and may be used where they are.
	aligned bool
	// The small slices of strings are cut from this, a few allocations for
	// thousands.
	strs []string
}

const arenaSize = 4096

func (d *decoder) strings(n int) []string {
	if cap(d.strs)-len(d.strs) < n {
		d.strs = make([]string, 0, max(n, arenaSize/4))
	}
	s := d.strs[len(d.strs) : len(d.strs)+n : len(d.strs)+n]
	d.strs = d.strs[:len(d.strs)+n]
	return s
}

var errShort = errors.New("prebuilt index: truncated")

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.off = len(d.s)
}

func (d *decoder) byte() byte {
	if d.off >= len(d.s) {
		d.fail(errShort)
		return 0
	}
	d.off++
	return d.s[d.off-1]
}

func (d *decoder) take(n int) string {
	if n < 0 || n > len(d.s)-d.off {
		d.fail(errShort)
		return ""
	}
	s := d.s[d.off : d.off+n]
	d.off += n
	return s
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); d.off < len(d.s) && shift < 64; shift += 7 {
		b := d.s[d.off]
		d.off++
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x
		}
	}
	d.fail(errShort)
	return 0
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// length reads a length of a slice or map: -1 for nil.
func (d *decoder) length() int {
	n := d.uvarint()
	if n > uint64(len(d.s)) { // each element takes a byte at least
		d.fail(errShort)
		return -1
	}
	return int(n) - 1
}

func (d *decoder) str() string { return d.take(int(min(d.uvarint(), uint64(len(d.s))))) }

// decodeLang decodes the index of lang from data, its docs of pages.
func decodeLang(data, lang string, pages []*library.Page) (li *langIndex, err error) {
	defer func() {
		if r := recover(); r != nil {
			li, err = nil, fmt.Errorf("prebuilt index: %v", r)
		}
	}()
	d := &decoder{s: data, pages: pages, aligned: uintptr(unsafe.Pointer(unsafe.StringData(data)))%rawAlign == 0}
	li = &langIndex{}
	langDecoder()(d, unsafe.Pointer(li))
	if d.err == nil && d.off != len(d.s) {
		d.err = errors.New("prebuilt index: trailing data")
	}
	if d.err != nil || li.lang != lang {
		return nil, errors.Join(d.err, errStale)
	}
	li.an = analyzerFor(lang)
	return li, nil
}

// decodeFn decodes a value into the memory at p, of the type it was made for.
type decodeFn func(d *decoder, p unsafe.Pointer)

// langDecoder decodes a langIndex: made once, from the type, as the encoder
// walks it (see encoder.value).
var langDecoder = sync.OnceValue(func() decodeFn { return decoderFor(reflect.TypeFor[langIndex]()) })

// decoderFor returns the decoder of values of type t.
func decoderFor(t reflect.Type) decodeFn {
	if t.Kind() != reflect.Slice && isRaw(t) {
		size := int(t.Size())
		return func(d *decoder, p unsafe.Pointer) {
			copy(unsafe.Slice((*byte)(p), size), d.take(size))
		}
	}
	switch t.Kind() {
	case reflect.Int:
		return func(d *decoder, p unsafe.Pointer) { *(*int)(p) = int(d.varint()) }
	case reflect.Uint:
		return func(d *decoder, p unsafe.Pointer) { *(*uint)(p) = uint(d.uvarint()) }
	case reflect.String:
		return func(d *decoder, p unsafe.Pointer) { *(*string)(p) = d.str() }
	case reflect.Slice:
		return sliceDecoder(t)
	case reflect.Array:
		elem, size, n := decoderFor(t.Elem()), t.Elem().Size(), t.Len()
		return func(d *decoder, p unsafe.Pointer) {
			for i := range n {
				elem(d, unsafe.Add(p, uintptr(i)*size))
			}
		}
	case reflect.Struct:
		type field struct {
			off uintptr
			dec decodeFn
		}
		var fields []field
		for i := range t.NumField() {
			if f := t.Field(i); f.Type != typAnalyzer {
				fields = append(fields, field{f.Offset, decoderFor(f.Type)})
			}
		}
		return func(d *decoder, p unsafe.Pointer) {
			for _, f := range fields {
				f.dec(d, unsafe.Add(p, f.off))
			}
		}
	case reflect.Map:
		return mapDecoder(t)
	case reflect.Pointer:
		if t == typPage {
			return func(d *decoder, p unsafe.Pointer) {
				i := d.uvarint()
				switch {
				case i == 0:
					*(**library.Page)(p) = nil
				case i > uint64(len(d.pages)):
					d.fail(errors.New("prebuilt index: no such page"))
				default:
					*(**library.Page)(p) = d.pages[i-1]
				}
			}
		}
	}
	return func(d *decoder, _ unsafe.Pointer) { d.fail(fmt.Errorf("prebuilt index: a %s", t)) }
}

func sliceDecoder(t reflect.Type) decodeFn {
	et := t.Elem()
	switch {
	case isRaw(et):
		size, align := int(et.Size()), uintptr(et.Align())
		int32s := t == reflect.TypeFor[[]int32]()
		return func(d *decoder, p unsafe.Pointer) {
			n := d.length()
			if n < 0 {
				return
			}
			d.take(int(d.byte())) // padding
			raw := d.take(n * size)
			if d.err != nil {
				return
			}
			// The array where it is in the file, read-only memory (the index is
			// never written after New); a copy when the file is not aligned.
			if at := unsafe.Pointer(unsafe.StringData(raw)); n > 0 && d.aligned && uintptr(at)%align == 0 {
				if int32s {
					*(*[]int32)(p) = unsafe.Slice((*int32)(at), n) // most are: without reflect's allocation
				} else {
					reflect.NewAt(t, p).Elem().Set(reflect.SliceAt(et, at, n))
				}
				return
			}
			s := reflect.MakeSlice(t, n, n)
			copy(unsafe.Slice((*byte)(s.UnsafePointer()), n*size), raw)
			reflect.NewAt(t, p).Elem().Set(s)
		}
	case et.Kind() == reflect.String:
		return func(d *decoder, p unsafe.Pointer) {
			n := d.length()
			if n < 0 {
				return
			}
			var s []string
			if n < arenaSize/16 {
				s = d.strings(n)
			} else {
				s = make([]string, n)
			}
			for i := range s {
				s[i] = d.str()
			}
			*(*[]string)(p) = s
		}
	}
	elem, size := decoderFor(et), et.Size()
	return func(d *decoder, p unsafe.Pointer) {
		n := d.length()
		if n < 0 {
			return
		}
		s := reflect.MakeSlice(t, n, n)
		base := s.UnsafePointer()
		for i := range n {
			elem(d, unsafe.Add(base, uintptr(i)*size))
		}
		reflect.NewAt(t, p).Elem().Set(s)
	}
}

func mapDecoder(t reflect.Type) decodeFn {
	if t == reflect.TypeFor[map[string]int32]() {
		return func(d *decoder, p unsafe.Pointer) {
			n := d.length()
			if n < 0 {
				return
			}
			m := make(map[string]int32, n)
			for range n {
				k := d.str()
				var x int32
				copy(unsafe.Slice((*byte)(unsafe.Pointer(&x)), 4), d.take(4))
				m[k] = x
			}
			*(*map[string]int32)(p) = m
		}
	}
	if t == reflect.TypeFor[map[string][]int32]() {
		elem := sliceDecoder(t.Elem())
		return func(d *decoder, p unsafe.Pointer) {
			n := d.length()
			if n < 0 {
				return
			}
			m := make(map[string][]int32, n)
			var x []int32 // one, not one a key
			for range n {
				k := d.str()
				x = nil // what a nil slice leaves
				elem(d, unsafe.Pointer(&x))
				m[k] = x
			}
			*(*map[string][]int32)(p) = m
		}
	}
	key, elem := decoderFor(t.Key()), decoderFor(t.Elem())
	return func(d *decoder, p unsafe.Pointer) {
		n := d.length()
		if n < 0 {
			return
		}
		m := reflect.MakeMapWithSize(t, n)
		k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		for range n {
			key(d, k.Addr().UnsafePointer())
			e.SetZero()
			elem(d, e.Addr().UnsafePointer())
			m.SetMapIndex(k, e)
		}
		reflect.NewAt(t, p).Elem().Set(m)
	}
}
