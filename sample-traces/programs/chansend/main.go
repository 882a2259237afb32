// chansend: a request handler spawns senders on an unbuffered channel and
// returns without reading it: 2000 goroutines stay blocked in "chan send".
package main

import (
	"time"

	"samples/internal/sample"
)

// EXPECT: program

const senders = 2000

func sender(ch chan<- int, v int) {
	ch <- v // EXPECT: block group=senders count=2000 reason="chan send"
}

//go:noinline
func handle(n int) int {
	ch := make(chan int)
	for i := 0; i < n; i++ {
		go sender(ch, i) // EXPECT: go group=senders
	}
	// Bug: returns early (think: timeout) and nobody ever receives from ch.
	return n
}

func main() {
	run := sample.Start()
	handle(senders)
	sample.WaitBlocked("main.sender", senders)
	sample.Busy(2 * time.Second)
	run.Finish()
}
