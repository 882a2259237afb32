// memleak_fixed: the healthy twin of memleak. The same request loop, but the cache
// keeps only the last 1024 responses and the pool's buffers are Put back. The heap is a
// sawtooth over a flat floor of about 4 MB: no finding.
package main

import (
	"sync"
	"time"

	"samples/internal/sample"
)

// EXPECT: program healthy=true summary="healthy twin of memleak: bounded cache (1024 entries), sync.Pool used right; flat heap after GC"

const (
	runFor    = 3 * time.Second
	perSecond = 36 << 20
	entry     = 4 << 10
	keep      = 1024 // the fix: the cache is bounded
)

var cache = map[int][]byte{}

var pool = sync.Pool{New: func() any { return new([4 << 10]byte) }}

//go:noinline
func remember(key int) {
	cache[key] = make([]byte, entry)
	delete(cache, key-keep)
}

//go:noinline
func render(key int) byte {
	buf := pool.Get().(*[4 << 10]byte)
	defer pool.Put(buf) // the fix: the buffer goes back
	buf[key%len(buf)] = byte(key)
	return buf[0]
}

func main() {
	run := sample.Start()
	log := sample.StartMemLog(100 * time.Millisecond)
	start := time.Now()
	key := 0
	for time.Since(start) < runFor {
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
