// lockheld: a store whose writer holds its mutex while it hands a full batch to a flusher
// that has stopped reading. The writer blocks in chan send with the lock held; every other
// writer waits for the lock in put, and every reader in get. Go's dump says 10 goroutines
// `[sync.Mutex.Lock]` in put, 30 in get (`[semacquire]` before Go 1.20), and one `[chan
// send]` in put, past its Lock: the one that holds it.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"sync"
	"time"

	"services/internal/capture"
)

const (
	batch   = 4
	writers = 11
	readers = 30
)

type store struct {
	mu    sync.Mutex
	items map[int]int
	sink  chan map[int]int // the flusher read one batch, then stopped
}

func (s *store) put(k, v int) {
	s.mu.Lock() // EXPECT: writers wait
	defer s.mu.Unlock()
	s.items[k] = v
	if len(s.items) >= batch {
		s.sink <- s.items // EXPECT: holder
		s.items = map[int]int{}
	}
}

func (s *store) get(k int) int {
	s.mu.Lock() // EXPECT: readers wait
	defer s.mu.Unlock()
	return s.items[k]
}

func main() {
	stop := capture.Start("lockheld")
	s := &store{items: map[int]int{}, sink: make(chan map[int]int)}
	go func() { <-s.sink }() // reads one batch, then returns
	for i := 0; i < batch*2-1; i++ {
		s.put(i, i) // the fourth put flushes; the seventh fills the next batch but one
	}
	for i := 0; i < writers; i++ {
		go s.put(100+i, i) // EXPECT: writers created
		time.Sleep(2 * time.Millisecond)
	}
	for i := 0; i < readers; i++ {
		go s.get(i) // EXPECT: readers created
		time.Sleep(2 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	stop()
}
