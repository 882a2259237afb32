// lockorder: a lock-order deadlock. transfer locks its source account, then its
// destination; one transfer goes a to b while another goes b to a, so each holds the lock the
// other waits for. Twelve later transfers from a queue behind them at the first Lock.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"services/internal/capture"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func transfer(from, to *account, n int) {
	from.mu.Lock() // EXPECT: first lock
	defer from.mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	to.mu.Lock() // EXPECT: second lock
	defer to.mu.Unlock()
	from.balance -= n
	to.balance += n
}

func main() {
	stop := capture.Start("lockorder")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	go http.Serve(ln, nil) // keeps the runtime from calling it a deadlock
	a, b := &account{balance: 100}, &account{balance: 100}
	go transfer(a, b, 1) // EXPECT: a to b
	go transfer(b, a, 2) // EXPECT: b to a
	time.Sleep(5 * time.Millisecond)
	for i := 0; i < 12; i++ {
		go transfer(a, b, 3) // EXPECT: queued
	}
	time.Sleep(400 * time.Millisecond)
	stop()
	os.Exit(0)
}
