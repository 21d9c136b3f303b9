// Package tui is the reader: a Bubble Tea program with a tab per page, a scrolling
// Glamour-rendered page, a status bar, overlays for help, search and the outline,
// and a key that switches language without losing your place. It knows nothing of
// SSH or files: the caller passes everything in Options.
package tui

import (
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// Options configure one reader.
type Options struct {
	Library *library.Library
	Cache   *render.Cache // shared between readers; nil makes a private one
	Index   *search.Index // shared between readers; nil builds one after the first frame
	Lang    string        // a language of internal/lang (the default for an unknown one)
	Page    string        // page id to open on ("" for the first)
	// Style is "auto" (ask the terminal, fall back to dark), "dark", "light" or "ascii".
	Style string
	// Width and Height, when known before the first WindowSizeMsg.
	Width, Height int
	// Place is where to open (its page wins over Page): the place Model.Place
	// gave when the reader was last closed (by block, so it holds at another
	// width or after an edit of other sections), or a section (library.At).
	// Written in either language: it is read in Lang.
	Place library.Place
	// Marks are the reader's marks (m, '): marks.Open's for a marks file, or
	// marks.Session() for marks kept for the session only (the kiosk); nil is
	// the session's only.
	Marks *marks.Keeper
}
