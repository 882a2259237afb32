// rwupgrade: a cache's double-checked fill (RLock, look, RUnlock; on a miss Lock, fill,
// Unlock) behind a read lock that is never released: Snapshot read-locks the cache and
// then blocks sending its copy to a channel nobody reads. Misses wait in Get's Lock for the
// reader to leave; every later Get waits at its RLock behind those writers (a waiting
// writer holds new readers back). The writers went past Get's RLock line, but they released
// it before their Lock: the read lock the queue waits behind is Snapshot's.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"strconv"
	"sync"
	"time"

	"services/internal/capture"
)

type cache struct {
	mu sync.RWMutex
	m  map[string]string
}

func (c *cache) Get(k string) string {
	c.mu.RLock() // EXPECT: read
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	c.mu.Lock() // EXPECT: fill
	defer c.mu.Unlock()
	if v, ok := c.m[k]; ok {
		return v
	}
	v = "v" + k
	c.m[k] = v
	return v
}

// Snapshot copies the cache under the read lock and hands the copy on: nobody takes it.
func (c *cache) Snapshot(out chan<- map[string]string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	cp := make(map[string]string, len(c.m))
	for k, v := range c.m {
		cp[k] = v
	}
	out <- cp // EXPECT: holder
}

func main() {
	stop := capture.Start("rwupgrade")
	c := &cache{m: map[string]string{"hit": "1"}}
	go c.Snapshot(make(chan map[string]string)) // EXPECT: holder created
	time.Sleep(20 * time.Millisecond)
	for i := 0; i < 3; i++ {
		go c.Get("miss" + strconv.Itoa(i)) // EXPECT: writers created
	}
	time.Sleep(20 * time.Millisecond)
	for i := 0; i < 12; i++ {
		go c.Get("hit") // EXPECT: readers created
	}
	time.Sleep(600 * time.Millisecond)
	stop()
}
