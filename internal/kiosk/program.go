package kiosk

import (
	"time"

	"errors"
	"fmt"
	"golang.org/x/time/rate"
	"reflect"
	"runtime/debug"
	"sync"

	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"
	uv "github.com/cyberdiplo/cyberdiplo/third_party/ultraviolet"
)

// program runs the reader's model for one visitor: Bubble Tea's event loop (Init,
// then Update and View for each message, commands run in goroutines of their
// own), in one goroutine that also takes the visitor's input and window changes.
//
// Why not tea.Program: it keeps three goroutines a session besides its loop (the
// command runner, a 60 fps frame ticker that here would only wake up, and the
// kiosk's own feeder to call Send), about 30 KB of stacks a visitor and 24,000
// wake-ups a second at 400 visitors; and the kiosk already does its input
// (input.go) and its drawing (screen.go) itself.
type program struct {
	model   tea.Model
	profile colorprofile.Profile
	width   int
	height  int

	pool  *drawPool // where Update and View run (nil: on the program's goroutine)
	drawn chan any  // the pool's answer to this program
	flush func()    // writes what View composed (nil: nothing to write)

	msgs     chan tea.Msg  // what the commands return
	quit     chan struct{} // closed to end the program
	quitOnce sync.Once
	done     chan struct{} // closed when the program has ended
}

// A session's reader takes at most maxKeyRate events a second, in bursts of
// maxKeyBurst (key repeat is about 30 a second, a fast scroll a hundred for a
// moment): each may cost the reader a search as you type, and a flood of keys
// from one visitor would otherwise take the server's CPU from the others.
const (
	maxKeyRate  = 60
	maxKeyBurst = 120
)

// errPanic is returned by run when the model panicked: only this session ends.
var errPanic = errors.New("the reader panicked")

func newProgram(m tea.Model, profile colorprofile.Profile, width, height int) *program {
	return &program{
		model: m, profile: profile, width: width, height: height,
		drawn: make(chan any, 1),
		msgs:  make(chan tea.Msg), quit: make(chan struct{}), done: make(chan struct{}),
	}
}

// draw runs fn (the model's Update and View) on the pool, then writes the
// frame composed, here (drawpool.go).
func (p *program) draw(fn func()) {
	if p.pool != nil {
		p.pool.do(fn, p.drawn)
	} else {
		fn()
	}
	if p.flush != nil {
		p.flush()
	}
}

// drawUpdate is update on the pool; it says whether the program should end.
func (p *program) drawUpdate(msg tea.Msg) (end bool) {
	p.draw(func() { end = p.update(msg) })
	return end
}

// send hands msg to the program from outside its loop (dropped once it has
// ended).
func (p *program) send(msg tea.Msg) {
	select {
	case p.msgs <- msg:
	case <-p.done:
	}
}

// Quit ends the program (at its next message; at once if it is waiting).
func (p *program) Quit() { p.quitOnce.Do(func() { close(p.quit) }) }

// run runs the program until it quits, is asked to, or panics. in is the
// visitor's input, size their window changes.
func (p *program) run(in *input, size *sizeSlot, onPanic func(v any, stack []byte)) (err error) {
	defer close(p.done)
	defer func() {
		if r := recover(); r != nil {
			if d, ok := r.(drawnPanic); ok { // on a drawer: its stack
				onPanic(d.v, d.stack)
			} else {
				onPanic(r, debug.Stack())
			}
			err = errPanic
		}
	}()
	// As tea.Program starts: the colour profile and the window size, then Init.
	if p.drawUpdate(tea.ColorProfileMsg{Profile: p.profile}) || p.drawUpdate(tea.WindowSizeMsg{Width: p.width, Height: p.height}) {
		return nil
	}
	p.draw(func() {
		p.exec(p.model.Init())
		p.model.View()
	})
	keys := rate.NewLimiter(maxKeyRate, maxKeyBurst)
	for {
		select {
		case <-p.quit:
			return nil
		case msg := <-p.msgs:
			if p.drawUpdate(msg) {
				return nil
			}
		case <-in.ready:
			// The events waiting are given to the model one by one, and the
			// view drawn once, after the last: a burst of keys costs one frame.
			// At most maxKeyRate events a second (bursts of maxKeyBurst) are
			// taken: the rest wait in the input's queue, which keeps the latest.
			end := false
			p.draw(func() {
				stale := false
				for {
					if now := time.Now(); keys.TokensAt(now) < 1 {
						time.AfterFunc(time.Second/maxKeyRate, in.wake)
						break
					}
					ev, at, ok := in.pop()
					if !ok {
						break
					}
					keys.Allow()
					if p.step(translate(ev, at), false) {
						end = true
						return
					}
					stale = true
				}
				if stale {
					p.model.View()
				}
			})
			if end {
				return nil
			}
		case <-size.ready:
			if w, ok := size.take(); ok && p.drawUpdate(windowMsg(w)) {
				return nil
			}
		}
	}
}

// update gives the model a message and draws the view; it says whether the
// program should end.
func (p *program) update(msg tea.Msg) bool { return p.step(msg, true) }

// step gives the model a message, and draws the view if draw is set; it says
// whether the program should end.
func (p *program) step(msg tea.Msg, draw bool) bool {
	switch msg := msg.(type) {
	case nil, tea.SuspendMsg: // ctrl+z would stop the server
		return false
	case tea.QuitMsg:
		return true
	case panicMsg:
		panic(msg)
	case tea.BatchMsg:
		for _, c := range msg {
			p.exec(c)
		}
		return false
	}
	if cmds, ok := sequence(msg); ok {
		p.execSequence(cmds)
		return false
	}
	m, cmd := p.model.Update(msg)
	p.model = m
	p.exec(cmd)
	if draw {
		p.model.View()
	}
	return false
}

// sequence recognises tea.Sequence's message (unexported: a list of commands
// that is not a BatchMsg).
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	cmdsType := reflect.TypeFor[[]tea.Cmd]()
	if v.Kind() != reflect.Slice || !v.Type().ConvertibleTo(cmdsType) {
		return nil, false
	}
	return v.Convert(cmdsType).Interface().([]tea.Cmd), true
}

// exec runs a command in a goroutine of its own and hands its message to the
// loop (or drops it once the program has ended).
func (p *program) exec(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg, ok := p.call(cmd)
		if !ok {
			return
		}
		select {
		case p.msgs <- msg:
		case <-p.done:
		}
	}()
}

// execSequence runs commands one after the other, each message handed to the
// loop before the next command starts.
func (p *program) execSequence(cmds []tea.Cmd) {
	go func() {
		for _, c := range cmds {
			if c == nil {
				continue
			}
			msg, ok := p.call(c)
			if !ok {
				return
			}
			select {
			case p.msgs <- msg:
			case <-p.done:
				return
			}
		}
	}()
}

// call runs a command; a panic in it ends the program (as tea.Program does) and
// is reported by the loop.
func (p *program) call(cmd tea.Cmd) (msg tea.Msg, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			msg, ok = panicMsg{r, debug.Stack()}, true
		}
	}()
	return cmd(), true
}

// panicMsg carries a command's panic to the loop, which panics with it there.
type panicMsg struct {
	v     any
	stack []byte
}

func (m panicMsg) String() string { return fmt.Sprintf("%v\n%s", m.v, m.stack) }

// translate turns a decoded event into the message Bubble Tea would make of it.
// Keys carry when they arrived, to time the frame they bring.
func translate(ev uv.Event, at int64) tea.Msg {
	switch e := ev.(type) {
	case uv.KeyPressEvent:
		return keyMsg{key: tea.KeyPressMsg(e), at: at}
	case uv.MouseClickEvent:
		return tea.MouseClickMsg(e)
	case uv.MouseReleaseEvent:
		return tea.MouseReleaseMsg(e)
	case uv.MouseWheelEvent:
		return tea.MouseWheelMsg(e)
	case uv.MouseMotionEvent:
		return tea.MouseMotionMsg(e)
	case uv.BackgroundColorEvent:
		return tea.BackgroundColorMsg(e)
	case uv.FocusEvent:
		return tea.FocusMsg{}
	case uv.BlurEvent:
		return tea.BlurMsg{}
	}
	return nil
}
