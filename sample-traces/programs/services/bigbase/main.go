// bigbase: a search node holds a 120 MiB index (loaded before the trace, kept on purpose)
// under a 150 MiB memory limit, and a dedup journal keeps every query's 4 KiB record for good
// (// EXPECT: kept): 500 queries a second, 2 MiB/s, beside 200 MB/s of scratch garbage. The
// heap after GC rises by 2 MiB a second on top of 120 MiB, a few percent in the 3 s traced,
// through cycle after cycle: heap growth, though far under "a quarter more". A trace and the
// debug=2 dump.
package main

import (
	"runtime/debug"
	"sync"
	"time"

	"services/internal/capture"
)

var (
	index   [][]byte
	mu      sync.Mutex
	journal = map[int][]byte{}
	sink    []byte
)

func query(i int) {
	sink = make([]byte, 400<<10) // scratch: garbage at once
	rec := make([]byte, 4<<10)   // EXPECT: kept
	rec[0] = byte(i)
	mu.Lock()
	journal[i] = rec
	mu.Unlock()
}

func main() {
	for i := 0; i < 120; i++ {
		b := make([]byte, 1<<20)
		b[0] = byte(i)
		index = append(index, b)
	}
	debug.SetMemoryLimit(150 << 20)
	stop := capture.Start("bigbase")
	start := time.Now()
	for i := 0; time.Since(start) < 3*time.Second; i++ {
		query(i)
		time.Sleep(2 * time.Millisecond)
	}
	stop()
}
