// lockleft: a wallet whose Withdraw returns early on insufficient funds without unlocking
// its mutex. The first withdrawal that fails leaves the wallet locked: every later
// Withdraw and Deposit waits at its Lock for good, and no goroutine alive holds it.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"errors"
	"sync"
	"time"

	"services/internal/capture"
)

type wallet struct {
	mu      sync.Mutex
	balance int
}

var errFunds = errors.New("insufficient funds")

func (w *wallet) Withdraw(n int) error {
	w.mu.Lock() // EXPECT: withdraw
	if w.balance < n {
		return errFunds // BUG: returns holding w.mu
	}
	w.balance -= n
	w.mu.Unlock()
	return nil
}

func (w *wallet) Deposit(n int) {
	w.mu.Lock() // EXPECT: deposit
	w.balance += n
	w.mu.Unlock()
}

func main() {
	stop := capture.Start("lockleft")
	w := &wallet{balance: 100}
	for i := 0; i < 6; i++ {
		go w.Withdraw(30) // EXPECT: withdrawers
		time.Sleep(10 * time.Millisecond)
	}
	for i := 0; i < 4; i++ {
		go w.Deposit(10) // EXPECT: depositors
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	stop()
}
