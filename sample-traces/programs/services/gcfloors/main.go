// gcfloors: two heaps as a GC log (GODEBUG=gctrace=1) sees them, each over about 3 s of
// many GC cycles (every 20-50 ms: 16 KiB of garbage per event).
//
//   - -mode leak: an append-only event log. Every event keeps 512 bytes for good (about
//     10 MiB/s) while its garbage keeps the GC busy: the live heap each cycle marks rises
//     by about one MB per cycle, 2 MB to about 30 MB. A leak.
//   - -mode batches: batch work. Each batch keeps rows (4 KiB each) for 0.9 s, then drops
//     them; three batches, the run ending at the top of the third, before its drop. The
//     live heap climbs to about 100 MB and falls back twice. No leak.
//
// Writes nothing but the runtime's gctrace lines on stderr.
package main

import (
	"flag"
	"time"
)

var mode = flag.String("mode", "leak", "leak | batches")

type event struct {
	id   int
	body [60]int64
}

var (
	kept    []*event
	garbage []byte
)

// record keeps the event for good: the leak.
//
//go:noinline
func record(id int) {
	kept = append(kept, &event{id: id})
	garbage = make([]byte, 16<<10)
}

type row struct{ data []byte }

// accumulate adds a row to the batch.
//
//go:noinline
func accumulate(batch []*row) []*row {
	garbage = make([]byte, 8<<10)
	return append(batch, &row{data: make([]byte, 4<<10)})
}

func main() {
	flag.Parse()
	start := time.Now()
	switch *mode {
	case "leak":
		for id := 0; time.Since(start) < 3*time.Second; {
			for i := 0; i < 20; i++ {
				record(id)
				id++
			}
			time.Sleep(time.Millisecond)
		}
	case "batches":
		for b := 0; b < 3; b++ {
			var batch []*row
			for t := time.Now(); time.Since(t) < 900*time.Millisecond; {
				for i := 0; i < 40; i++ {
					batch = accumulate(batch)
				}
				time.Sleep(time.Millisecond)
			}
			if b == 2 {
				break // the window ends at the third batch's top
			}
			batch = nil
			time.Sleep(100 * time.Millisecond)
			_ = batch
		}
	}
}
