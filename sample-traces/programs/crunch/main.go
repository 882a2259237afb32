// crunch: a healthy CPU-bound program. One goroutine compresses a buffer with
// compress/flate and another sorts a table with sort.Ints, both for the whole run, never
// blocking: busy like a spinner, but making progress in the standard library's own code the
// whole time. Neither is spinning; nothing is stuck.
package main

import (
	"compress/flate"
	"io"
	"sort"
	"sync/atomic"
	"time"

	"samples/internal/sample"
)

// EXPECT: program healthy=true summary="CPU-bound work: a flate compressor and a sorter busy for the whole run, never blocking; no spinning, nothing stuck"

const runFor = 1500 * time.Millisecond

var stop atomic.Bool

// compress keeps compressing a 64 KiB buffer of text-like bytes, changing it each time.
func compress(rounds *atomic.Int64) {
	buf := make([]byte, 64<<10)
	for i := range buf {
		buf[i] = byte('a' + (i*i)%23)
	}
	w, err := flate.NewWriter(io.Discard, flate.BestCompression)
	if err != nil {
		panic(err)
	}
	for i := 0; !stop.Load(); i++ {
		buf[(i*4099)%len(buf)] ^= byte(i)
		w.Reset(io.Discard)
		if _, err := w.Write(buf); err != nil {
			panic(err)
		}
		if err := w.Close(); err != nil {
			panic(err)
		}
		rounds.Add(1)
	}
}

// sorter sorts a scrambled table again and again, in place.
func sorter(rounds *atomic.Int64) {
	table := make([]int, 1<<16)
	for i := 0; !stop.Load(); i++ {
		for j := range table {
			table[j] = (j*7919 + i) % 65521
		}
		sort.Ints(table)
		rounds.Add(1)
	}
}

func main() {
	run := sample.Start()
	var compressed, sorted atomic.Int64
	go compress(&compressed)
	go sorter(&sorted)
	time.Sleep(runFor)
	// The dumps and profiles are written while both still work; they stop afterwards.
	run.Finish()
	stop.Store(true)
	if compressed.Load() == 0 || sorted.Load() == 0 {
		panic("no work done")
	}
}
