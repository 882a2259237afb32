// standpool: a healthy service's worker pool made at start, idle between the few jobs that
// requests hand it, beside the requests themselves, short, that come and go (one a
// millisecond, through the dump). At the moment of the dump the 16 workers wait in
// "chan receive" at one line, a crowd of one stack that a leak would also make; their ids
// say otherwise: made at once, long before, with hundreds of goroutines made and gone since
// while the crowd never grew. Nothing leaks.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"sync/atomic"
	"time"

	"services/internal/capture"
)

const workers = 16

func worker(jobs <-chan int, done *atomic.Int64) {
	for j := range jobs { // EXPECT: waits
		done.Add(int64(j))
	}
}

// request does a little work of its own and, now and then, hands a job to the pool.
func request(n int, jobs chan<- int, served *atomic.Int64) {
	time.Sleep(time.Duration(n%7) * time.Millisecond)
	if n%50 == 0 {
		jobs <- n
	}
	served.Add(1)
}

func main() {
	stop := capture.Start("standpool")
	jobs := make(chan int)
	var done, served atomic.Int64
	for i := 0; i < workers; i++ {
		go worker(jobs, &done) // EXPECT: created
	}
	// Requests keep arriving, one a millisecond, through the dump: the pool is idle between
	// the few jobs they hand it.
	go func() {
		for n := 1; ; n++ {
			go request(n, jobs, &served)
			time.Sleep(time.Millisecond)
		}
	}()
	for served.Load() < 400 {
		time.Sleep(5 * time.Millisecond)
	}
	stop()
}
