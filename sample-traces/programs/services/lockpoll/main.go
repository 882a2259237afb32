// lockpoll: three pollers check a mutex-guarded job queue in a loop with no sleep and no
// wait, and the queue stays empty (its producer was never started) for the 1 s traced. Each
// takes the queue's mutex every time round, so now and then one waits a moment for another
// to let go of it: a few waits for a lock, and otherwise running or waiting for a CPU all the
// time. A busy poll: a spinning finding of 3 goroutines at the poll (// EXPECT: poll), made
// at // EXPECT: poller created. A trace and the debug=2 dump.
package main

import (
	"sync"
	"time"

	"services/internal/capture"
)

type queue struct {
	mu   sync.Mutex
	jobs []func()
}

func (q *queue) next() (func(), bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.jobs) == 0 {
		return nil, false
	}
	j := q.jobs[0]
	q.jobs = q.jobs[1:]
	return j, true
}

func poller(q *queue) {
	for {
		if job, ok := q.next(); ok { // EXPECT: poll
			job()
		}
	}
}

func main() {
	stop := capture.Start("lockpoll")
	q := &queue{}
	for i := 0; i < 3; i++ {
		go poller(q) // EXPECT: poller created
	}
	time.Sleep(time.Second)
	stop()
}
