// warmquiet: a service loads its 48 MiB lookup table in its first second (the heap after each
// GC climbs cycle after cycle while it loads), then only reads it for 3 s, making so little
// garbage that no GC runs again before the trace ends. The floors the trace holds are all of
// the load: the rise ended 3 s before the end, and nothing says the heap still grows. No
// heap-growth finding (Go 1.19 and 1.27); a trace and the debug=2 dump.
package main

import (
	"time"

	"services/internal/capture"
)

// table is the service's lookup table: 48 MiB in rows of 64 KiB.
var table [][]byte

func load() {
	for i := 0; i < 768; i++ {
		row := make([]byte, 64<<10) // EXPECT: load
		row[0] = byte(i)
		table = append(table, row)
		time.Sleep(time.Millisecond)
	}
}

// serve reads the table a few hundred times a second, allocating nothing.
func serve(until time.Time) int {
	n := 0
	for time.Now().Before(until) {
		for i := 0; i < 64; i++ {
			n += int(table[(n+i)%len(table)][0])
		}
		time.Sleep(2 * time.Millisecond)
	}
	return n
}

func main() {
	stop := capture.Start("warmquiet")
	load()
	serve(time.Now().Add(3 * time.Second))
	stop()
}
