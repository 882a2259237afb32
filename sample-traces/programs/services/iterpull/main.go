//go:build go1.23

// iterpull: iter.Pull (Go 1.23+) runs its sequence on a coroutine, a goroutine the caller
// switches to and from (runtime.coroswitch) and that stays parked in the sequence's yield
// until the sequence ends or stop is called. Two uses side by side:
//   - healthy: merge pulls two sorted sequences and stops both with defer stop() (one merge
//     reads both to the end, one takes the first few and stops early), and a lookup that
//     finds nothing stops its pull: 10 times each, 50 coroutines that end;
//   - the leak: firstOver pulls a sequence, returns at the first value over its limit and
//     calls stop only on the path where nothing was found. Each call that finds a value
//     leaves the sequence's coroutine waiting forever in yield (// EXPECT: blocked), made by
//     the iter.Pull at // EXPECT: created: 40 lookups, 40 goroutines in [coroutine].
//
// The file's build constraint sets its language version to 1.23 (the module says 1.19).
// Writes PREFIX.trace, the debug=1 and debug=2 goroutine dumps of the moment it stops.
// With -every 30ms (iterpull_spread), the coroutines parked in the trace's last generation
// have no stack (a switch writes none) and the others have their status stack.
package main

import (
	"flag"
	"iter"
	"time"

	"services/internal/capture"
)

const lookups = 40

// every is the pause between lookups: -every 30ms spreads them over 1.2 s, so a trace's
// generation boundary falls among them (iterpull_spread).
var every = flag.Duration("every", 10*time.Millisecond, "pause between lookups")

// ascending yields n numbers from start, step apart.
func ascending(start, step, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(start + i*step) { // EXPECT: blocked
				return
			}
		}
	}
}

// merge merges two sorted sequences into at most limit values; both pulls are stopped.
func merge(a, b iter.Seq[int], limit int) []int {
	nextA, stopA := iter.Pull(a) // EXPECT: merge pull
	defer stopA()
	nextB, stopB := iter.Pull(b)
	defer stopB()
	va, okA := nextA()
	vb, okB := nextB()
	var out []int
	for (okA || okB) && len(out) < limit {
		if okA && (!okB || va <= vb) {
			out = append(out, va)
			va, okA = nextA()
		} else {
			out = append(out, vb)
			vb, okB = nextB()
		}
	}
	return out
}

// firstOver returns the first value of seq over limit. The early return forgets stop.
func firstOver(seq iter.Seq[int], limit int) (int, bool) {
	next, stop := iter.Pull(seq) // EXPECT: created
	for {
		v, ok := next()
		if !ok {
			stop()
			return 0, false
		}
		if v > limit {
			return v, true
		}
	}
}

func main() {
	stop := capture.StartAll("iterpull")
	total := 0
	for i := 0; i < lookups; i++ {
		if i%4 == 0 {
			// Healthy: a merge read to the end, one stopped after 3 values, a lookup that
			// finds nothing (stopped).
			total += len(merge(ascending(i, 2, 4), ascending(i+1, 3, 4), 100))
			total += len(merge(ascending(0, 1, 50), ascending(1, 1, 50), 3))
			if _, ok := firstOver(ascending(0, 1, 2), 100); ok {
				panic("found")
			}
		}
		// Leaky: a lookup that finds its value.
		if v, ok := firstOver(ascending(0, 5, 8), i%4*5); ok {
			total += v
		}
		time.Sleep(*every)
	}
	time.Sleep(300 * time.Millisecond)
	if total == 0 {
		panic("nothing merged")
	}
	stop()
}
