// goleak: Go's own goroutine leak detector (the goroutineleak profile: Go 1.27, and Go 1.26
// built with GOEXPERIMENT=goroutineleakprofile). 25 requests each start a sender on a
// channel only that sender can reach, and return: the GC proves the senders can never be
// woken and marks them leaked. 3 watchers wait on a global channel that nobody sends on:
// blocked forever too, but reachable, so not leaked. The profile is written in its three
// forms: PREFIX.goroutineleak.pb.gz (debug=0), PREFIX.goroutineleak-1.txt (debug=1, the
// leaked goroutines grouped), PREFIX.goroutineleak-2.txt (debug=2: every goroutine, the
// leaked ones with "(leaked)" after their state).
package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"samples/internal/sample"
)

// EXPECT: program summary="goroutineleak profile: 25 senders on channels only they can reach are leaked; 3 watchers of a global channel are blocked but not leaked"

const requests = 25

var shutdown = make(chan struct{}) // global: reachable, so its waiters are not leaks

func sendResult(ch chan<- int, v int) {
	ch <- v // EXPECT: block group=leaked count=25 reason="chan send"
}

//go:noinline
func handle(i int) {
	ch := make(chan int)
	go sendResult(ch, i) // EXPECT: go group=leaked
	// Bug: returns without receiving; nothing else holds ch.
}

func watch() {
	<-shutdown
}

func main() {
	prefix := sample.Prefix()
	for i := 0; i < 3; i++ {
		go watch()
	}
	for i := 0; i < requests; i++ {
		handle(i)
	}
	sample.WaitBlocked("main.sendResult", requests)
	sample.WaitBlocked("main.watch", 3)
	p := pprof.Lookup("goroutineleak")
	if p == nil {
		fmt.Fprintln(os.Stderr, "no goroutineleak profile: Go 1.27, or Go 1.26 with GOEXPERIMENT=goroutineleakprofile")
		os.Exit(1)
	}
	for _, w := range []struct {
		suffix string
		debug  int
	}{{".goroutineleak.pb.gz", 0}, {".goroutineleak-1.txt", 1}, {".goroutineleak-2.txt", 2}} {
		f, err := os.Create(prefix + w.suffix)
		if err == nil {
			err = p.WriteTo(f, w.debug)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
