// oldleak: a service traced in mid-life after its leak is done: 60 requests each leaked a
// fetcher blocked in "chan send" (the handler gave up on a timeout and nobody reads its
// channel), all before the trace starts; nothing leaks while it runs. Beside them, an idle
// pool of 4 workers. The trace holds where the 60 wait (Go 1.23+ write each goroutine's stack
// at a generation's start) but no `go` statement that made them: only the debug=2 dump of the
// same moment names it.
//
// Writes PREFIX.trace and the runtime's debug=2 goroutine dump of the moment it stops
// (PREFIX.goroutine-2.txt).
package main

import (
	"time"

	"services/internal/capture"
)

const (
	leaked  = 60
	workers = 4
)

func fetch(out chan<- string) {
	out <- "done" // EXPECT: blocked
}

func handle(timeout <-chan time.Time) {
	out := make(chan string)
	go fetch(out) // EXPECT: created
	select {
	case <-out:
	case <-timeout:
	}
}

func worker(jobs <-chan int) {
	for range jobs { // EXPECT: idle
	}
}

func main() {
	out := capture.Prefix("oldleak")
	jobs := make(chan int)
	for i := 0; i < workers; i++ {
		go worker(jobs)
	}
	expired := make(chan time.Time)
	close(expired) // every handler times out at once
	for i := 0; i < leaked; i++ {
		handle(expired)
	}
	time.Sleep(100 * time.Millisecond)
	stop := capture.Trace(out)
	time.Sleep(300 * time.Millisecond)
	stop()
}
