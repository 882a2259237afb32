// relock: a cache whose Get holds its mutex and, on a stale entry, calls refresh, which
// takes the same mutex again. sync.Mutex is not reentrant: the first request that finds a
// stale entry waits forever for the lock it holds itself, and every later request queues
// behind it on Get's Lock: 1 goroutine stuck in refresh's Lock, 15 in Get's.
//
// With -refill, the same cache done right, locks released before the slow fetch: get reads
// under the lock, unlocks, fetches, and locks again to store. An evictor takes the mutex and
// waits for a signal that never comes, so the first request waits at get's second Lock, for
// the mutex it released, and the rest queue at the first: no goroutine locked it twice.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"flag"
	"sync"
	"time"

	"services/internal/capture"
)

const requests = 16

var refill = flag.Bool("refill", false, "unlock before the fetch; an evictor holds the lock")

type cache struct {
	mu      sync.Mutex
	entries map[string]entry
}

type entry struct {
	value   string
	fetched time.Time
}

func (c *cache) get(key string) string {
	c.mu.Lock() // EXPECT: queued
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || time.Since(e.fetched) > time.Second {
		e = c.refresh(key) // EXPECT: holds
	}
	return e.value
}

func (c *cache) refresh(key string) entry {
	c.mu.Lock() // EXPECT: relocked
	defer c.mu.Unlock()
	e := entry{value: "v:" + key, fetched: time.Now()}
	c.entries[key] = e
	return e
}

// getRefill is get with the lock released around the slow fetch.
func (c *cache) getRefill(key string) string {
	c.mu.Lock() // EXPECT: refill queued
	e, ok := c.entries[key]
	c.mu.Unlock()
	if !ok {
		time.Sleep(20 * time.Millisecond) // the fetch
		e = entry{value: "v:" + key, fetched: time.Now()}
		c.mu.Lock() // EXPECT: refill stores
		c.entries[key] = e
		c.mu.Unlock()
	}
	return e.value
}

// evict takes the lock and waits for a signal nobody sends.
func (c *cache) evict(stop chan struct{}) {
	c.mu.Lock()
	<-stop // EXPECT: evictor
	c.entries = map[string]entry{}
	c.mu.Unlock()
}

func handle(c *cache, key string) {
	if *refill {
		c.getRefill(key)
		return
	}
	c.get(key)
}

func main() {
	stop := capture.Start("relock")
	c := &cache{entries: map[string]entry{}}
	if *refill {
		go handle(c, "user")
		time.Sleep(5 * time.Millisecond)
		go c.evict(make(chan struct{}))
		time.Sleep(5 * time.Millisecond)
	}
	for i := 0; i < requests; i++ {
		go handle(c, "user") // EXPECT: created
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	stop()
}
