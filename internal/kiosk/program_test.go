package kiosk

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"
	uv "github.com/cyberdiplo/cyberdiplo/third_party/ultraviolet"
)

// recorder is a model that records what it gets and does what a key asks.
type recorder struct {
	mu  sync.Mutex
	got []string
}

type seqMsg int

func (r *recorder) Init() tea.Cmd { return tea.Batch(func() tea.Msg { return seqMsg(0) }) }

func (r *recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.got = append(r.got, "size")
	case tea.ColorProfileMsg:
		r.got = append(r.got, "profile")
	case seqMsg:
		r.got = append(r.got, "seq"+string(rune('0'+msg)))
	case keyMsg:
		switch msg.key.String() {
		case "s": // a sequence: its messages in order
			return r, tea.Sequence(
				func() tea.Msg { time.Sleep(20 * time.Millisecond); return seqMsg(1) },
				func() tea.Msg { return seqMsg(2) })
		case "p":
			panic("boom")
		case "c":
			return r, func() tea.Msg { panic("boom in a command") }
		case "q":
			return r, tea.Quit
		}
		r.got = append(r.got, msg.key.String())
	}
	return r, nil
}

func (r *recorder) View() tea.View { return tea.NewView("") }

func (r *recorder) seen() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.got, " ")
}

func runProgram(t *testing.T, keys ...string) (*recorder, []string, error) {
	t.Helper()
	r := &recorder{}
	p := newProgram(r, colorprofile.ANSI256, 80, 24)
	in := newInput(func(error) {})
	size := newSizeSlot()
	var panics []string
	done := make(chan error, 1)
	go func() { done <- p.run(in, &size, func(v any, _ []byte) { panics = append(panics, toString(v)) }) }()
	for _, k := range keys {
		in.mu.Lock()
		in.push(uv.KeyPressEvent{Code: rune(k[0]), Text: k})
		in.mu.Unlock()
		time.Sleep(50 * time.Millisecond)
	}
	select {
	case err := <-done:
		return r, panics, err
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not end")
		return nil, nil, nil
	}
}

func toString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if m, ok := v.(panicMsg); ok {
		return toString(m.v)
	}
	return "?"
}

func TestProgram(t *testing.T) {
	r, _, err := runProgram(t, "a", "s", "b", "q")
	if err != nil {
		t.Fatal(err)
	}
	// The start as tea.Program's (profile, size), then the keys in order and the
	// commands' messages as they come (Init's seq0 runs concurrently), the
	// sequence's in order.
	got := r.seen()
	idx := func(w string) int { return strings.Index(" "+got+" ", " "+w+" ") }
	if !strings.HasPrefix(got, "profile size ") || idx("seq0") < 0 || idx("a") < 0 || idx("b") < idx("a") ||
		idx("seq1") < 0 || idx("seq2") < idx("seq1") {
		t.Errorf("messages: %q", got)
	}
}

func TestProgramPanics(t *testing.T) {
	for _, key := range []string{"p", "c"} {
		_, panics, err := runProgram(t, "a", key)
		if err != errPanic {
			t.Errorf("%s: run returned %v, want errPanic", key, err)
		}
		if len(panics) != 1 || !strings.Contains(panics[0], "boom") {
			t.Errorf("%s: panics reported: %q", key, panics)
		}
	}
}
