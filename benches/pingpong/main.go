// pingpong is the opposite shape of busy: a handful of goroutines that hand a value back and
// forth over unbuffered channels for about twenty seconds, so each goroutine's row in the
// timeline holds millions of short spans (running, waiting on a channel, runnable). It
// traces itself until the trace file reaches -mb MiB. The trace is for goroscope's frame-time
// benchmark (examples/ui_frame_bench.rs); it is generated, never committed.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"sync/atomic"
	"time"
)

// spin burns about n loop iterations between two hand-overs, so the program paces its trace
// (bytes per second) instead of filling the file as fast as the scheduler can switch.
func spin(n int) int {
	x := 0
	for i := 0; i < n; i++ {
		x += i ^ x
	}
	return x
}

var sink atomic.Int64

// pair plays ping-pong between two goroutines until stop is closed.
func pair(stop <-chan struct{}, work int, wg *sync.WaitGroup) {
	ping, pong := make(chan int), make(chan int)
	wg.Add(2)
	go func() { // the echo side
		defer wg.Done()
		for v := range ping {
			sink.Add(int64(spin(work)))
			pong <- v + 1
		}
	}()
	go func() { // the serving side
		defer wg.Done()
		defer close(ping)
		for v := 0; ; {
			select {
			case <-stop:
				return
			default:
			}
			ping <- v
			v = <-pong
			sink.Add(int64(spin(work)))
		}
	}()
}

func main() {
	out := flag.String("out", "pingpong.trace", "trace output file")
	mb := flag.Int64("mb", 200, "stop once the trace reaches this many MiB")
	pairs := flag.Int("pairs", 3, "ping-pong pairs (two goroutines each)")
	work := flag.Int("work", 300, "loop iterations of work per hand-over")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	start := time.Now()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for p := 0; p < *pairs; p++ {
		pair(stop, *work, &wg)
	}
	for {
		time.Sleep(100 * time.Millisecond)
		st, err := f.Stat()
		if err != nil {
			panic(err)
		}
		if st.Size() >= *mb<<20 {
			break
		}
	}
	close(stop)
	wg.Wait()
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
	fmt.Fprintf(os.Stderr, "%s: %d pairs for %.1f s\n", *out, *pairs, time.Since(start).Seconds())
}
