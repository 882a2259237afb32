// midpoll: a service traced in mid-life, the way /debug/pprof/trace?seconds=N catches one,
// whose pollers nobody stops. Each request starts a watcher that polls its job's done flag
// every 50 ms; every fourth job fails and its error path never sets the flag (sleeppoll's
// bug), so its watcher polls for ever. 600 requests ran before the trace starts: 150
// watchers are left, every one older than the trace, and the trace (600 ms, no request in
// it) sees each wake and sleep again, never made, never ending: no pile can show. Beside
// them a healthy refresher pool of 8 goroutines, started at once before the trace, sleeps
// 100 ms between rounds.
//
// Writes PREFIX.trace and the runtime's debug=2 goroutine dump of the moment it stops
// (PREFIX.goroutine-2.txt).
package main

import (
	"sync"
	"sync/atomic"
	"time"

	"services/internal/capture"
)

const (
	requests  = 600
	refreshes = 8
)

type job struct{ done atomic.Bool }

// watch polls the job until it is done.
func watch(j *job) {
	for !j.done.Load() {
		time.Sleep(50 * time.Millisecond) // EXPECT: blocked
	}
}

func handle(i int, wg *sync.WaitGroup) {
	j := &job{}
	go watch(j) // EXPECT: created
	wg.Add(1)
	go func() {
		defer wg.Done()
		if i%4 != 3 { // Bug: a failed job is never marked done.
			j.done.Store(true)
		}
	}()
}

// refresh is the healthy pool: a round of work every 100 ms.
func refresh(n *atomic.Int64) {
	for {
		n.Add(1)
		time.Sleep(100 * time.Millisecond) // EXPECT: pool
	}
}

func main() {
	out := capture.Prefix("midpoll")
	var rounds atomic.Int64
	for i := 0; i < refreshes; i++ {
		go refresh(&rounds)
	}
	var wg sync.WaitGroup
	for i := 0; i < requests; i++ {
		handle(i, &wg)
		time.Sleep(500 * time.Microsecond)
	}
	wg.Wait()
	// The finished jobs' watchers see their flag within a poll.
	time.Sleep(150 * time.Millisecond)
	stop := capture.Trace(out)
	time.Sleep(600 * time.Millisecond)
	stop()
}
