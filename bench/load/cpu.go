package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"
)

// The load tool runs on the same machine as what it measures: it reports the
// CPU time that it, the instances it spawned and HAProxy used while the keys
// were pressed, and the whole machine's (/proc/stat), so that a reader sees
// how much of the cores the clients themselves took.

// cpuProc is a process whose CPU time is reported besides the tool's own.
type cpuProc struct {
	name string
	pid  int
}

// cpuProcs are the spawned instances and HAProxy (set by spawnInstances).
var cpuProcs []cpuProc

// clockTick is the unit of /proc's CPU times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// cpuSample is the CPU time used so far by the tool, each of cpuProcs, and the
// machine (all cores, busy: not idle or iowait).
type cpuSample struct {
	self    time.Duration
	procs   []time.Duration
	machine time.Duration
}

func sampleCPU() cpuSample {
	s := cpuSample{self: procCPU("self")}
	for _, p := range cpuProcs {
		s.procs = append(s.procs, procCPU(strconv.Itoa(p.pid)))
	}
	s.machine = machineCPU()
	return s
}

// procCPU is a process's user and system time, from /proc/PID/stat.
func procCPU(pid string) time.Duration {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	// The fields after the command name (which may hold spaces, in parentheses).
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * clockTick
}

// machineCPU is the busy time of all cores, from /proc/stat's first line.
func machineCPU() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	if len(f) < 8 || f[0] != "cpu" {
		return 0
	}
	var busy int64
	for i, v := range f[1:] {
		if i == 3 || i == 4 { // idle, iowait
			continue
		}
		n, _ := strconv.ParseInt(v, 10, 64)
		busy += n
	}
	return time.Duration(busy) * clockTick
}

// since is what was used between s0 and s over wall, as shares of one core.
func (s cpuSample) since(s0 cpuSample, wall time.Duration) string {
	if wall <= 0 {
		return "unknown"
	}
	pct := func(d time.Duration) string {
		return strconv.FormatFloat(100*float64(d)/float64(wall), 'f', 0, 64) + "%"
	}
	var b strings.Builder
	var ours time.Duration
	self := s.self - s0.self
	ours += self
	fmt.Fprintf(&b, "load tool %s", pct(self))
	for i, p := range cpuProcs {
		if i < len(s.procs) && i < len(s0.procs) {
			d := s.procs[i] - s0.procs[i]
			ours += d
			fmt.Fprintf(&b, ", %s %s", p.name, pct(d))
		}
	}
	if m := s.machine - s0.machine; m > 0 {
		fmt.Fprintf(&b, "; the machine %s (others %s) of one core", pct(m), pct(max(m-ours, 0)))
	}
	return b.String()
}

// startProfile starts the tool's CPU profile to file ("": none) and returns
// what stops it.
func startProfile(file string) func() {
	if file == "" {
		return func() {}
	}
	f, err := os.Create(file)
	if err != nil {
		fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fatal(err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close() //nolint:errcheck
	}
}
