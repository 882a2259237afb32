// initpool: a service whose event consumers start in init, before anyone traces it, and
// wait on one channel that gets an event every 700 ms. A trace of 2.5 s sees each event
// wake one consumer; the others never wake in it. A pool between jobs, not a leak: the
// consumers the trace saw take an event are the evidence that the wait is fed. Go's dump
// says 16 goroutines `[chan receive]` in consume.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"sync/atomic"
	"time"

	"services/internal/capture"
)

const consumers = 16

type event struct{ seq int }

var (
	events  = make(chan event)
	handled atomic.Int64
)

func init() {
	for i := 0; i < consumers; i++ {
		go consume() // EXPECT: consumers created
	}
}

func consume() {
	for ev := range events { // EXPECT: consumers wait
		handled.Add(int64(ev.seq))
	}
}

func main() {
	prefix := capture.Prefix("initpool")
	time.Sleep(100 * time.Millisecond) // the service runs a while before it is traced
	stop := capture.Trace(prefix)
	for i := 1; i <= 3; i++ {
		time.Sleep(700 * time.Millisecond)
		events <- event{seq: i}
	}
	time.Sleep(400 * time.Millisecond)
	stop()
}
