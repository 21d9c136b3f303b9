// Package marks keeps the passages a diplomat marks while reading, to take them
// into a meeting with their citations: the store (what is marked, kept in
// $XDG_STATE_HOME/cyberdiplo/marks.json), the resolution of a mark against the
// content of today, in either language (resolve.go), and the brief made of them
// (brief.go), which `cyberdiplo brief` prints and the reader copies.
//
// A mark names a passage as the reader's copy key copies it (cite.Block): one
// block, or a whole section when the block is its heading. It is kept by page,
// language, section anchor, block id and a hash of the passage's text, so that
// when the content changes a mark is shown as changed (its text is not what was
// marked) or gone (its section or block no longer exists), never moved to
// another passage.
package marks

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// The bounds of the store. A mark takes about 200 bytes in the file, so 200 marks
// fit in 40 KiB; a file larger than MaxFile is not ours and is refused unread.
const (
	MaxMarks = 200       // marks in a store
	MaxFile  = 256 << 10 // bytes of marks.json
	version  = 1         // the file's format
	maxID    = 64        // bytes of a page id
	maxAnch  = 256       // bytes of an anchor (as cli's maxAnchor)
	maxBlock = 2*9 + 1   // bytes of a block id: two numbers of up to 9 digits
	hashLen  = 16        // hex digits of a passage hash (64 bits)
	idChars  = "abcdefghijklmnopqrstuvwxyz0123456789-"
)

// Mark is one marked passage.
type Mark struct {
	Page   string    `json:"page"`   // page id ("un")
	Lang   string    `json:"lang"`   // the language it was marked in
	Anchor string    `json:"anchor"` // its section's anchor in Lang ("" for the untitled start of a page)
	Block  string    `json:"block"`  // its block's id in Lang ("2.3"; "2.0" is the heading: the whole section)
	Hash   string    `json:"hash"`   // Hash of the passage's text when it was marked
	Seq    int       `json:"seq"`    // the order marks were made in, from 1
	Made   time.Time `json:"made"`   // when it was made
}

// offset is the block's position in its section (the part of its id after the dot).
func (m Mark) offset() int {
	_, n, _ := strings.Cut(m.Block, ".")
	v, err := strconv.Atoi(n)
	if err != nil {
		return -1
	}
	return v
}

// Hash is the hash a mark keeps of its passage's text.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:hashLen/2])
}

// Store is a list of marks. It is one reader's (not safe for concurrent use):
// the command line loads it from a file and saves it back; the kiosk keeps one
// per session in memory only.
type Store struct {
	marks []Mark // in the order made
	next  int    // the next Seq
}

// New returns an empty store.
func New() *Store { return &Store{next: 1} }

// Len is the number of marks.
func (s *Store) Len() int { return len(s.marks) }

// Marks returns the marks in the order they were made (a copy).
func (s *Store) Marks() []Mark { return append([]Mark(nil), s.marks...) }

// Errors of Add and Toggle.
var (
	ErrNoPassage = errors.New("no passage there")
	ErrFull      = fmt.Errorf("at most %d marks", MaxMarks)
)

// passage is where a mark of block b of page (in lang) points: the page, and the
// block that stands for the passage cite.Block copies (a heading with nothing
// under it stands for the section that follows: its heading is the block kept).
func passage(lib *library.Library, lang, page string, b int) (*library.Page, int, bool) {
	p := lib.Page(lang, page)
	if p == nil || b < 0 || b >= len(p.Blocks) {
		return nil, -1, false
	}
	if p.Blocks[b].Kind == library.KindHeading {
		sec := cite.Block(p, b).Section
		if h := p.Sections[sec].Heading.Block; h >= 0 {
			b = h
		}
	}
	return p, b, true
}

// markOf is the mark of block b of p (b as passage returns it).
func markOf(p *library.Page, b int) Mark {
	blk := p.Blocks[b]
	return Mark{Page: p.ID, Lang: p.Lang, Anchor: anchorOf(p, blk.Section), Block: blk.ID,
		Hash: Hash(cite.Block(p, b).Text)}
}

// anchorOf is the anchor a mark keeps of section sec: "" for an untitled start.
func anchorOf(p *library.Page, sec int) string {
	if p.Sections[sec].Heading.Block < 0 {
		return ""
	}
	return p.Sections[sec].Heading.Anchor
}

// Find returns the index (in Marks) of the mark of block b of page in lang,
// whichever language it was made in, or -1.
func (s *Store) Find(lib *library.Library, lang, page string, b int) int {
	p, b, ok := passage(lib, lang, page, b)
	if !ok {
		return -1
	}
	for i, m := range s.marks {
		if m.Page != p.ID {
			continue
		}
		if q, qb, ok := counterpart(lib, m, lang); ok && q == p && qb == b {
			return i
		}
	}
	return -1
}

// Add marks block b of page in lang (a heading: its whole section). It returns
// the passage's page › heading and whether it was added (false: it was marked
// already). ErrNoPassage: there is no such block; ErrFull: MaxMarks are made.
func (s *Store) Add(lib *library.Library, lang, page string, b int, now time.Time) (string, bool, error) {
	p, b, ok := passage(lib, lang, page, b)
	if !ok {
		return "", false, ErrNoPassage
	}
	where := cite.Block(p, b).Where
	if s.Find(lib, lang, page, b) >= 0 {
		return where, false, nil
	}
	if len(s.marks) >= MaxMarks {
		return where, false, ErrFull
	}
	m := markOf(p, b)
	m.Seq, m.Made = s.seq(), now.UTC().Truncate(time.Second)
	s.marks = append(s.marks, m)
	return where, true, nil
}

// Toggle marks block b of page in lang, or unmarks it when it is marked. It
// returns the passage's page › heading and whether it is marked now.
func (s *Store) Toggle(lib *library.Library, lang, page string, b int, now time.Time) (string, bool, error) {
	if i := s.Find(lib, lang, page, b); i >= 0 {
		p, b, _ := passage(lib, lang, page, b)
		s.marks = append(s.marks[:i], s.marks[i+1:]...)
		return cite.Block(p, b).Where, false, nil
	}
	return s.Add(lib, lang, page, b, now)
}

// Marked returns the blocks of page in lang that are marked (a heading stands for
// its whole section), for the reader's margin.
func (s *Store) Marked(lib *library.Library, lang, page string) map[int]bool {
	out := map[int]bool{}
	for _, m := range s.marks {
		if m.Page != page {
			continue
		}
		if _, b, ok := counterpart(lib, m, lang); ok {
			out[b] = true
		}
	}
	return out
}

// Remove removes the mark with sequence number seq (Entry.Mark.Seq); it reports
// whether there was one.
func (s *Store) Remove(seq int) bool {
	for i, m := range s.marks {
		if m.Seq == seq {
			s.marks = append(s.marks[:i], s.marks[i+1:]...)
			return true
		}
	}
	return false
}

// Clear removes every mark.
func (s *Store) Clear() { s.marks = nil }

func (s *Store) seq() int {
	if s.next < 1 {
		s.next = 1
	}
	for _, m := range s.marks {
		s.next = max(s.next, m.Seq+1)
	}
	n := s.next
	s.next++
	return n
}

// ---- The file ----------------------------------------------------------------

// StateDir is where a local run keeps what it remembers:
// $XDG_STATE_HOME/cyberdiplo (~/.local/state/cyberdiplo by default), or "" when
// neither that nor HOME is set. The reader's state file lives there too.
func StateDir(getenv func(string) string) string {
	dir := getenv("XDG_STATE_HOME")
	if dir == "" {
		home := getenv("HOME")
		if home == "" {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "cyberdiplo")
}

// File is StateDir's marks.json, or "" when there is no StateDir.
func File(getenv func(string) string) string {
	if dir := StateDir(getenv); dir != "" {
		return filepath.Join(dir, "marks.json")
	}
	return ""
}

// fileJSON is marks.json.
type fileJSON struct {
	Version int    `json:"version"`
	Marks   []Mark `json:"marks"`
}

// FileError says why a marks file was refused. Its Message is for the user, in
// their language; Error is English.
type FileError struct {
	Path   string
	Reason string // "big", "many", "broken", "mark", "irregular", "unreadable"
	N      int    // the marks it holds ("many"), the mark that is wrong ("mark", from 1)
	Err    error  // the decoder's or the system's error ("broken", "mark", "unreadable")
}

func (e *FileError) Error() string { return e.Message(langs.Default()) }

// Message says in lang what is wrong with the file and what to do.
func (e *FileError) Message(lang string) string {
	t := i18n.Marks(lang)
	var why string
	switch e.Reason {
	case "big":
		why = fmt.Sprintf(t.TooBig, MaxFile>>10)
	case "many":
		why = fmt.Sprintf(t.TooMany, e.N, MaxMarks)
	case "mark":
		why = fmt.Sprintf(t.BadMark, e.N, e.Err)
	case "irregular":
		why = t.NotRegular
	case "unreadable":
		why = fmt.Sprintf(t.Unreadable, e.Err)
	default:
		why = fmt.Sprintf(t.Broken, e.Err)
	}
	return fmt.Sprintf(t.Refused, e.Path, why)
}

// Load reads the marks of path. A missing file is an empty store. A file that is
// not a regular file, larger than MaxFile, not JSON, of another version, with
// more than MaxMarks marks or with one mark that is not valid is refused: Load
// returns an empty store and a *FileError, and leaves the file as it is (the
// caller should not save over it unasked). The file is read up to its bound,
// never whole.
func Load(path string) (*Store, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return New(), nil
	}
	if err != nil {
		return New(), &FileError{Path: path, Reason: "unreadable", Err: err}
	}
	if !st.Mode().IsRegular() { // a FIFO would block the open; a directory is not ours
		return New(), &FileError{Path: path, Reason: "irregular"}
	}
	if st.Size() > MaxFile {
		return New(), &FileError{Path: path, Reason: "big"}
	}
	f, err := os.Open(path)
	if err != nil {
		return New(), &FileError{Path: path, Reason: "unreadable", Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFile+1))
	if err != nil {
		return New(), &FileError{Path: path, Reason: "unreadable", Err: err}
	}
	if len(data) > MaxFile { // it grew since the Stat
		return New(), &FileError{Path: path, Reason: "big"}
	}
	return parse(path, data)
}

// parse decodes and checks the contents of a marks file.
func parse(path string, data []byte) (*Store, error) {
	var fj fileJSON
	if err := json.Unmarshal(data, &fj); err != nil {
		return New(), &FileError{Path: path, Reason: "broken", Err: err}
	}
	if fj.Version != version {
		return New(), &FileError{Path: path, Reason: "broken", Err: fmt.Errorf("version %d, not %d", fj.Version, version)}
	}
	if len(fj.Marks) > MaxMarks {
		return New(), &FileError{Path: path, Reason: "many", N: len(fj.Marks)}
	}
	seen := map[int]bool{}
	for i, m := range fj.Marks {
		if err := valid(m); err != nil {
			return New(), &FileError{Path: path, Reason: "mark", N: i + 1, Err: err}
		}
		if seen[m.Seq] {
			return New(), &FileError{Path: path, Reason: "mark", N: i + 1, Err: fmt.Errorf("seq %d twice", m.Seq)}
		}
		seen[m.Seq] = true
	}
	s := &Store{marks: fj.Marks, next: 1}
	return s, nil
}

// valid checks one mark of a file: every field within its bound and of its form.
func valid(m Mark) error {
	switch {
	case !langs.Known(m.Lang):
		return fmt.Errorf("lang %q", m.Lang)
	case m.Page == "" || len(m.Page) > maxID || strings.Trim(m.Page, idChars) != "":
		return fmt.Errorf("page %.70q", m.Page)
	case len(m.Anchor) > maxAnch || library.Slug(m.Anchor) != m.Anchor:
		return fmt.Errorf("anchor %.70q", m.Anchor)
	case len(m.Block) > maxBlock || !blockID(m.Block):
		return fmt.Errorf("block %.30q", m.Block)
	case len(m.Hash) != hashLen || strings.Trim(m.Hash, "0123456789abcdef") != "":
		return fmt.Errorf("hash %.30q", m.Hash)
	case m.Seq < 1:
		return fmt.Errorf("seq %d", m.Seq)
	}
	return nil
}

// blockID says whether s is "<section>.<n>", two whole numbers.
func blockID(s string) bool {
	a, b, ok := strings.Cut(s, ".")
	digits := func(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
	return ok && digits(a) && digits(b)
}

// Save writes the marks to path, creating its directory (mode 0700) and the file
// (0600), through a temporary file renamed over it: a crash never leaves half a file.
func (s *Store) Save(path string) error {
	data, err := json.MarshalIndent(fileJSON{Version: version, Marks: s.nonNil()}, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

func (s *Store) nonNil() []Mark {
	if s.marks == nil {
		return []Mark{}
	}
	return s.marks
}
