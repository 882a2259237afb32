// selectspin: 4 goroutines poll a channel with select+default in a loop. They
// never block: they burn CPU, running or runnable for the whole trace.
package main

import (
	"runtime"
	"sync/atomic"
	"time"

	"samples/internal/sample"
)

// EXPECT: program summary="4 goroutines spinning in a select with a default case (never blocked, always running or runnable)"

const spinners = 4

func spin(ch <-chan int, got *atomic.Int64) {
	for {
		select { // EXPECT: spin group=spinners count=4
		case v := <-ch:
			got.Add(int64(v))
		default:
		}
	}
}

func main() {
	run := sample.Start()
	ch := make(chan int)
	var got atomic.Int64
	for i := 0; i < spinners; i++ {
		go spin(ch, &got) // EXPECT: go group=spinners
	}
	// Occasionally feed the spinners; most of the time they find nothing.
	end := time.Now().Add(2 * time.Second)
	for time.Now().Before(end) {
		ch <- 1
		time.Sleep(20 * time.Millisecond)
	}
	runtime.Gosched()
	run.Finish()
}
