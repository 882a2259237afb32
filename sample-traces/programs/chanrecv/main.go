// chanrecv: a worker pool ranging over a jobs channel that nobody closes.
// When the work is done the 8 workers stay blocked in "chan receive" forever,
// while main carries on.
package main

import (
	"sync/atomic"
	"time"

	"samples/internal/sample"
)

// EXPECT: program

const workers = 8

func worker(jobs <-chan int, sum *atomic.Int64) {
	for j := range jobs { // EXPECT: block group=workers count=8 reason="chan receive"
		sum.Add(int64(j * j))
	}
}

func main() {
	run := sample.Start()
	jobs := make(chan int)
	var sum atomic.Int64
	for i := 0; i < workers; i++ {
		go worker(jobs, &sum) // EXPECT: go group=workers
	}
	for i := 0; i < 1000; i++ {
		jobs <- i
	}
	// Bug: jobs is never closed, so the workers never leave their range loop.
	sample.WaitBlocked("main.worker", workers)
	sample.Busy(2 * time.Second)
	run.Finish()
}
