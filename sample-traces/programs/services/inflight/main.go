// inflight: a healthy service's transactions in flight. Each request begins a transaction
// whose watcher goroutine waits for it to finish (a database/sql-style awaitDone), works
// for up to 150 ms and commits, which ends the watcher. Requests arrive every 2 ms, so any
// moment holds some 30-40 watchers in "chan receive" at one line, a crowd of one stack
// that a leak would also make. What tells them apart is their ids: Go numbers goroutines
// as it makes them, and these are the program's newest, with as many made in their time
// already gone (the earlier transactions, committed). Nothing leaks.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops, with requests
// still in flight.
package main

import (
	"sync/atomic"
	"time"

	"services/internal/capture"
)

type tx struct {
	done chan struct{}
}

// awaitDone is the transaction's watcher: it ends when the transaction does.
func (t *tx) awaitDone(open *atomic.Int64) {
	<-t.done // EXPECT: waits
	open.Add(-1)
}

func begin(open *atomic.Int64) *tx {
	t := &tx{done: make(chan struct{})}
	open.Add(1)
	go t.awaitDone(open) // EXPECT: created
	return t
}

// request works for 0-150 ms inside its transaction, then commits.
func request(n int, open *atomic.Int64) {
	t := begin(open)
	time.Sleep(time.Duration(n*37%150) * time.Millisecond)
	close(t.done)
}

func main() {
	stop := capture.Start("inflight")
	var open atomic.Int64
	for n := 0; n < 600; n++ {
		go request(n, &open)
		time.Sleep(2 * time.Millisecond)
	}
	stop() // requests still in flight
}
