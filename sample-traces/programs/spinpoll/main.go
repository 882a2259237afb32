// spinpoll: one goroutine polls a stop channel in `for { select { case <-stop: default: } }`
// and never blocks, burning a CPU for the whole run; beside it six pollers wake on a
// time.Ticker, do a little work and exit after 200 to 700 ms. Only the spinner is a
// problem: the ticker pollers block between ticks and end.
package main

import (
	"sync"
	"sync/atomic"
	"time"

	"samples/internal/sample"
)

// EXPECT: program summary="1 goroutine spinning in select+default (main.spinPoller) beside 6 ticker pollers that block and exit"

//go:noinline
func spinPoller(stop <-chan struct{}, polls *atomic.Int64) {
	for { // EXPECT: spin group=spinner count=1
		select {
		case <-stop:
			return
		default:
			polls.Add(1)
		}
	}
}

//go:noinline
func tickerPoller(i int, wg *sync.WaitGroup, polls *atomic.Int64) {
	defer wg.Done()
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	end := time.After(time.Duration(200+100*i) * time.Millisecond)
	for {
		select {
		case <-t.C:
			polls.Add(1)
		case <-end:
			return
		}
	}
}

func main() {
	run := sample.Start()
	start := time.Now()
	stop := make(chan struct{})
	var polls atomic.Int64
	go spinPoller(stop, &polls) // EXPECT: go group=spinner
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go tickerPoller(i, &wg, &polls)
	}
	wg.Wait()
	time.Sleep(2*time.Second - time.Since(start))
	run.Finish() // the spinner is still spinning in the dumps
	close(stop)
}
