// lookupleak: the timeout pattern's leak. Each request starts a lookup in a goroutine and
// waits for its answer or 50 ms, whichever comes first; the lookup takes 150 ms and then
// sends its answer on an unbuffered channel nobody reads any more, and blocks for good.
// 200 requests, one every 10 ms: at the end about 185 lookups wait in "chan send" and the
// last ~15 still sleep in their lookup, on their way to the same send. One leak: one
// suspect, at the send; the sleepers are its members in flight, not a second one.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"time"

	"services/internal/capture"
)

func slowLookup(id int) int {
	time.Sleep(150 * time.Millisecond) // EXPECT: sleep
	return id * 2
}

func handle(id int) (int, bool) {
	ch := make(chan int) // unbuffered: the bug
	go func() {          // EXPECT: created
		ch <- slowLookup(id) // EXPECT: send
	}()
	select {
	case v := <-ch:
		return v, true
	case <-time.After(50 * time.Millisecond):
		return 0, false
	}
}

func main() {
	stop := capture.Start("lookupleak")
	t := time.NewTicker(10 * time.Millisecond)
	for id := 0; id < 200; id++ {
		<-t.C
		go handle(id)
	}
	time.Sleep(60 * time.Millisecond)
	stop()
}
