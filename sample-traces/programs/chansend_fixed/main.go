// chansend_fixed: the healthy twin of chansend. Same shape (a handler spawns
// 2000 senders on an unbuffered channel), but the handler drains the channel,
// so every sender exits. No goroutine is stuck: no suspects.
package main

import (
	"runtime"
	"time"

	"samples/internal/sample"
)

// EXPECT: program healthy=true summary="healthy twin of chansend: 2000 senders on an unbuffered channel, all drained by the handler; no stuck goroutines"

const senders = 2000

func sender(ch chan<- int, v int) {
	ch <- v
}

//go:noinline
func handle(n int) int {
	ch := make(chan int)
	for i := 0; i < n; i++ {
		go sender(ch, i)
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-ch // the fix: every value is received
	}
	return sum
}

func main() {
	run := sample.Start()
	base := runtime.NumGoroutine()
	handle(senders)
	sample.WaitGoroutines(base)
	sample.Busy(2 * time.Second)
	run.Finish()
}
