// closedspin: a consumer loop reads jobs from a channel and treats a receive that is not ok
// as a transient error to retry at once, not as the end. It handles 20 jobs, 15 ms apart,
// blocking in "chan receive" between them; then the producer closes the channel and every
// receive returns at once: the loop spins for the rest of the run (about 1.2 s of 1.5).
// Beside it a consumer that ranges over its own channel returns when that one closes.
// Nothing is stuck; the first goroutine spins, though it blocked 20 times first.
package main

import (
	"sync/atomic"
	"time"

	"samples/internal/sample"
)

// EXPECT: program summary="1 goroutine spinning on a closed channel (main.retryLoop) after 20 jobs it blocked for; a consumer that returns on close"

const jobs = 20

var retries, done atomic.Int64

//go:noinline
func retryLoop(in <-chan int) {
	for {
		j, ok := <-in // EXPECT: spin group=retry count=1
		if !ok {
			retries.Add(1)
			continue // the bug: a closed channel is the end, not an error to retry
		}
		done.Add(int64(j))
	}
}

// drain is the healthy consumer: it returns when its channel closes.
func drain(in <-chan int) {
	for j := range in {
		done.Add(int64(j))
	}
}

func main() {
	run := sample.Start()
	a, b := make(chan int), make(chan int)
	go retryLoop(a) // EXPECT: go group=retry
	go drain(b)
	for i := 0; i < jobs; i++ {
		a <- i
		b <- i
		time.Sleep(15 * time.Millisecond)
	}
	close(a)
	close(b)
	time.Sleep(1200 * time.Millisecond)
	run.Finish()
	if retries.Load() == 0 {
		panic("the loop never retried")
	}
}
