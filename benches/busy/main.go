// busy keeps the Go scheduler as busy as a loaded service: channel ping-pong, mutex and
// WaitGroup contention, short sleeps, network-like timers and steady allocation, with a
// goroutine created per "request". It traces itself until the trace file reaches -mb MiB.
// The trace is for goroscope's load benchmark; it is generated, never committed.
package main

import (
	"flag"
	"os"
	"runtime/trace"
	"sync"
	"time"
)

var sink [][]byte

func pingPong(a, b chan int, n int) {
	for i := 0; i < n; i++ {
		a <- i
		<-b
	}
}

func request(mu *sync.Mutex, counter *int, wg *sync.WaitGroup) {
	defer wg.Done()
	buf := make([]byte, 512)
	mu.Lock()
	*counter++
	mu.Unlock()
	if *counter%64 == 0 {
		time.Sleep(10 * time.Microsecond)
	}
	mu.Lock()
	sink = append(sink, buf)
	if len(sink) > 4096 {
		sink = sink[:0]
	}
	mu.Unlock()
}

func main() {
	out := flag.String("out", "busy.trace", "trace output file")
	mb := flag.Int64("mb", 200, "stop once the trace reaches this many MiB")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	done := make(chan struct{})
	var mu sync.Mutex
	counter := 0
	for w := 0; w < 8; w++ {
		go func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				a, b := make(chan int), make(chan int)
				go func() {
					for v := range a {
						b <- v
					}
				}()
				pingPong(a, b, 200)
				close(a)
				var wg sync.WaitGroup
				for r := 0; r < 32; r++ {
					wg.Add(1)
					go request(&mu, &counter, &wg)
				}
				wg.Wait()
			}
		}()
	}
	for {
		time.Sleep(100 * time.Millisecond)
		st, err := f.Stat()
		if err == nil && st.Size() >= *mb<<20 {
			break
		}
	}
	close(done)
	trace.Stop()
	f.Close()
}
