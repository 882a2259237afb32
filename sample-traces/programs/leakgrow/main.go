// leakgrow: a service whose leak keeps growing until the trace stops. Its request
// loop starts one handler goroutine per request, from one `go` statement, for the
// whole traced window; every second request's handler sends its reply on an
// unbuffered channel nobody reads (the caller gave up), so 1200 handlers stay
// blocked in "chan send", the newest only a few milliseconds before the trace
// stops, while the other 1200 answer and return. The dumps are written right
// after the trace stops: a trace and a dump of the same moment, with the same
// 1200 stuck goroutines, most of them blocked for less than half of the trace.
package main

import (
	"time"

	"samples/internal/sample"
)

// EXPECT: program

const requests = 2400

var sink uint64

// serve answers request i on its own goroutine.
func serve(i int, reply chan int) {
	acc := uint64(i)
	for k := 0; k < 2000; k++ {
		acc = acc*6364136223846793005 + 1442695040888963407
	}
	sink += acc & 1
	if i%2 == 1 {
		reply <- i // EXPECT: block group=leaked count=1200 reason="chan send" growing=true
	}
}

func main() {
	run := sample.Start()
	for i := 0; i < requests; i++ {
		go serve(i, make(chan int)) // EXPECT: go group=leaked
		time.Sleep(800 * time.Microsecond)
	}
	sample.WaitBlocked("main.serve", requests/2)
	run.Finish()
}
