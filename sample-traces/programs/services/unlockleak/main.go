// unlockleak: a store whose put returns early on a rejected key without unlocking its
// mutex. The one request that sends such a key returns (its goroutine exits) with the lock
// held; every later writer waits for the lock in put and every reader in get, for good. Go's
// dump says 12 goroutines `[sync.Mutex.Lock]` in put and 20 in get (`[semacquire]` before Go
// 1.20); no goroutine alive is inside the store's code: the holder is gone.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"errors"
	"sync"
	"time"

	"services/internal/capture"
)

const (
	writers = 12
	readers = 20
)

var errRejected = errors.New("rejected key")

type store struct {
	mu    sync.Mutex
	items map[string]int
}

func (s *store) put(k string, v int) error {
	s.mu.Lock() // EXPECT: writers wait
	if k == "" {
		return errRejected // EXPECT: returns locked
	}
	s.items[k] = v
	s.mu.Unlock()
	return nil
}

func (s *store) get(k string) int {
	s.mu.Lock() // EXPECT: readers wait
	defer s.mu.Unlock()
	return s.items[k]
}

func handle(s *store, k string, v int) {
	_ = s.put(k, v)
}

func main() {
	stop := capture.Start("unlockleak")
	s := &store{items: map[string]int{}}
	for i := 0; i < 5; i++ {
		handle(s, "warm", i)
	}
	go handle(s, "", 0) // EXPECT: rejected request
	time.Sleep(10 * time.Millisecond)
	for i := 0; i < writers; i++ {
		go handle(s, "k", i) // EXPECT: writers created
		time.Sleep(2 * time.Millisecond)
	}
	for i := 0; i < readers; i++ {
		go s.get("k") // EXPECT: readers created
		time.Sleep(2 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	stop()
}
