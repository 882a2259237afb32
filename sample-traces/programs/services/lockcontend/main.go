// lockcontend: a price cache shared by 24 request workers, guarded by one sync.Mutex that
// Put holds while it computes the price (a slow hash, ~100 µs): the workers queue at the lock
// all the time, and their work runs one at a time. Nothing is stuck: every wait ends when the
// holder unlocks. With -fixed, Put computes outside the lock and holds it only for the map
// write: the same work, no queue.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture), and
// while the workers queue, the goroutine profile as debug=1 text (PREFIX.goroutine-1.txt) and
// as protobuf (PREFIX.goroutine.pb.gz): a worker caught in Unlock handing the lock on to a
// waiter shows `runtime_Semrelease` as its innermost frame there, runnable, not waiting.
package main

import (
	"flag"
	"os"
	"runtime/pprof"
	"sync"
	"time"

	"services/internal/capture"
)

const workers = 24

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
	c.mu.Unlock() // EXPECT: unlock
}

// profile writes the goroutine profile of this moment to path.
func profile(path string, debug int) {
	f, err := os.Create(path)
	capture.Check(err)
	capture.Check(pprof.Lookup("goroutine").WriteTo(f, debug))
	capture.Check(f.Close())
}

func main() {
	prefix := capture.Prefix("lockcontend")
	stop := capture.Trace(prefix)
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
	time.Sleep(100 * time.Millisecond)
	profile(prefix+".goroutine-1.txt", 1)
	profile(prefix+".goroutine.pb.gz", 0)
	time.Sleep(50 * time.Millisecond)
	close(done)
	wg.Wait()
	stop()
}
