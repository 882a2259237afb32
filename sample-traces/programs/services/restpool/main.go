// restpool: a pool of 6 workers takes a burst of jobs at the start and then waits for the
// next burst (every 5 s: none in the window after the first), a healthy pool at rest. Beside
// it, each of 4 requests starts a goroutine to wait for a reply nobody sends: the leak, to
// read first though the pool outnumbers it.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"sync"
	"time"

	"services/internal/capture"
)

const (
	workers  = 6
	requests = 4
)

var (
	mu   sync.Mutex
	done int
)

func worker(jobs <-chan int) {
	for j := range jobs { // EXPECT: pool
		mu.Lock()
		done += j
		mu.Unlock()
	}
}

func awaitReply(reply chan string) {
	<-reply // EXPECT: blocked
}

func main() {
	stop := capture.Start("restpool")
	jobs := make(chan int)
	for i := 0; i < workers; i++ {
		go worker(jobs) // EXPECT: pool created
	}
	go func() {
		for {
			for i := 0; i < 60; i++ {
				jobs <- i
			}
			time.Sleep(5 * time.Second)
		}
	}()
	for i := 0; i < requests; i++ {
		go awaitReply(make(chan string)) // EXPECT: created
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(400 * time.Millisecond)
	stop()
}
