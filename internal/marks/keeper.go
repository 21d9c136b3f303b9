package marks

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Keeper is one reader's marks and where they are kept: what the reader (the TUI
// and the line mode) calls on m, on the list's keys and to copy the brief. Each
// call returns the note the reader shows, in the reader's language. A Keeper with
// a file reads it again before each change (so that `cyberdiplo brief --add` or
// `--clear` run beside an open reader are not undone) and saves after it; one
// without a file (the kiosk, --no-state, or a file that was refused) keeps the
// marks for the session only and writes nothing.
type Keeper struct {
	store *Store
	path  string // "" for the session only
	note  string // why the marks are for the session only, once
	// refused: a marks file was there but refused, so that each change says it
	// is not saved (the kiosk and --no-state have no file: nothing to say).
	refused bool
	now     func() time.Time
}

// Open is the Keeper of the marks file at path (marks.File). A file that is
// refused is left as it is: the marks are then kept for the session only, and
// Note says why.
func Open(path, lang string) *Keeper {
	k := &Keeper{store: New(), path: path, now: time.Now}
	if path == "" {
		return k
	}
	s, err := Load(path)
	k.store = s
	if err != nil {
		k.sessionOnly(err, lang)
	}
	return k
}

// Session is a Keeper for the session only: nothing is read or written (the kiosk).
func Session() *Keeper { return &Keeper{store: New(), now: time.Now} }

// Note is what the reader should say once when it starts ("" when all is well):
// that the marks file was refused and why.
func (k *Keeper) Note() string { return k.note }

// Store is the marks (for Marked, Find and List). Change them through the Keeper.
func (k *Keeper) Store() *Store { return k.store }

func (k *Keeper) sessionOnly(err error, lang string) {
	msg := err.Error()
	var fe *FileError
	if errors.As(err, &fe) {
		msg = fe.Message(lang)
	}
	k.note = fmt.Sprintf(i18n.Marks(lang).SessionOnly, msg)
	k.path = ""
	k.refused = true
}

// reload reads the file again before a change; a file refused now (changed by
// hand meanwhile) is left alone and the marks are kept for the session.
func (k *Keeper) reload(lang string) string {
	if k.path == "" {
		return ""
	}
	s, err := Load(k.path)
	if err != nil {
		k.sessionOnly(err, lang)
		return k.note
	}
	k.store = s
	return ""
}

// save writes the marks after a change; it returns a note when that failed.
func (k *Keeper) save(lang string) string {
	if k.path == "" {
		return ""
	}
	if err := k.store.Save(k.path); err != nil {
		return fmt.Sprintf(i18n.Marks(lang).SaveFailed, k.path, err)
	}
	return ""
}

// Toggle marks block b of page (in lang), or unmarks it when it is marked: the
// reader's m. It returns the note to show: "marked: UN › Key facts (3 marked
// passages)", or why nothing was marked.
func (k *Keeper) Toggle(lib *library.Library, lang, page string, b int) string {
	t := i18n.Marks(lang)
	if note := k.reload(lang); note != "" {
		return note
	}
	where, on, err := k.store.Toggle(lib, lang, page, b, k.now())
	switch {
	case errors.Is(err, ErrFull):
		return fmt.Sprintf(t.Full, MaxMarks)
	case err != nil:
		return t.NothingMark
	}
	note := fmt.Sprintf(t.Unmarked, where, t.Count(k.store.Len()))
	if on {
		note = fmt.Sprintf(t.Marked, where, t.Count(k.store.Len()))
	}
	if failed := k.save(lang); failed != "" {
		return failed
	}
	if k.refused {
		note += t.NotSaved
	}
	return note
}

// Remove removes the mark of an entry of the list (Entry.Mark.Seq): the list's d.
func (k *Keeper) Remove(seq int, where, lang string) string {
	t := i18n.Marks(lang)
	if note := k.reload(lang); note != "" {
		return note
	}
	k.store.Remove(seq)
	if failed := k.save(lang); failed != "" {
		return failed
	}
	return fmt.Sprintf(t.Unmarked, where, t.Count(k.store.Len()))
}

// Copy is the brief to copy (the list's c): its text, at most limit bytes
// (tui.MaxCopy), and the note that says what was copied.
func (k *Keeper) Copy(lib *library.Library, lang string, order Order, limit int) (string, string) {
	t := i18n.Marks(lang)
	k.reload(lang)
	text, n := BriefText(lib, k.store, lang, order, limit)
	if k.store.Len() == 0 {
		return "", t.ListEmpty
	}
	chars := utf8.RuneCountInString(text)
	if n < k.store.Len() {
		return text, fmt.Sprintf(t.BriefCut, n, k.store.Len(), chars)
	}
	return text, fmt.Sprintf(t.BriefCopied, t.Count(n), chars)
}
