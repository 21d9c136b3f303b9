package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/kiosk"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// shutdownWait is how long SIGINT or SIGTERM waits for the visitors' sessions.
const shutdownWait = 10 * time.Second

type serveFlags struct {
	listen, hostKey, authKeys, logFormat, metricsAddr string
	pprofAddr                                         string
	trustedProxies, maxStartups                       string
	proxyProtocol                                     bool
	trusted                                           []netip.Prefix
	maxSessions, burst, maxPerAddr, sessionsPerAddr   int
	idle, maxSession, writeTimeout, startTimeout      time.Duration
	startups                                          kiosk.MaxStartups
	rate                                              float64
}

func newServeCmd(a *app) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the reader over SSH, as a kiosk (ssh -p 2222 HOST)",
		Long: "serve runs an SSH server that gives every visitor the reader, and nothing else.\n" +
			"A visitor with a terminal gets the reader at their window size; `ssh it@HOST` opens it\n" +
			"in Italian, `ssh en@HOST` in English (else the visitor's LANG, else --lang).\n" +
			"`ssh a11y@HOST`, or a TERM of dumb, gives the line mode for screen readers instead.\n" +
			"A visitor with a command may run list, show and search (ssh -p 2222 HOST show un).\n" +
			"Port, agent and X11 forwarding, sftp and scp are refused. Anyone may connect unless\n" +
			"--authorized-keys is given. SIGINT or SIGTERM tells visitors the kiosk is closing,\n" +
			"waits up to 10s for their sessions to end, and exits 0. Logs go to standard error." +
			"\n\n" +
			"Limits that are not flags: 2 sessions per connection; 5 commands a second per address\n" +
			"(bursts of 20); a command's output 1 MiB; input 256 KB/s per connection (bursts of 4 MiB);\n" +
			"log lines about one address 1 a second (bursts of 10). Only modern algorithms are offered:\n" +
			"mlkem768x25519-sha256 and curve25519-sha256, chacha20-poly1305 and AES-GCM, EtM MACs, ed25519.",
		Example: "  cyberdiplo serve\n" +
			"  cyberdiplo serve --listen 127.0.0.1:2222 --max-sessions 20 --idle-timeout 5m\n" +
			"  cyberdiplo serve --authorized-keys ~/.ssh/authorized_keys --log-format json",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runServe(cmd.Context(), &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", kiosk.DefaultListen, "listen on `ADDR` (host:port; \":2222\" is every address)")
	fl.StringVar(&f.hostKey, "host-key", "", "the server's ed25519 host key `FILE`, created with mode 0600 if missing,\nonly in a directory that exists "+
		"(default $XDG_DATA_HOME/cyberdiplo/ssh_host_ed25519, with XDG_DATA_HOME ~/.local/share if unset)")
	fl.StringVar(&f.authKeys, "authorized-keys", "", "let in only the public keys listed in `FILE` (OpenSSH authorized_keys format)\n"+
		"(default: anyone, no authentication)")
	fl.IntVar(&f.maxSessions, "max-sessions", kiosk.DefaultMaxSessions, "sessions at once; beyond this many, visitors are asked to try again shortly")
	fl.IntVar(&f.sessionsPerAddr, "max-sessions-per-addr", kiosk.DefaultMaxSessionsPerAddr, "sessions one address may hold at once (0 for no limit; raise it for a class behind one NAT)")
	fl.DurationVar(&f.startTimeout, "start-timeout", kiosk.DefaultStartTimeout, "close a connection that has not started a session (the reader or a command) this long after it\n"+
		"arrived or after its last session ended; it may send at most 64 KB before it starts one")
	fl.StringVar(&f.maxStartups, "max-startups", "", "`START:RATE:FULL` as OpenSSH's MaxStartups: from START connections without a session, refuse\n"+
		"newcomers from an address already starting one with a probability of RATE %, rising to 100 % at FULL;\n"+
		"when the kiosk is full, the connections that did least give way (default: half the connection cap:30:the cap)")
	fl.DurationVar(&f.idle, "idle-timeout", kiosk.DefaultIdleTimeout, "end a session after this long without a key pressed (0 for never)")
	fl.DurationVar(&f.maxSession, "max-session", kiosk.DefaultMaxSession, "end any session after this long (0 for never)")
	fl.DurationVar(&f.writeTimeout, "write-timeout", kiosk.DefaultWriteTimeout, "close the connection of a visitor who stops reading: a write not done this long after it began\n"+
		"(a command's output is also capped at 1 MiB, then truncated with a line saying so and exit status 1)")
	fl.Float64Var(&f.rate, "rate", kiosk.DefaultRate, "new connections per second allowed from one address (0 for no limit)")
	fl.IntVar(&f.burst, "burst", kiosk.DefaultBurst, "connections one address may open at once before --rate applies")
	fl.IntVar(&f.maxPerAddr, "max-conns-per-addr", kiosk.DefaultMaxConnsPerAddr, "connections one address may hold open at once (0 for no limit)")
	fl.BoolVar(&f.proxyProtocol, "proxy-protocol", false, "take each visitor's address from the PROXY protocol header (v1 or v2) a balancer sends;\n"+
		"headers are believed from --trusted-proxies only, and refused from anywhere else")
	fl.StringVar(&f.trustedProxies, "trusted-proxies", "", "the balancers that may send a PROXY header: `CIDR`[,CIDR...] (such as 10.0.0.0/8,192.0.2.7)")
	fl.StringVar(&f.logFormat, "log-format", "text", "`FORMAT` of the logs: text or json")
	fl.StringVar(&f.pprofAddr, "pprof-addr", "", pprofHelp)
	fl.StringVar(&f.metricsAddr, "metrics-addr", "", "serve Prometheus metrics at http://`ADDR`/metrics (such as 127.0.0.1:9222; default: off)")
	return cmd
}

func (f *serveFlags) check(t i18n.CLIStrings, k i18n.KioskStrings) error {
	switch {
	case f.maxSessions < 1:
		return usageErr(t.ServeOneOrMore, "--max-sessions", f.maxSessions)
	case f.idle < 0:
		return usageErr(t.ServeDuration, "--idle-timeout", f.idle, "10m")
	case f.maxSession < 0:
		return usageErr(t.ServeDuration, "--max-session", f.maxSession, "1h")
	case f.sessionsPerAddr < 0:
		return usageErr(k.ZeroOrMore, "--max-sessions-per-addr", f.sessionsPerAddr)
	case f.startTimeout < time.Second:
		return usageErr(k.SecondOrMore, "--start-timeout", f.startTimeout, "30s")
	case f.writeTimeout < time.Second:
		return usageErr(k.SecondOrMore, "--write-timeout", f.writeTimeout, "10s")
	case f.rate < 0:
		return usageErr(t.ServeRate, f.rate)
	case f.burst < 1:
		return usageErr(t.ServeOneOrMore, "--burst", f.burst)
	case f.maxPerAddr < 0:
		return usageErr(k.ZeroOrMore, "--max-conns-per-addr", f.maxPerAddr)
	case f.proxyProtocol && f.trustedProxies == "":
		return usageErr("%s", k.NeedTrustedProxies)
	case !f.proxyProtocol && f.trustedProxies != "":
		return usageErr("%s", k.NeedProxyProtocol)
	case f.logFormat != "text" && f.logFormat != "json":
		return usageErr(t.ServeLogFormat, f.logFormat)
	}
	if f.authKeys != "" {
		fh, err := os.Open(f.authKeys)
		if err != nil {
			return usageErr("--authorized-keys: %v", unwrapPath(err))
		}
		fh.Close() //nolint:errcheck
	}
	if f.hostKey != "" {
		if err := checkHostKeyDir(t, f.hostKey); err != nil {
			return err
		}
	}
	if f.maxStartups != "" {
		var err error
		if f.startups, err = kiosk.ParseMaxStartups(f.maxStartups); err != nil {
			return usageErr("--max-startups %v", err)
		}
	}
	if f.trustedProxies != "" {
		var err error
		if f.trusted, err = kiosk.ParseTrustedProxies(f.trustedProxies); err != nil {
			return usageErr("--trusted-proxies: %v", err)
		}
	}
	if f.metricsAddr != "" {
		if _, _, err := net.SplitHostPort(f.metricsAddr); err != nil {
			return usageErr(k.MetricsAddr, f.metricsAddr)
		}
	}
	if f.pprofAddr != "" {
		if !pprofBuilt {
			return usageErr(k.PprofNotBuilt, f.pprofAddr)
		}
		host, _, err := net.SplitHostPort(f.pprofAddr)
		ip := net.ParseIP(host)
		if err != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
			return usageErr(k.PprofAddr, f.pprofAddr)
		}
	}
	return nil
}

// checkHostKeyDir refuses a --host-key whose directory does not exist: a
// mistyped path would otherwise create directories and a new key, and the
// fingerprint visitors trust would change without a word. The default path's
// directory ($XDG_DATA_HOME/cyberdiplo) is still made on a first run.
func checkHostKeyDir(t i18n.CLIStrings, path string) error {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil // there is a key (or something the kiosk will explain)
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usageErr(t.HostKeyNoDir, quote(path), quote(dir))
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", pe.Path, pe.Err)
	}
	return err
}

// runServe runs the kiosk until SIGINT or SIGTERM (or ctx ends).
func (a *app) runServe(ctx context.Context, f *serveFlags) error {
	if err := f.check(a.t(), i18n.For(a.msgLang()).Kiosk); err != nil {
		return err
	}
	lib, lang, err := a.libraryAndLang()
	if err != nil {
		return err
	}
	if f.hostKey == "" {
		f.hostKey = kiosk.DefaultHostKeyPath(a.env.Getenv)
	}
	logger := newLogger(a.env.Err, f.logFormat)
	_, statErr := os.Stat(f.hostKey)
	newKey := errors.Is(statErr, fs.ErrNotExist)
	srv, err := kiosk.New(kiosk.Config{
		Listen:             f.listen,
		HostKeyPath:        f.hostKey,
		AuthorizedKeysPath: f.authKeys,
		MaxSessions:        f.maxSessions,
		MaxSessionsPerAddr: f.sessionsPerAddr,
		StartTimeout:       f.startTimeout,
		MaxStartups:        f.startups,
		IdleTimeout:        f.idle,
		MaxSession:         f.maxSession,
		WriteTimeout:       f.writeTimeout,
		Rate:               f.rate,
		Burst:              f.burst,
		MaxConnsPerAddr:    f.maxPerAddr,
		ProxyProtocol:      f.proxyProtocol,
		TrustedProxies:     f.trusted,
		Lang:               lang,
		Logger:             logger,
		Library:            lib,
		Exec:               kioskExec,
	})
	if err != nil {
		var ce *kiosk.ConfigError
		if errors.As(err, &ce) {
			return usageErr("%v", err)
		}
		return err
	}
	if newKey {
		logger.Warn("created a new host key: its fingerprint is new to every visitor", "host_key", f.hostKey)
	}
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return usageErr("--listen %s: %v", f.listen, err)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	if f.metricsAddr != "" {
		ml, err := net.Listen("tcp", f.metricsAddr)
		if err != nil {
			ln.Close() //nolint:errcheck
			return usageErr("--metrics-addr %s: %v", f.metricsAddr, err)
		}
		defer ml.Close() //nolint:errcheck
		logger.Info("metrics", "metrics_addr", ml.Addr().String())
		go srv.ServeMetrics(ml) //nolint:errcheck // ends when ml is closed
	}
	if f.pprofAddr != "" {
		pl, err := net.Listen("tcp", f.pprofAddr)
		if err != nil {
			ln.Close() //nolint:errcheck
			return usageErr("--pprof-addr %s: %v", f.pprofAddr, err)
		}
		defer pl.Close() //nolint:errcheck
		logger.Info("profiler", "pprof_addr", pl.Addr().String())
		go servePprof(pl) //nolint:errcheck // ends when pl is closed
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	for running := true; running; {
		select {
		case err := <-served:
			return err
		case <-hup:
			a.reload(srv, logger, f)
		case <-ctx.Done():
			running = false
		}
	}
	stop() // a second signal ends the program at once
	sctx, cancel := context.WithTimeout(context.Background(), shutdownWait)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		logger.Warn("kiosk stopped before every session ended", "err", err)
	}
	<-served
	logger.Info("kiosk stopped")
	return nil
}

// newLogger writes the kiosk's log to w, one line an event, as text (key=value)
// or JSON: the time to the second, the level in lower case, durations as "1.5s".
func newLogger(w io.Writer, format string) *slog.Logger {
	opts := &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		switch {
		case len(groups) > 0:
		case a.Key == slog.TimeKey:
			a.Value = slog.StringValue(a.Value.Time().Format(time.RFC3339))
		case a.Key == slog.LevelKey:
			a.Value = slog.StringValue(strings.ToLower(a.Value.String()))
		case a.Value.Kind() == slog.KindDuration:
			a.Value = slog.StringValue(a.Value.Duration().String())
		}
		return a
	}}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// reload is SIGHUP: the authorized keys and the content (--content) are read
// again, for the sessions that start from now on; open sessions are not touched.
// A file that cannot be read, parsed or linted leaves what is in use, with one
// error line in the log.
func (a *app) reload(srv *kiosk.Server, logger *slog.Logger, f *serveFlags) {
	if f.authKeys != "" {
		if n, err := srv.ReloadAuthorizedKeys(); err != nil {
			logger.Error("reload: authorized keys unchanged", "file", f.authKeys, "err", err)
		} else {
			logger.Info("reload: authorized keys", "file", f.authKeys, "keys", n)
		}
	}
	if a.contentDir == "" {
		logger.Info("reload: the content is built in: nothing to reload")
		return
	}
	lib, err := loadChecked(os.DirFS(a.contentDir))
	if err != nil {
		logger.Error("reload: content unchanged", "dir", a.contentDir, "err", err)
		return
	}
	srv.SetLibrary(lib)
	attrs := []any{"dir", a.contentDir}
	for _, l := range langs.All() {
		attrs = append(attrs, "pages_"+l, len(lib.Pages(l)))
	}
	logger.Info("reload: content", attrs...)
}

// loadChecked loads content that passes lint (as `cyberdiplo lint` checks it).
func loadChecked(fsys fs.FS) (*library.Library, error) {
	problems, err := library.Lint(fsys)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%d problem(s), the first: %v", len(problems), problems[0])
	}
	return library.Load(fsys)
}

// kioskExec runs a visitor's command with the restricted command line.
func kioskExec(ctx context.Context, args []string, e kiosk.ExecEnv) int {
	return ExecuteRestricted(ctx, args, Env{
		Out: e.Out, Err: e.Err, Getenv: e.Getenv, Width: e.Width,
		Library: e.Library, Cache: e.Cache, Index: e.Index,
	})
}
