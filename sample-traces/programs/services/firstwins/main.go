// firstwins: each of 20 requests asks 8 replicas at once and takes the first answer; the other
// seven block forever sending theirs on an unbuffered channel nobody reads again. The
// caller is a little late to read, so the winner too waits in chan send, briefly, and is
// woken: the same wait ends for one of each eight, never for the others, however long.
// A leak, not a queue.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"time"

	"services/internal/capture"
)

const replicas = 8

func ask(replica int, answers chan<- int) {
	answers <- replica // EXPECT: blocked
}

func query() int {
	answers := make(chan int)
	for r := 0; r < replicas; r++ {
		go ask(r, answers) // EXPECT: created
	}
	time.Sleep(2 * time.Millisecond) // the caller's own work first
	return <-answers
}

func main() {
	stop := capture.Start("firstwins")
	for i := 0; i < 20; i++ {
		query()
		time.Sleep(40 * time.Millisecond)
	}
	stop()
}
