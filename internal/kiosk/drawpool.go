package kiosk

import (
	"runtime"
	"runtime/debug"
	"time"
)

// drawPool runs the readers' Update and View (a frame composed) on a few
// goroutines shared by all the sessions, rather than on each session's own.
//
// Why: drawing a frame (lipgloss, the page's lines, the screen's diff) takes a
// goroutine's stack to 64 KB, and a goroutine keeps its stack until the
// collector shrinks it, by half at each collection: the reader's own goroutine
// was the largest item of a visitor's memory (32 to 64 KB a visitor, grown
// again at each key). Here a session's goroutine only waits for its events and
// writes its frames; the deep work happens on at most maxDrawers goroutines.
//
// A frame is composed here and written by the session's goroutine (screen.flush):
// a write may wait for a slow visitor's SSH window, and must not hold a drawer.
// The model's commands still run in goroutines of their own (program.exec).
// Drawers that have had nothing to do for drawerIdle end.
type drawPool struct {
	jobs    chan drawJob  // to an idle drawer
	drawers chan struct{} // a token for each drawer running
}

type drawJob struct {
	fn   func()
	done chan any // what fn panicked with (a drawnPanic), or nil
}

// drawnPanic is a panic on a drawer, carried to the session that asked.
type drawnPanic struct {
	v     any
	stack []byte
}

// drawerIdle is how long a drawer waits for work before it ends.
const drawerIdle = 2 * time.Second

// newDrawPool makes a pool of at most 4 drawers a core (at least 8): the work is
// CPU only, so more would only wait for the cores.
func newDrawPool() *drawPool {
	return &drawPool{jobs: make(chan drawJob), drawers: make(chan struct{}, max(8, 4*runtime.GOMAXPROCS(0)))}
}

// do runs fn on a drawer and returns when it has; a panic in fn is raised again
// here, as a drawnPanic. done is the caller's own channel (one slot), reused.
func (d *drawPool) do(fn func(), done chan any) {
	j := drawJob{fn, done}
	select {
	case d.jobs <- j: // an idle drawer took it
	default:
		select {
		case d.jobs <- j:
		case d.drawers <- struct{}{}:
			go d.drawer(j)
		}
	}
	if r := <-done; r != nil {
		panic(r)
	}
}

func (d *drawPool) drawer(j drawJob) {
	defer func() { <-d.drawers }()
	idle := time.NewTimer(drawerIdle)
	defer idle.Stop()
	for {
		j.done <- call(j.fn)
		idle.Reset(drawerIdle)
		select {
		case j = <-d.jobs:
		case <-idle.C:
			return
		}
	}
}

// call runs fn and returns what it panicked with, if it did.
func call(fn func()) (r any) {
	defer func() {
		if v := recover(); v != nil {
			r = drawnPanic{v, debug.Stack()}
		}
	}()
	fn()
	return nil
}
