package kiosk

import (
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
	"github.com/cyberdiplo/cyberdiplo/internal/tui"
)

// benchShared is the content the readers of a benchmark share, as a kiosk's do.
func benchShared(b *testing.B) *shared {
	b.Helper()
	lib, err := library.Load(content.FS())
	if err != nil {
		b.Fatal(err)
	}
	return newShared(lib)
}

// benchReader is a visitor's reader as runReader makes it (100x30,
// xterm-256color), drawing to w, its first frame drawn.
func benchReader(sh *shared, bufs *sync.Pool, w io.Writer, pool *drawPool) *program {
	scr := newScreen(w, colorprofile.ANSI256, "en", bufs)
	scr.resize(100, 30)
	m := &screenModel{scr: scr, Model: tui.New(tui.Options{
		Library: sh.lib, Cache: sh.cache, Index: sh.index,
		Lang: "en", Style: "auto", Width: 100, Height: 30, Marks: marks.Session(),
	})}
	p := newProgram(m, colorprofile.ANSI256, 100, 30)
	p.pool, p.flush = pool, scr.flush
	p.drawUpdate(tea.ColorProfileMsg{Profile: p.profile})
	p.drawUpdate(tea.WindowSizeMsg{Width: 100, Height: 30})
	p.draw(func() {
		p.model.Init()
		p.model.View()
	})
	return p
}

// The keys bench/load presses, in turn.
var loadKeys = []tea.KeyPressMsg{
	{Code: tea.KeyRight}, {Code: 'L', Text: "L"}, {Code: tea.KeyRight},
	{Code: tea.KeyLeft}, {Code: 'L', Text: "L"}, {Code: tea.KeyRight},
}

// BenchmarkReaderKey: one of bench/load's keys on a visitor's reader, from the
// key to the frame's bytes (not the SSH write): the server's CPU per key.
func BenchmarkReaderKey(b *testing.B) {
	sh := benchShared(b)
	bufs := newBufPool()
	var out countWriter
	p := benchReader(sh, bufs, &out, newDrawPool())
	for i := range 200 { // every page of the cycle rendered, as in a kiosk with visitors
		p.drawUpdate(keyMsg{key: loadKeys[i%len(loadKeys)]})
		time.Sleep(time.Millisecond)
		drain(p)
	}
	b.ReportAllocs()
	b.ResetTimer()
	out.n, out.max = 0, 0
	defer func() {
		b.ReportMetric(float64(out.n)/float64(b.N), "frame-B/key")
		b.ReportMetric(float64(out.max), "largest-write-B")
	}()
	for i := 0; b.Loop(); i++ {
		p.drawUpdate(keyMsg{key: loadKeys[i%len(loadKeys)]})
		drain(p)
	}
}

// BenchmarkReaderMemory: the heap a visitor's reader keeps after its first
// frame and after the load's keys (others' renders of the pages shared).
func BenchmarkReaderMemory(b *testing.B) {
	sh := benchShared(b)
	bufs := newBufPool()
	warm := benchReader(sh, bufs, io.Discard, nil)
	for _, k := range loadKeys {
		warm.drawUpdate(keyMsg{key: k})
	}
	const n = 200
	var ps []*program
	heap := func() int64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return int64(ms.HeapAlloc)
	}
	for b.Loop() {
		clear(ps) // the last round's readers are garbage before h0
		ps = ps[:0]
		h0 := heap()
		for range n {
			ps = append(ps, benchReader(sh, bufs, io.Discard, nil))
		}
		h1 := heap()
		for i, p := range ps {
			for k := range 6 {
				p.drawUpdate(keyMsg{key: loadKeys[(i+k)%len(loadKeys)]})
			}
		}
		h2 := heap()
		b.ReportMetric(float64(h1-h0)/n, "B/reader")
		b.ReportMetric(float64(h2-h0)/n, "B/reader-after-keys")
	}
	runtime.KeepAlive(ps)
}

// BenchmarkReaderStack: the stack a session's goroutine keeps when it runs its
// reader itself (own) and when the drawers do (drawers), after its first frame
// and a few keys, then after one and four collections.
func BenchmarkReaderStack(b *testing.B) {
	sh := benchShared(b)
	bufs := newBufPool()
	warm := benchReader(sh, bufs, io.Discard, nil)
	for _, k := range loadKeys {
		warm.drawUpdate(keyMsg{key: k})
	}
	const n = 200
	stack := func(gcs int) int64 {
		for range gcs {
			runtime.GC()
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return int64(ms.StackInuse)
	}
	for _, pool := range []*drawPool{nil, newDrawPool()} {
		name := "own"
		if pool != nil {
			name = "drawers"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				s0 := stack(2)
				release := make(chan struct{})
				var wg sync.WaitGroup
				for i := range n {
					wg.Add(1)
					go func() {
						p := benchReader(sh, bufs, io.Discard, pool)
						for k := range 6 {
							p.drawUpdate(keyMsg{key: loadKeys[(i+k)%len(loadKeys)]})
						}
						wg.Done()
						<-release
					}()
				}
				wg.Wait()
				b.ReportMetric(float64(stack(0)-s0)/n, "stack-B/reader")
				b.ReportMetric(float64(stack(1)-s0)/n, "stack-B/reader-1gc")
				b.ReportMetric(float64(stack(3)-s0)/n, "stack-B/reader-4gc")
				close(release)
			}
		})
	}
}

// drain gives the reader what its commands returned, as the program's loop would.
func drain(p *program) {
	for {
		select {
		case msg := <-p.msgs:
			p.drawUpdate(msg)
		default:
			return
		}
	}
}

// countWriter counts what is written, and the largest write.
type countWriter struct{ n, max int }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	c.max = max(c.max, len(p))
	return len(p), nil
}
