// spingc: one goroutine polls an atomic flag in a tight loop and never blocks, while main
// allocates steadily, so the garbage collector runs a cycle every ~100 ms and, in each, stops
// the spinner to scan its stack. Go 1.22+ traces write that stop as a block with the reason
// "preempted", older ones as a block with no reason: the spinner is still a spinner, and main,
// which sleeps a thousand times a second, is not one.
package main

import (
	"sync/atomic"
	"time"

	"samples/internal/sample"
)

// EXPECT: program summary="1 goroutine spinning on an atomic flag (main.spinFlag) while main allocates and the GC stops it to scan its stack"

var sink [][]byte

//go:noinline
func spinFlag(stop *atomic.Bool, spins *atomic.Int64) {
	for !stop.Load() { // EXPECT: spin group=spinner count=1
		spins.Add(1)
	}
}

func main() {
	run := sample.Start()
	var stop atomic.Bool
	var spins atomic.Int64
	go spinFlag(&stop, &spins) // EXPECT: go group=spinner
	start := time.Now()
	for time.Since(start) < 1500*time.Millisecond {
		sink = append(sink, make([]byte, 32<<10))
		if len(sink) > 64 {
			sink = sink[:0]
		}
		time.Sleep(time.Millisecond)
	}
	run.Finish() // the spinner is still spinning in the dumps
	stop.Store(true)
}
