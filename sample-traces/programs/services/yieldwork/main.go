// yieldwork: two scrubbers checksum a buffer with CRC-32 for 600 ms, and every 4,096 blocks
// each calls runtime.Gosched() to let latency-sensitive goroutines run, while main sleeps.
// They run or wait for a CPU all the time, and the trace shows them yielding at one line
// hundreds of times, as a spin that yields does (`for !ready() { runtime.Gosched() }`); but
// they run a millisecond or two between yields, where a spin runs a microsecond: work, not
// a busy wait. No spinning, nothing stuck.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"hash/crc32"
	"runtime"
	"time"

	"services/internal/capture"
)

var sums [2]uint32

// scrub checksums data again and again until stop, yielding every 4,096 blocks.
func scrub(slot int, data []byte, stop time.Time) {
	var sum uint32
	for i := 1; ; i++ {
		sum = crc32.Update(sum, crc32.IEEETable, data)
		if i%4096 == 0 {
			if time.Now().After(stop) {
				break
			}
			runtime.Gosched() // EXPECT: yield
		}
	}
	sums[slot] = sum
}

func main() {
	stop := capture.Start("yieldwork")
	data := make([]byte, 4096)
	for i := range data {
		data[i] = byte(i * 7)
	}
	end := time.Now().Add(600 * time.Millisecond)
	go scrub(0, data, end) // EXPECT: scrub created
	go scrub(1, data, end)
	time.Sleep(400 * time.Millisecond)
	stop()
}
