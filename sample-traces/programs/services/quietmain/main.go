// quietmain: a quiet service, dumped after a minute. main waits for SIGTERM, as services do;
// an HTTP server accepts nothing; three batch consumers wait on a sync.Cond that nobody
// signals (the producer was never started) and stay stuck. A garbage collection every
// 500 ms, as a service's allocations would bring, lets the runtime stamp when each goroutine
// began to wait, so the dump says "1 minutes" for every one of them: main's wait is how it
// serves, the consumers' is a leak.
//
// Writes PREFIX.goroutine-2.txt, 62 s after the start.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"
)

const consumers = 3

type batcher struct {
	mu    sync.Mutex
	ready *sync.Cond
	items []int
}

func (b *batcher) consume() {
	b.mu.Lock()
	for len(b.items) == 0 {
		b.ready.Wait() // EXPECT: blocked
	}
	b.mu.Unlock()
}

func main() {
	out := flag.String("out", "quietmain", "prefix of the files written")
	wait := flag.Duration("wait", 62*time.Second, "how long before the dump")
	flag.Parse()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	go http.Serve(ln, nil)
	b := &batcher{}
	b.ready = sync.NewCond(&b.mu)
	for i := 0; i < consumers; i++ {
		go b.consume() // EXPECT: created
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM)
	go func() {
		for end := time.Now().Add(*wait); time.Now().Before(end); {
			runtime.GC()
			time.Sleep(500 * time.Millisecond)
		}
		d, err := os.Create(*out + ".goroutine-2.txt")
		check(err)
		check(pprof.Lookup("goroutine").WriteTo(d, 2))
		check(d.Close())
		stop <- syscall.SIGTERM
	}()
	<-stop // EXPECT: main waits
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
