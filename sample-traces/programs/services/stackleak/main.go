// stackleak: each request starts a worker that fills a 64 KiB buffer on its own stack and
// then waits for a reply nobody sends: 1,000 requests over about 3 s leak 1,000 goroutines
// whose memory is their stacks (128 KiB each: the buffer and its frame round up to a power
// of two), not the heap. Each request also makes 512 KiB of garbage, so the GC keeps
// running; the heap it leaves stays small (a channel per leaked goroutine). A GC log
// (GODEBUG=gctrace=1) shows the stacks each cycle scanned climb while the heap after GC
// does not grow.
//
// Writes nothing but the runtime's gctrace lines on stderr.
package main

import "time"

const requests = 1000

var garbage []byte

// work sums a buffer it keeps on its stack, then waits for a reply that never comes.
//
//go:noinline
func work(id int, reply chan int) int {
	var buf [64 << 10]byte
	for i := range buf {
		buf[i] = byte(id + i)
	}
	sum := 0
	for _, b := range buf {
		sum += int(b)
	}
	return sum + <-reply
}

func main() {
	for i := 0; i < requests; i++ {
		go work(i, make(chan int))
		garbage = make([]byte, 512<<10)
		time.Sleep(3 * time.Millisecond)
	}
}
