package kiosk

import (
	"context"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/linemode"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
)

// a11yUser is the user name that asks for the line mode: ssh a11y@HOST.
const a11yUser = "a11y"

// lineMode says whether a visitor gets the line mode for screen readers
// (internal/linemode) rather than the full-screen reader: they asked for it by
// name (ssh a11y@HOST, with or without a terminal), or their terminal cannot draw
// a screen (TERM dumb or empty). A command still runs as a command.
func lineMode(v *visit) bool {
	if v.RawCommand() != "" {
		return false
	}
	return v.User() == a11yUser || (v.hasPty && (v.pty.Term == "dumb" || v.pty.Term == ""))
}

// runLineMode runs the line mode on the session until the visitor quits, the
// connection drops, or the kiosk ends the session (idle, time limit, shutdown),
// then says why in a last line. With a PTY the visitor's terminal is raw, so the
// line mode echoes and edits the line itself; without one, the visitor's own
// terminal does.
func (s *Server) runLineMode(v *visit) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	defer s.endWith(v, cancel, done)()
	warn := func() { v.say("\n" + i18n.For(v.lang).Kiosk.IdleSoon) }
	v.idleSoon.Store(&warn)
	defer v.idleSoon.Store(nil)

	// What the visitor types is echoed (and quoted in answers such as "no
	// match for ..."): C1 controls and bidi overrides never reach the terminal.
	err := linemode.Run(ctx, textsafe.Input(v), v, linemode.Options{
		Library: v.c.lib, Index: v.c.index, Lang: v.lang, Raw: v.hasPty, Width: lineWidth(v),
		Marks: marks.Session(), // the visitor's marks: nothing is written on the server
	})
	close(done)
	if r, _ := v.outcome(); r == endIdle || r == endMax || r == endShutdown {
		v.say("") // off the "Command:" prompt the line mode left, before the goodbye
	}
	reason := s.sayWhy(v, i18n.For(v.lang).Kiosk)
	if err != nil && reason == "" {
		v.setReason(endDisconnected) // a write failed: the visitor is gone
	}
	v.finish(endQuit, 0)
}

// lineWidth is the width the line mode wraps to: the visitor's terminal's, when
// it has a PTY (0, linemode's default, when not).
func lineWidth(v *visit) int {
	if !v.hasPty {
		return 0
	}
	return min(int(v.pty.Window.Width), linemode.MaxWidth)
}
