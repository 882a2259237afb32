// loopheld: a lock its taker never released, beside a healthy event loop of the same type.
// A device set's cleanup locks the set and returns early on an error without unlocking;
// every later delete waits for the lock for good. The set's event loop, a method of the same
// type, waits on its events channel, fed every 20 ms, and goes round again: it holds no lock,
// though it runs in the type's code. The goroutine that holds the lock is gone.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"errors"
	"sync"
	"time"

	"services/internal/capture"
)

type deviceSet struct {
	mu      sync.Mutex
	devices map[int]bool
	events  chan int
	seen    int
}

// eventLoop handles the set's events as they come.
func (d *deviceSet) eventLoop() {
	for ev := range d.events { // EXPECT: loop waits
		d.seen += ev
	}
}

// cleanup locks the set, and on an error returns without unlocking it.
func (d *deviceSet) cleanup() error {
	d.mu.Lock()
	if len(d.devices) > 0 {
		return errors.New("device busy") // the bug: no Unlock
	}
	d.mu.Unlock()
	return nil
}

func (d *deviceSet) deleteDevice(id int) {
	d.mu.Lock() // EXPECT: waits
	delete(d.devices, id)
	d.mu.Unlock()
}

func main() {
	stop := capture.Start("loopheld")
	d := &deviceSet{devices: map[int]bool{1: true}, events: make(chan int)}
	go d.eventLoop() // EXPECT: loop created
	go func() {
		for {
			d.events <- 1
			time.Sleep(20 * time.Millisecond)
		}
	}()
	done := make(chan error)
	go func() { done <- d.cleanup() }()
	<-done
	for i := 0; i < 12; i++ {
		go d.deleteDevice(i) // EXPECT: created
	}
	time.Sleep(600 * time.Millisecond)
	stop()
}
