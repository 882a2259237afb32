// timeoutcb: every request arms a timeout callback with time.AfterFunc that reports the
// timeout on the request's channel; the request finished long before and nobody listens,
// so each callback that fires blocks forever in chan send. No `go` statement of the program
// starts them: the runtime's scheduler does, when the timer fires (a dump says
// `created by time.goFunc`; the trace records no creator and no creation stack).
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"time"

	"services/internal/capture"
)

const requests = 40

type request struct{ timedOut chan string }

func serve(i int) {
	r := &request{timedOut: make(chan string)}
	time.AfterFunc(5*time.Millisecond, func() { // EXPECT: armed
		r.timedOut <- "timeout" // EXPECT: blocked
	})
}

func main() {
	stop := capture.Start("timeoutcb")
	for i := 0; i < requests; i++ {
		serve(i)
		time.Sleep(25 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	stop()
}
