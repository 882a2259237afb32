// bgservice: a healthy service traced from its start. Main starts one background loop per
// subsystem (a janitor on a 30 s ticker, a config reloader and a leader-election watcher on
// channels, an audit flusher on a 1 min ticker), each waiting in a select that also
// watches the service's context, which stays live: they wait through the whole trace, as
// they would through any trace of a service's start. Requests are served by a pool that
// starts a worker whenever none is idle, up to 8, while the load ramps up; then the load
// stops and the 8 workers wait for the next job. Nothing leaks: the loops are no suspects,
// the pool is at rest (grown with the load).
//
// Writes PREFIX.trace and the runtime's debug=2 goroutine dump of the moment it stops.
package main

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"services/internal/capture"
)

const maxWorkers = 8

type service struct {
	ctx      context.Context
	reloads  chan string
	leader   chan bool
	jobs     chan int
	mu       sync.Mutex
	idle     int
	workers  int
	handled  atomic.Int64
	janitors atomic.Int64
}

func (s *service) janitor() {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		select { // EXPECT: loop
		case <-t.C:
			s.janitors.Add(1)
		case <-s.ctx.Done():
			return
		}
	}
}

func (s *service) reloader() {
	for {
		select { // EXPECT: loop
		case <-s.reloads:
		case <-s.ctx.Done():
			return
		}
	}
}

func (s *service) elect() {
	for {
		select { // EXPECT: loop
		case <-s.leader:
		case <-s.ctx.Done():
			return
		}
	}
}

func (s *service) flusher() {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select { // EXPECT: loop
		case <-t.C:
		case <-s.ctx.Done():
			return
		}
	}
}

// worker serves jobs until the service stops.
func (s *service) worker() {
	for j := range s.jobs { // EXPECT: pool
		time.Sleep(time.Duration(j%5+4) * time.Millisecond) // the request's work
		s.handled.Add(1)
		s.mu.Lock()
		s.idle++
		s.mu.Unlock()
	}
}

// submit hands a job to an idle worker, starting one when none is idle.
func (s *service) submit(j int) {
	s.mu.Lock()
	if s.idle == 0 && s.workers < maxWorkers {
		s.workers++
		s.idle++
		go s.worker() // EXPECT: grown
	}
	s.idle--
	s.mu.Unlock()
	s.jobs <- j
}

func main() {
	stop := capture.Start("bgservice")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &service{ctx: ctx, reloads: make(chan string), leader: make(chan bool), jobs: make(chan int)}
	go s.janitor()
	go s.reloader()
	go s.elect()
	go s.flusher()
	// The load ramps up over 1.2 s (a request every 8 ms, then every 0.2 ms), then stops.
	for j := 0; j < 300; j++ {
		s.submit(j)
		time.Sleep(time.Duration(8000-26*j) * time.Microsecond)
	}
	time.Sleep(700 * time.Millisecond)
	stop()
}
