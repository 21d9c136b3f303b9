package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/term"
)

// childEnv marks the test binary run as `cyberdiplo` itself: the tests below run
// the kiosk in a process of its own (signals, memory), without building the
// binary.
const childEnv = "CYBERDIPLO_TEST_AS_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		env := Env{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv}
		if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
			env.Terminal = true
		}
		os.Exit(Execute(context.Background(), os.Args[1:], env))
	}
	os.Exit(m.Run())
}

// child is `cyberdiplo serve` running in its own process.
type child struct {
	cmd  *exec.Cmd
	addr string
	logs *syncBuffer
	done chan error
}

var listeningRE = regexp.MustCompile(`"msg":"kiosk listening".*?"addr":"([^"]+)"`)

// startChild runs `cyberdiplo serve ARGS` on 127.0.0.1:0 with JSON logs and a
// fresh host key, and waits until it listens.
func startChild(t *testing.T, args ...string) *child {
	t.Helper()
	args = append([]string{"serve", "--listen", "127.0.0.1:0", "--log-format", "json",
		"--host-key", filepath.Join(t.TempDir(), "hostkey")}, args...)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	c := &child{cmd: cmd, logs: &syncBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = c.logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill() //nolint:errcheck
		<-c.done
	})
	waitUntil(t, "the kiosk to listen", func() bool { return listeningRE.MatchString(c.logs.String()) })
	c.addr = listeningRE.FindStringSubmatch(c.logs.String())[1]
	return c
}

//lint:ignore U1000 kept for the kiosk's signal tests (SIGHUP reload, drain)
func (c *child) signal(t *testing.T, sig syscall.Signal) {
	t.Helper()
	if err := c.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
}

// exit waits for the process to end and returns its exit status.
//
//lint:ignore U1000 kept for the kiosk's signal tests (SIGHUP reload, drain)
func (c *child) exit(t *testing.T) int {
	t.Helper()
	select {
	case err := <-c.done:
		c.done <- err // for the cleanup
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(30 * time.Second):
		t.Fatal("the kiosk did not exit")
		return -1
	}
}

// status reads a field of /proc/PID/status, in bytes for the memory ones.
func (c *child) status(t *testing.T, field string) int64 {
	t.Helper()
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	defer f.Close() //nolint:errcheck
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			v, _ := strconv.ParseInt(strings.Fields(rest)[0], 10, 64)
			return v << 10
		}
	}
	t.Skipf("no %s in /proc/PID/status", field)
	return 0
}
