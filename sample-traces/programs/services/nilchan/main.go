// nilchan: a worker type whose results channel is never made. Every job's goroutine sends
// its result on the nil channel and blocks forever: 25 leak, one every 4 ms. Go's dump says
// `[chan send (nil chan)]`; a Go 1.22+ trace writes the block with the reason "forever", the
// same as `select {}`, and only the stack tells the two apart.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"time"

	"services/internal/capture"
)

const jobs = 25

type worker struct {
	results chan int // never made
}

func (w *worker) run(job int) {
	w.results <- job * 2 // EXPECT: blocked
}

func main() {
	stop := capture.Start("nilchan")
	w := &worker{}
	for i := 0; i < jobs; i++ {
		go w.run(i) // EXPECT: created
		time.Sleep(4 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	stop()
}
