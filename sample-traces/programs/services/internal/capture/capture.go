// Package capture records a service sample's run as a user would capture it: an execution
// trace of the run, and the runtime's debug=2 goroutine dump of the moment before the trace
// stops, so the dump's goroutine ids are the trace's.
package capture

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
)

// Start parses the flags (-out PREFIX, default name) and starts the trace into
// PREFIX.trace. The function it returns writes PREFIX.goroutine-2.txt and stops the trace.
func Start(name string) (stop func()) {
	return Trace(Prefix(name))
}

// Prefix parses the flags (-out PREFIX, default name) and returns the prefix, for a program
// that starts its trace later than it starts (a service traced in mid-life).
func Prefix(name string) string {
	out := flag.String("out", name, "prefix of the files written")
	flag.Parse()
	return *out
}

// Trace starts the trace into PREFIX.trace. The function it returns writes
// PREFIX.goroutine-2.txt and stops the trace.
func Trace(prefix string) (stop func()) {
	f, err := os.Create(prefix + ".trace")
	Check(err)
	Check(trace.Start(f))
	return func() {
		d, err := os.Create(prefix + ".goroutine-2.txt")
		Check(err)
		Check(pprof.Lookup("goroutine").WriteTo(d, 2))
		Check(d.Close())
		trace.Stop()
		Check(f.Close())
	}
}

// Check ends the program on an error.
func Check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
