// pileup: every request starts a session keeper that pings on a ticker until its
// session is closed, and no session is ever closed. Each keeper wakes every 20 ms and
// waits again, so none of them waits long; but one more piles up with every request,
// and the goroutine count climbs. Each request's own worker finishes.
package main

import (
	"sync/atomic"
	"time"

	"samples/internal/sample"
)

// EXPECT: program

const requests = 60

type session struct {
	done  chan struct{}
	pings atomic.Int64
}

func keepAlive(s *session) {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select { // EXPECT: block group=keepers count=60 count_min=57 reason="select" growing=true
		case <-t.C:
			s.pings.Add(1)
		case <-s.done:
			return
		}
	}
}

// work is the request's real work: it ends.
func work(n int, out *atomic.Int64) {
	acc := 0
	for i := 0; i < n; i++ {
		acc += i * i
	}
	out.Add(int64(acc))
}

func handle(out *atomic.Int64) *session {
	s := &session{done: make(chan struct{})}
	go keepAlive(s) // EXPECT: go group=keepers
	go work(20000, out)
	return s
}

func main() {
	run := sample.Start()
	var out atomic.Int64
	var sessions []*session
	for i := 0; i < requests; i++ {
		// Bug: the sessions are kept, never closed.
		sessions = append(sessions, handle(&out))
		time.Sleep(25 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	run.Finish()
	if len(sessions) != requests {
		panic("sessions")
	}
}
