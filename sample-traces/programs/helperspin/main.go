// helperspin: a consumer busy-waits for work by calling a method of its queue in a loop,
// `for !q.hasWork() {}`, and nobody ever queues any, so it burns a CPU for the whole run.
// The method locks the queue's mutex, looks and returns: the scheduler preempts the
// consumer mostly inside the method (its Lock, its deferred Unlock, its first line), at
// whichever line it was on, and always under the one call of the loop. The loop is in
// main.waitWork; main.(*queue).hasWork only answers. Beside it, a poller that sleeps 10 ms
// between checks of a flag nobody sets: it parks a hundred times a second, not a spin.
package main

import (
	"sync"
	"sync/atomic"
	"time"

	"samples/internal/sample"
)

// EXPECT: program summary="1 goroutine spinning in main.waitWork's loop on q.hasWork() (a method that locks, looks and returns) beside a poller that sleeps between checks"

var stop atomic.Bool

type queue struct {
	mu    sync.Mutex
	items []int
}

//go:noinline
func (q *queue) hasWork() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items) > 0
}

func waitWork(q *queue) {
	for !q.hasWork() { // EXPECT: spin group=consumer count=1
		if stop.Load() {
			return
		}
	}
}

func pollFlag(flag *atomic.Bool) {
	for !flag.Load() && !stop.Load() {
		time.Sleep(10 * time.Millisecond)
	}
}

func main() {
	run := sample.Start()
	q := &queue{}
	var never atomic.Bool
	go waitWork(q) // EXPECT: go group=consumer
	go pollFlag(&never)
	time.Sleep(1500 * time.Millisecond)
	// The dumps and profiles are written while both still run; then they are stopped.
	run.Finish()
	stop.Store(true)
}
