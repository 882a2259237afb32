// sharedspin: two watchers started by different functions (watchConfig, watchCerts) wait for
// a store to be ready by calling one helper, waitFor, that busy-waits on the store's method
// (`for !st.ready() {}`); nobody ever marks it ready, so both burn a CPU for the 1 s traced.
// One loop, two start functions: one spinning finding of 2 goroutines at the loop
// (// EXPECT: loop), with the two `go` statements (// EXPECT: config created, // EXPECT:
// certs created) told apart only by their ids. A trace and the debug=2 dump.
package main

import (
	"sync"
	"time"

	"services/internal/capture"
)

type store struct {
	mu   sync.Mutex
	done bool
}

//go:noinline
func (s *store) ready() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.done
}

func waitFor(st *store) {
	for !st.ready() { // EXPECT: loop
	}
}

func watchConfig(st *store) { waitFor(st) }
func watchCerts(st *store)  { waitFor(st) }

func main() {
	stop := capture.Start("sharedspin")
	st := &store{}
	go watchConfig(st) // EXPECT: config created
	go watchCerts(st)  // EXPECT: certs created
	time.Sleep(time.Second)
	stop()
}
