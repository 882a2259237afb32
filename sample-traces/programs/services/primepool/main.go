// primepool: a worker pool counting primes, saturated for the whole run (its feeder blocks
// on a full job queue, its collector on an empty result queue, each until a worker hands it
// something), beside one goroutine that waits for shutdown by polling a channel in a select
// with a default case. The workers never block and are running or runnable nearly all the
// time, like the poller: the workers make progress the rest of the program waits for, the
// poller spins.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"time"

	"services/internal/capture"
)

const workers = 3

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

// count counts the primes of each block [from, from+20000) it is given.
func count(jobs <-chan int, results chan<- int) {
	for from := range jobs {
		c := 0
		for n := from; n < from+20000; n++ {
			if isPrime(n) {
				c++
			}
		}
		results <- c
	}
}

// awaitShutdown polls for the shutdown signal instead of blocking on it.
func awaitShutdown(quit <-chan struct{}, polls *int) {
	for {
		select {
		case <-quit: // EXPECT: spin
			return
		default:
			*polls++
		}
	}
}

func main() {
	stop := capture.Start("primepool")
	jobs := make(chan int, 64)
	results := make(chan int, 64)
	for i := 0; i < workers; i++ {
		go count(jobs, results) // EXPECT: workers
	}
	total := 0
	go func() {
		for c := range results {
			total += c
		}
	}()
	quit := make(chan struct{})
	var polls int
	go awaitShutdown(quit, &polls) // EXPECT: poller
	end := time.Now().Add(1500 * time.Millisecond)
	for from := 0; time.Now().Before(end); from += 20000 {
		jobs <- from
	}
	stop()
}
