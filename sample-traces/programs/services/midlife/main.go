// midlife: a service traced in mid-life, the way /debug/pprof/trace?seconds=N catches one.
// Every request leaks a producer blocked in "chan send" (nobody reads its channel): 100 leak
// before the trace starts, 10 more while it runs (one every 50 ms). Go 1.23+ traces write
// where the 100 older ones wait; Go 1.11-1.22 traces write them waiting with no stack.
// Beside the leak, a pool of 6 workers started before the trace handles a few jobs and then
// idles in "chan receive" through the whole window: how a healthy pool looks, not a leak.
//
// Writes PREFIX.trace and the runtime's debug=2 goroutine dump of the moment it stops
// (PREFIX.goroutine-2.txt).
package main

import (
	"sync/atomic"
	"time"

	"services/internal/capture"
)

const (
	before  = 100
	during  = 10
	workers = 6
)

var ready atomic.Bool

//go:noinline
func waitReady() {
	for !ready.Load() { // EXPECT: spin
	}
}

func worker(jobs <-chan int, done chan<- int) {
	for j := range jobs { // EXPECT: idle
		done <- j * j
	}
}

func produce(ch chan<- int, v int) {
	ch <- v // EXPECT: blocked
}

func handle(i int) {
	ch := make(chan int)
	go produce(ch, i) // EXPECT: created
}

func main() {
	out := capture.Prefix("midlife")
	go waitReady()
	jobs, done := make(chan int), make(chan int)
	for i := 0; i < workers; i++ {
		go worker(jobs, done)
	}
	for i := 0; i < 3*workers; i++ {
		go func(i int) { jobs <- i }(i)
		<-done
	}
	for i := 0; i < before; i++ {
		handle(i)
	}
	time.Sleep(100 * time.Millisecond)
	stop := capture.Trace(out)
	for i := 0; i < during; i++ {
		time.Sleep(50 * time.Millisecond)
		handle(before + i)
	}
	time.Sleep(50 * time.Millisecond)
	stop()
	ready.Store(true)
}
