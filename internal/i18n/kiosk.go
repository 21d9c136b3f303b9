package i18n

// ---- The SSH kiosk (cyberdiplo serve) -------------------------------------------
//
// What the kiosk says to its visitors. Kept in one block, apart from the reader's
// strings, so that changes to either merge cleanly. Reach them as For(lang).Kiosk:
// a KioskStrings is a plain value, so what a caller reads is its own copy.

// KioskStrings are the kiosk's messages in one language.
type KioskStrings struct {
	Busy    string // MaxSessions reached
	Closing string // the kiosk is shutting down (SIGTERM, SIGINT)
	Idle    string // "idle for %s: goodbye"
	Max     string // the session time limit
	Sorry   string // a bug ended the session
	// Note is for a visitor with neither terminal nor command: the port twice,
	// then the list of pages follows.
	Note       string
	NoCommands string // the kiosk runs no commands
	// CommandTooLong: a command over the limit (%d bytes), refused in one line.
	CommandTooLong string
	// Larger is drawn beside the reader when the visitor's window is larger than
	// what the kiosk draws: the window's width and height, then the drawn ones.
	Larger string
	// TooManySessions refuses a session channel beyond the per-connection limit
	// (with the limit).
	TooManySessions string
	// NoStart closes a session that asked for neither a shell nor a command in
	// time (with the time).
	NoStart string
	// Truncated ends a command's output past the kiosk's cap (in MiB).
	Truncated string
	// AddrBusy refuses a session beyond the per-address limit (with the limit).
	AddrBusy string
	// TooFast refuses a command beyond the per-address rate (a second).
	TooFast string
	// IdleSoon warns a visitor a minute before the idle timeout ends the session.
	IdleSoon string

	// For the operator: errors in the flags of `cyberdiplo serve`.
	ZeroOrMore         string // "%s %d: use 0 (no limit) or more" (flag, value)
	SecondOrMore       string // "%s %s: use a duration of 1s or more, such as %s" (flag, value, example)
	NeedTrustedProxies string // --proxy-protocol without --trusted-proxies
	NeedProxyProtocol  string // --trusted-proxies without --proxy-protocol
	MetricsAddr        string // "--metrics-addr %s: use host:port, such as 127.0.0.1:9222"
	PprofAddr          string // "--pprof-addr %s: use a loopback address such as 127.0.0.1:6060"
	PprofNotBuilt      string // --pprof-addr in a build without the profiler (the address)
}
