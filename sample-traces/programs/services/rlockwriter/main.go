// rlockwriter: a recursive read lock behind a waiting writer. Get holds the cache's read lock
// and calls size, which takes it again; once a writer waits in Lock, no new reader may enter,
// so size waits for the writer, which waits for Get's read lock: a deadlock. Twelve later
// readers queue in Get behind the writer.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"services/internal/capture"
)

type cache struct {
	mu sync.RWMutex
	m  map[string]int
}

func (c *cache) Get(k string) int {
	c.mu.RLock() // EXPECT: readers wait
	defer c.mu.RUnlock()
	time.Sleep(20 * time.Millisecond)
	return c.m[k] + c.size()
}

func (c *cache) size() int {
	c.mu.RLock() // EXPECT: recursive
	defer c.mu.RUnlock()
	return len(c.m)
}

func (c *cache) Set(k string, v int) {
	c.mu.Lock() // EXPECT: writer waits
	defer c.mu.Unlock()
	c.m[k] = v
}

func main() {
	stop := capture.Start("rlockwriter")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	go http.Serve(ln, nil) // keeps the runtime from calling it a deadlock
	c := &cache{m: map[string]int{}}
	go c.Get("a") // EXPECT: first reader
	time.Sleep(5 * time.Millisecond)
	go c.Set("a", 1) // EXPECT: writer
	time.Sleep(5 * time.Millisecond)
	for i := 0; i < 12; i++ {
		go c.Get("b") // EXPECT: queued
	}
	time.Sleep(400 * time.Millisecond)
	stop()
	os.Exit(0)
}
