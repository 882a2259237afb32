// Package sample holds the plumbing shared by the sample programs: the -out flag,
// the execution trace, the goroutine dumps and profiles written at the end, and a
// helper that waits until planted goroutines have really reached their blocking
// point (so the counts in expect.json are exact).
package sample

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"
	"time"
)

var out = flag.String("out", "", "output prefix: writes PREFIX.trace, PREFIX.goroutine-1.txt, PREFIX.goroutine-2.txt, PREFIX.goroutine.pb.gz, PREFIX.heap.pb.gz")

// Prefix parses the flags and returns the output prefix.
func Prefix() string {
	if !flag.Parsed() {
		flag.Parse()
	}
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: -out PREFIX")
		os.Exit(2)
	}
	return *out
}

// Run is one traced run of a sample program.
type Run struct {
	prefix string
	f      *os.File
}

// Start parses the flags and starts the execution trace into PREFIX.trace.
func Start() *Run {
	p := Prefix()
	f, err := os.Create(p + ".trace")
	must(err)
	must(trace.Start(f))
	return &Run{prefix: p, f: f}
}

// Finish stops the trace, then writes the goroutine dumps and the heap profile.
// The planted goroutines are still blocked when the dumps are taken.
func (r *Run) Finish() {
	trace.Stop()
	must(r.f.Close())
	WriteProfiles(r.prefix)
}

// WriteProfiles writes the goroutine profile (debug=1, debug=2, binary) and the
// heap profile (after a GC) next to PREFIX.
func WriteProfiles(prefix string) {
	write(prefix+".goroutine-1.txt", func(f *os.File) error { return pprof.Lookup("goroutine").WriteTo(f, 1) })
	write(prefix+".goroutine-2.txt", func(f *os.File) error { return pprof.Lookup("goroutine").WriteTo(f, 2) })
	write(prefix+".goroutine.pb.gz", func(f *os.File) error { return pprof.Lookup("goroutine").WriteTo(f, 0) })
	runtime.GC()
	write(prefix+".heap.pb.gz", func(f *os.File) error { return pprof.Lookup("heap").WriteTo(f, 0) })
}

func write(path string, fn func(*os.File) error) {
	f, err := os.Create(path)
	must(err)
	must(fn(f))
	must(f.Close())
}

// Blocked counts the goroutines that are not running or runnable and whose stack
// has a frame in function fn (e.g. "main.sender").
func Blocked(fn string) int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	count := 0
	for _, rec := range bytes.Split(buf, []byte("\n\n")) {
		s := string(rec)
		nl := strings.IndexByte(s, '\n')
		if nl < 0 {
			continue
		}
		hdr := s[:nl]
		i := strings.IndexByte(hdr, '[')
		if i < 0 {
			continue
		}
		state := hdr[i+1:]
		if strings.HasPrefix(state, "running") || strings.HasPrefix(state, "runnable") {
			continue
		}
		if strings.Contains(s, "\n"+fn+"(") {
			count++
		}
	}
	return count
}

// WaitBlocked waits until exactly n goroutines are blocked in fn, or exits the
// program with an error after 20 seconds.
func WaitBlocked(fn string, n int) {
	deadline := time.Now().Add(20 * time.Second)
	for {
		c := Blocked(fn)
		if c == n {
			return
		}
		if c > n || time.Now().After(deadline) {
			fmt.Fprintf(os.Stderr, "WaitBlocked(%s): %d goroutines blocked, want %d\n", fn, c, n)
			os.Exit(1)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// WaitGoroutines waits until runtime.NumGoroutine() <= n (exits after 20 s).
func WaitGoroutines(n int) {
	deadline := time.Now().Add(20 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			fmt.Fprintf(os.Stderr, "WaitGoroutines: %d goroutines, want <= %d\n", runtime.NumGoroutine(), n)
			os.Exit(1)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Busy keeps the calling goroutine doing small amounts of work for d: a loop of
// computation and short sleeps, like a main loop that is alive and well.
func Busy(d time.Duration) uint64 {
	end := time.Now().Add(d)
	var acc uint64 = 1
	for time.Now().Before(end) {
		for i := 0; i < 20000; i++ {
			acc = acc*6364136223846793005 + 1442695040888963407
		}
		time.Sleep(10 * time.Millisecond)
	}
	return acc
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
