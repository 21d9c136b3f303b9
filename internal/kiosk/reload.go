package kiosk

import (
	"sync"
	"sync/atomic"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// shared is what the sessions share: the content, its render cache and its
// search index. SetLibrary replaces it for new sessions; a session keeps the one
// it started with to its end.
type shared struct {
	lib   *library.Library
	cache *render.Cache
	index *search.Index
}

func newShared(lib *library.Library) *shared {
	return &shared{lib: lib, cache: render.NewCache(renderCacheSize), index: search.New(lib)}
}

// reloadable is what SIGHUP may change without touching open sessions.
type reloadable struct {
	content  atomic.Pointer[shared]
	authKeys atomic.Pointer[map[string]bool] // nil: anyone gets in

	mu                  sync.Mutex // the counts of the caches replaced
	oldHits, oldRenders int
}

// SetLibrary makes lib the content of the sessions that start from now on; open
// sessions keep what they have.
func (s *Server) SetLibrary(lib *library.Library) {
	next := newShared(lib)
	s.rl.mu.Lock()
	defer s.rl.mu.Unlock()
	old := s.rl.content.Swap(next)
	s.rl.oldHits += old.cache.Hits()
	s.rl.oldRenders += old.cache.Renders()
}

// content is the content for a session starting now.
func (s *Server) content() *shared { return s.rl.content.Load() }

// cacheCounts are the render caches' hits and misses (renders) since the start.
// (What sessions still on a replaced cache do after SetLibrary is not counted.)
func (s *Server) cacheCounts() (hits, misses int) {
	s.rl.mu.Lock()
	defer s.rl.mu.Unlock()
	c := s.rl.content.Load().cache
	return s.rl.oldHits + c.Hits(), s.rl.oldRenders + c.Renders()
}

// ReloadAuthorizedKeys reads the authorized keys file again and returns how many
// keys it holds. If the file cannot be read or parsed, the keys in use stay and
// the error is returned. A kiosk started without one stays open to anyone.
func (s *Server) ReloadAuthorizedKeys() (int, error) {
	if s.cfg.AuthorizedKeysPath == "" {
		return 0, nil
	}
	keys, err := authorizedKeys(s.cfg.AuthorizedKeysPath)
	if err != nil {
		return 0, err
	}
	s.rl.authKeys.Store(&keys)
	return len(keys), nil
}

// allowed says whether a public key may come in.
func (s *Server) allowed(key []byte) bool {
	keys := s.rl.authKeys.Load()
	if keys == nil {
		return true
	}
	ok := (*keys)[string(key)]
	if !ok {
		s.metrics.refused(refusedAuth)
	}
	return ok
}
