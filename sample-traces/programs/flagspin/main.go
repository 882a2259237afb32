// flagspin: a goroutine busy-waits for a flag nobody sets, `for !ready.Load() {}`, burning a
// CPU for the whole run, while another sorts a table with sort.Ints the whole time. Both are
// busy and never block; the scheduler preempts the spinner inside sync/atomic's Load (inlined
// into the loop; Go 1.21+ record that stack without the loop's frames) and the sorter inside
// package sort. Only the first is spinning: the second computes, and nothing is stuck.
package main

import (
	"sort"
	"sync/atomic"
	"time"

	"samples/internal/sample"
)

// EXPECT: program summary="1 goroutine spinning on an atomic flag nobody sets (main.waitReady) beside a sorter that computes the whole run"

var ready, stop atomic.Bool

//go:noinline
func waitReady() {
	for !ready.Load() { // EXPECT: spin group=spinner count=1 unrecorded_from=1.21
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
	var sorted atomic.Int64
	go waitReady() // EXPECT: go group=spinner
	go sorter(&sorted)
	time.Sleep(1500 * time.Millisecond)
	// The dumps and profiles are written while both still run; then the flag is set.
	run.Finish()
	stop.Store(true)
	ready.Store(true)
	if sorted.Load() == 0 {
		panic("no work done")
	}
}
