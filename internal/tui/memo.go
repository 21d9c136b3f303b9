package tui

import "sync"

// memo keeps what the readers of a process draw again and again (the tab bar,
// the status bar) for the next reader that needs the same: a kiosk runs one
// reader per visitor, and drawing the two bars with lipgloss was half the cost
// of a key. It is shared, so what it holds is read only. Its bound: at most max
// entries (when full it starts again, empty), each key and value a line of at
// most MaxWidth cells; keys over maxMemoKey bytes are not kept.
type memo[K comparable, V any] struct {
	mu  sync.Mutex
	m   map[K]V
	max int
}

// maxMemoKey bounds the text in a memo's key (the status bar's note, its
// sources): a longer one is drawn each time, not kept.
const maxMemoKey = 2 << 10

func newMemo[K comparable, V any](max int) *memo[K, V] {
	return &memo[K, V]{m: make(map[K]V), max: max}
}

// get returns what draw makes for k, drawn once.
func (c *memo[K, V]) get(k K, keySize int, draw func() V) V {
	if keySize > maxMemoKey {
		return draw()
	}
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = draw()
	c.mu.Lock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}
