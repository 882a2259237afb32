// callerlock: a lock-order deadlock whose first locks are the callers'. A store's flusher
// locks the store, then calls down into each replica's report, which locks the replica; a
// replica's ticker locks the replica, then calls down into the store's coalesce, which
// locks the store. Each of 4 stores with a replica deadlocks so: the flusher holds the
// store and waits for the replica, the ticker holds the replica and waits for the store.
// Neither Lock that waits is in the function that took the first lock: only the callers'
// arguments in Go's dump say which struct each holds. Eight goroutines, four and four: too
// few for a crowd, all seconds old in a dump.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"sync"
	"time"

	"services/internal/capture"
)

type store struct {
	mu       sync.Mutex
	replicas []*replica
	pending  int
}

type replica struct {
	mu    sync.Mutex
	store *store
	ticks int
}

// flush holds the store while each replica reports.
func (s *store) flush(ready <-chan struct{}) {
	s.mu.Lock() // EXPECT: store locked
	defer s.mu.Unlock()
	<-ready
	for _, r := range s.replicas {
		r.report()
	}
}

func (r *replica) report() {
	r.mu.Lock() // EXPECT: waits for replica
	r.ticks = 0
	r.mu.Unlock()
}

// tick holds the replica while the store coalesces.
func (r *replica) tick(ready chan<- struct{}) {
	r.mu.Lock() // EXPECT: replica locked
	defer r.mu.Unlock()
	close(ready)
	time.Sleep(10 * time.Millisecond)
	r.store.coalesce()
}

func (s *store) coalesce() {
	s.mu.Lock() // EXPECT: waits for store
	s.pending++
	s.mu.Unlock()
}

func main() {
	stop := capture.Start("callerlock")
	for i := 0; i < 4; i++ {
		s := &store{}
		r := &replica{store: s}
		s.replicas = []*replica{r}
		ready := make(chan struct{})
		go s.flush(ready) // EXPECT: flusher created
		go r.tick(ready)  // EXPECT: ticker created
	}
	time.Sleep(600 * time.Millisecond)
	stop()
}
