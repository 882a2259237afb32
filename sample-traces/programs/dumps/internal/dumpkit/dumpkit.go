// Package dumpkit is the plumbing of the dump-only sample programs: the -out flag, the
// goroutine dumps (debug=1 and debug=2) and a wait until planted goroutines really block.
// It builds with Go 1.19 and later (the trace programs next door need Go 1.22).
package dumpkit

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"
)

var out = flag.String("out", "", "output prefix: writes PREFIX.goroutine-1.txt and PREFIX.goroutine-2.txt")

// Prefix parses the flags and returns the output prefix ("" when not given).
func Prefix() string {
	if !flag.Parsed() {
		flag.Parse()
	}
	return *out
}

// WriteDumps writes the goroutine profile as debug=1 and debug=2 text next to prefix.
func WriteDumps(prefix string) {
	for _, debug := range []int{1, 2} {
		f, err := os.Create(fmt.Sprintf("%s.goroutine-%d.txt", prefix, debug))
		must(err)
		must(pprof.Lookup("goroutine").WriteTo(f, debug))
		must(f.Close())
	}
}

// Blocked counts the goroutines that are not running or runnable and have a frame in fn.
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

// WaitBlocked waits until exactly n goroutines are blocked in fn (exits after 20 s).
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

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
