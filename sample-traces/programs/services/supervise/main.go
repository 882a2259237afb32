// supervise: a healthy service's supervisors, each waiting on a WaitGroup for the workers
// it started, which run rounds (a tick, some work) for as long as the service does. Each
// supervisor waits in wg.Wait() the whole window, never woken, as a leak's would; but its
// workers are alive and at work, and each may still call Done. Nothing leaks.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"context"
	"sync"
	"time"

	"services/internal/capture"
)

const (
	supervisors = 3
	workers     = 3
)

// work runs a round every 20 ms until the service stops.
func work(ctx context.Context, rounds *int) {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			*rounds++
		}
	}
}

// supervise starts its workers and waits for all of them to stop.
func supervise(ctx context.Context) {
	var wg sync.WaitGroup
	rounds := make([]int, workers)
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(i int) { // EXPECT: worker created
			defer wg.Done()
			work(ctx, &rounds[i])
		}(i)
	}
	wg.Wait() // EXPECT: waits
}

func main() {
	stop := capture.Start("supervise")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for i := 0; i < supervisors; i++ {
		go supervise(ctx) // EXPECT: created
	}
	time.Sleep(800 * time.Millisecond)
	stop()
}
