// relock: a cache whose Get holds its mutex and, on a stale entry, calls refresh, which
// takes the same mutex again. sync.Mutex is not reentrant: the first request that finds a
// stale entry waits forever for the lock it holds itself, and every later request queues
// behind it on Get's Lock: 1 goroutine stuck in refresh's Lock, 15 in Get's.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"sync"
	"time"

	"services/internal/capture"
)

const requests = 16

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

func handle(c *cache, key string) {
	c.get(key)
}

func main() {
	stop := capture.Start("relock")
	c := &cache{entries: map[string]entry{}}
	for i := 0; i < requests; i++ {
		go handle(c, "user") // EXPECT: created
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	stop()
}
