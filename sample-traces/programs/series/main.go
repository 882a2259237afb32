// series: a service whose goroutine and heap leaks grow steadily beside a stable worker
// pool. Every 200 ms a batch of requests arrives; each leaks one goroutine waiting for a
// reply nobody sends, and 16 KiB that a cache keeps forever. After each batch the program
// writes a snapshot (debug=1, debug=2, goroutine profile, heap profile): five snapshots in
// which the leaked group grows by 100 goroutines and 1600 KiB each time while the pool of
// 8 workers stays the same. generate-series.sh runs it; programs/series/expect-series.json
// says what each snapshot holds.
package main

import (
	"fmt"
	"runtime"
	"time"

	"samples/internal/sample"
)

// EXPECT: program summary="a leak growing by 100 goroutines and 1600 KiB per snapshot, five snapshots, beside a stable pool of 8 workers"

const (
	snapshots = 5
	perBatch  = 100      // leaked goroutines (and cache entries) per batch
	entrySize = 16 << 10 // bytes each cache entry keeps
	poolSize  = 8
)

// cache only grows. Its backing array is made once in main, so the heap profile charges
// main.remember with exactly the entries' bytes.
var cache [][]byte

//go:noinline
func remember() {
	cache = append(cache, make([]byte, entrySize))
}

func awaitReply(reply <-chan int) {
	<-reply // EXPECT: block group=leak count_min=100 count_max=500 reason="chan receive"
}

//go:noinline
func handle(n int) {
	for i := 0; i < n; i++ {
		reply := make(chan int) // nobody ever answers
		go awaitReply(reply)    // EXPECT: go group=leak
		remember()
	}
}

func poolWorker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
}

//go:noinline
func startPool(jobs <-chan int, results chan<- int) {
	for i := 0; i < poolSize; i++ {
		go poolWorker(jobs, results)
	}
}

func main() {
	// Every allocation in the heap profile, so its figures are exact (set before any).
	runtime.MemProfileRate = 1
	prefix := sample.Prefix()
	cache = make([][]byte, 0, snapshots*perBatch)
	jobs, results := make(chan int), make(chan int)
	startPool(jobs, results)
	for s := 1; s <= snapshots; s++ {
		start := time.Now()
		handle(perBatch)
		// The pool works through a batch of jobs, then rests until the next one.
		for j := 0; j < 1000; j++ {
			jobs <- j
			<-results
		}
		sample.WaitBlocked("main.awaitReply", s*perBatch)
		sample.WaitBlocked("main.poolWorker", poolSize)
		time.Sleep(200*time.Millisecond - time.Since(start))
		sample.WriteProfiles(fmt.Sprintf("%s.%d", prefix, s))
	}
}
