// gclimit: a cache service run with a memory limit (debug.SetMemoryLimit, as GOMEMLIMIT
// sets it) just above what it holds. The cache keeps 32 MiB of small linked entries alive
// and the request loop makes 8 KiB of garbage per request. With the limit only 4 MiB above
// the live heap, the runtime must collect every time the garbage reaches the limit: the heap
// goal is pinned at the limit, GC cycles run back to back, and the garbage collector takes a
// large share of the CPU (a GC death spiral, the last stage before the container's OOM kill).
// With -fixed there is no limit (GOGC=100 aims at twice the live heap), and the same work
// needs a cycle now and then.
//
// Writes PREFIX.trace (of the steady state, once the cache is full) and the debug=2
// goroutine dump of the moment it stops (capture); run with GODEBUG=gctrace=1 for the GC
// log of the whole run on stderr.
package main

import (
	"flag"
	"runtime/debug"
	"time"

	"services/internal/capture"
)

const (
	entries = 32 << 20 / 64 // 64-byte entries holding 32 MiB
	runFor  = 600 * time.Millisecond
)

type entry struct {
	next *entry
	key  [6]uint64
	val  *[0]byte
}

var (
	fixed = flag.Bool("fixed", false, "no memory limit")
	cache *entry
	sink  []byte
)

func fill() {
	for i := 0; i < entries; i++ {
		e := &entry{next: cache}
		e.key[0] = uint64(i)
		cache = e
	}
}

// serve answers one request: some work (a checksum of a 64 KiB page), and 8 KiB of
// garbage for its answer.
func serve(req int, page []byte) uint32 {
	sum := uint32(req)
	for _, b := range page {
		sum = sum*16777619 ^ uint32(b)
	}
	sink = make([]byte, 8<<10) // EXPECT: garbage
	sink[0] = byte(sum)
	return sum
}

func main() {
	prefix := capture.Prefix("gclimit")
	fill()
	limit := int64(36 << 20) // EXPECT: limit
	if !*fixed {
		debug.SetMemoryLimit(limit)
	}
	page := make([]byte, 64<<10)
	req := 0
	if *fixed {
		// Cycles after the cache filled, before the trace: the log shows the floor flat.
		for start := time.Now(); time.Since(start) < 2*runFor; req++ {
			serve(req, page)
		}
	}
	// Traced in its steady state, the cache full, as a running service is captured.
	stop := capture.Trace(prefix)
	for start := time.Now(); time.Since(start) < runFor; req++ {
		serve(req, page)
	}
	stop()
}
