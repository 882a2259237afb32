// timeoutcb: every request arms a timeout callback with time.AfterFunc that reports the
// timeout on the request's channel; the request finished long before and nobody listens,
// so each callback that fires blocks forever in chan send. No `go` statement of the program
// starts them: the runtime's scheduler does, when the timer fires (a dump says
// `created by time.goFunc`; the trace records no creator and no creation stack).
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"time"
)

const requests = 40

type request struct{ timedOut chan string }

func serve(i int) {
	r := &request{timedOut: make(chan string)}
	time.AfterFunc(5*time.Millisecond, func() { // EXPECT: armed
		r.timedOut <- "timeout" // EXPECT: blocked
	})
}

func main() {
	out := flag.String("out", "timeoutcb", "prefix of the files written")
	flag.Parse()
	f, err := os.Create(*out + ".trace")
	check(err)
	check(trace.Start(f))
	for i := 0; i < requests; i++ {
		serve(i)
		time.Sleep(25 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	d, err := os.Create(*out + ".goroutine-2.txt")
	check(err)
	check(pprof.Lookup("goroutine").WriteTo(d, 2))
	check(d.Close())
	trace.Stop()
	check(f.Close())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
