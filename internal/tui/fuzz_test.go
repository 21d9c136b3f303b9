package tui

import (
	"testing"

	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
)

var fuzzKeys = []string{
	"tab", "shift+tab", "left", "right", "h", "l", "1", "5", "8", "9", "j", "k", "up", "down",
	"space", "f", "b", "pgdown", "pgup", "d", "u", "g", "G", "home", "end", "L", "?", "esc",
	"/", "o", "n", "N", "]", "[", "enter", "backspace", "x", "é", "ctrl+z", "ctrl+u", "q",
	"s", "c", "ctrl+y", "<", ">", "ctrl+f", "ctrl+b", "e", "y", ":", "Q", "ctrl+c",
	"m", "'", "M",
}

// FuzzUpdate drives the reader with random keys, resizes and mouse events: it must
// never panic, and no line of any frame may be wider than the window.
func FuzzUpdate(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 200, 7, 33, 150, 34, 1, 9})
	f.Add([]byte{210, 1, 1, 15, 36, 0, 0, 20})
	f.Add([]byte{27, 28, 4, 30, 31, 34, 33, 250, 3, 3})
	f.Add([]byte{53, 10, 10, 10, 53, 3, 53, 54, 13, 19, 42, 25, 54, 55, 246, 40, 34, 55, 27}) // marks: m, the list, d, c, L, a small window
	f.Fuzz(func(t *testing.T, data []byte) {
		m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: "en", Style: "dark"})
		w, h := 80, 24
		drive(m, m.Init(), tea.WindowSizeMsg{Width: w, Height: h})
		for i := 0; i < len(data) && i < 64; i++ {
			b := data[i]
			switch {
			case b >= 240 && i+1 < len(data): // resize, including to tiny windows and two columns
				w, h = int(data[i+1])*7/8, int(b-240)*4
				i++
				drive(m, nil, tea.WindowSizeMsg{Width: w, Height: h})
			case b >= 230: // a terminal's paste
				drive(m, nil, tea.PasteMsg{Content: string(data[i:])})
			case b >= 220: // mouse
				drive(m, nil, tea.MouseWheelMsg{Button: tea.MouseWheelDown}, tea.MouseClickMsg{X: int(b) % 90, Y: int(b) % 2, Button: tea.MouseLeft})
			case b >= 200:
				typeText(m, string(rune('a'+b%26)))
			default:
				k := fuzzKeys[int(b)%len(fuzzKeys)]
				if k == "q" {
					continue // quitting ends the program; the model must survive anything before
				}
				keys(m, k)
			}
			checkFits(t, m, w, h)
		}
	})
}
