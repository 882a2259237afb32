// memleak: a request loop that caches every response in a map it never evicts, and
// misuses a sync.Pool (buffers taken with Get are never Put back, so every request
// allocates anew). The heap after GC climbs steadily from about 2 MB to over 100 MB in
// 3 s; the cache's make line holds nearly all of it. No goroutine is stuck.
package main

import (
	"sync"
	"time"

	"samples/internal/sample"
)

// EXPECT: program summary="unbounded map cache (main.remember) plus sync.Pool Get without Put: heap after GC grows from ~2 MB to 100+ MB in 3 s"
// EXPECT: finding kind=heap-growth

const (
	runFor    = 3 * time.Second
	perSecond = 36 << 20 // cached bytes per second
	entry     = 4 << 10
)

var cache = map[int][]byte{}

var pool = sync.Pool{New: func() any { return new([4 << 10]byte) }}

// remember caches a response forever: nothing ever deletes from cache.
//
//go:noinline
func remember(key int) {
	cache[key] = make([]byte, entry) // EXPECT: finding kind=heap-retention
}

// render takes a scratch buffer from the pool and never Puts it back.
//
//go:noinline
func render(key int) byte {
	buf := pool.Get().(*[4 << 10]byte)
	buf[key%len(buf)] = byte(key)
	return buf[0]
}

func main() {
	run := sample.Start()
	log := sample.StartMemLog(100 * time.Millisecond)
	start := time.Now()
	key := 0
	for time.Since(start) < runFor {
		// Pace by the clock, so the growth rate is the same on a busy machine.
		want := int(time.Since(start).Seconds() * perSecond / entry)
		for ; key < want; key++ {
			remember(key)
			render(key)
		}
		time.Sleep(5 * time.Millisecond)
	}
	log.Stop()
	run.Finish()
}
