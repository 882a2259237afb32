// partsleak: each request gathers its answer in parts. It starts one collector per part,
// each receiving the part's pieces on its own channel, and a producer that sends them. The
// producer sends every collector its first piece, then finds the request's deadline passed
// and returns without sending the rest or closing anything: each collector, woken once by
// it, waits for its second piece forever. Twenty requests leave 60 collectors in "chan
// receive" whose only sender has exited. A trace sees each collector take work from this same
// wait once, at its start, as a pool between jobs would; but whoever fed them is gone, and a
// pool at rest is fed from outside.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"time"

	"services/internal/capture"
)

const (
	requests = 20
	parts    = 3
	pieces   = 2
)

// collect gathers one part's pieces.
func collect(in <-chan []byte, got *int) {
	for i := 0; i < pieces; i++ {
		b := <-in // EXPECT: blocked
		*got += len(b)
	}
}

// produce sends each part's pieces until the deadline has passed.
func produce(outs []chan []byte, deadline time.Time) {
	for piece := 0; piece < pieces; piece++ {
		if piece > 0 && time.Now().After(deadline) {
			return // gives up: the collectors still wait for the rest
		}
		for _, out := range outs {
			out <- make([]byte, 64)
		}
	}
}

func handle(deadline time.Time) {
	outs := make([]chan []byte, parts)
	got := make([]int, parts)
	for i := range outs {
		outs[i] = make(chan []byte)
		go collect(outs[i], &got[i]) // EXPECT: created
	}
	go produce(outs, deadline)
}

func main() {
	stop := capture.Start("partsleak")
	for i := 0; i < requests; i++ {
		handle(time.Now()) // a deadline already due: every producer gives up after one piece
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(1500 * time.Millisecond)
	stop()
}
