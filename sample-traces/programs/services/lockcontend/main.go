// lockcontend: a price cache shared by 8 request workers, guarded by one sync.Mutex that
// Put holds while it computes the price (a slow hash, ~100 µs): the workers queue at the lock
// all the time, and their work runs one at a time. Nothing is stuck: every wait ends when the
// holder unlocks. With -fixed, Put computes outside the lock and holds it only for the map
// write: the same work, no queue.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"flag"
	"sync"
	"time"

	"services/internal/capture"
)

const workers = 8

var fixed = flag.Bool("fixed", false, "compute outside the lock")

type cache struct {
	mu     sync.Mutex
	prices map[int]uint64
}

// price is the slow part: about 100 µs of hashing.
func price(k int) uint64 {
	h := uint64(k) + 14695981039346656037
	for i := 0; i < 60000; i++ {
		h ^= uint64(i)
		h *= 1099511628211
	}
	return h
}

func (c *cache) Put(k int) {
	if *fixed {
		p := price(k)
		c.mu.Lock()
		c.prices[k%1024] = p
		c.mu.Unlock()
		return
	}
	c.mu.Lock() // EXPECT: lock
	c.prices[k%1024] = price(k)
	c.mu.Unlock()
}

func main() {
	stop := capture.Start("lockcontend")
	c := &cache{prices: map[int]uint64{}}
	done := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) { // EXPECT: workers created
			defer wg.Done()
			for k := w; ; k += workers {
				select {
				case <-done:
					return
				default:
				}
				c.Put(k)
			}
		}(w)
	}
	time.Sleep(300 * time.Millisecond)
	close(done)
	wg.Wait()
	stop()
}
