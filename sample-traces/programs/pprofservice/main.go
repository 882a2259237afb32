//go:build go1.25

// pprofservice: a small service to capture from while it runs (goroscope capture, issue 15).
// It serves net/http/pprof's endpoints and a flight-recorder snapshot, and leaks steadily:
// every 50 ms a request leaves one goroutine waiting for a reply on a channel nobody else can
// reach (Go 1.27's goroutineleak profile proves it leaked) and 16 KiB in a cache that only
// grows. Beside the leak, a pool of 8 workers takes a batch of jobs every 500 ms: stable.
// At start a backlog of 50 requests leaks at once, so a trace taken right away already holds
// a leak older than its window. It prints "listening on http://ADDR" once it serves, and
// exits after -exit-after (a test that dies never leaves it running for long).
//
//	pprofservice -addr 127.0.0.1:0 -exit-after 60s
//	curl 'http://ADDR/debug/pprof/goroutine?debug=2'
//	curl -o flight.trace http://ADDR/debug/flight
package main

// EXPECT: program summary="a net/http/pprof service leaking a goroutine and 16 KiB every 50 ms (50 at start) beside a stable pool of 8 workers; a flight recorder at /debug/flight"

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime/trace"
	"sync/atomic"
	"time"
)

const (
	backlog   = 50 // requests leaked at start
	leakEvery = 50 * time.Millisecond
	entrySize = 16 << 10 // bytes each request keeps forever
	poolSize  = 8
	jobsEvery = 500 * time.Millisecond
)

// cache only grows: the heap leak.
var cache [][]byte

// jobs is global, so the pool's workers are reachable: blocked, but never leaked.
var jobs = make(chan int)

var done atomic.Int64

//go:noinline
func remember() {
	cache = append(cache, make([]byte, entrySize))
}

// awaitReply waits for a reply nobody sends: the goroutine leak.
func awaitReply(reply <-chan int) {
	<-reply // EXPECT: block group=leak count_min=50 count_max=100000 reason="chan receive"
}

//go:noinline
func handle() {
	reply := make(chan int) // only awaitReply holds it
	go awaitReply(reply)    // EXPECT: go group=leak
	remember()
}

func poolWorker() {
	for j := range jobs {
		done.Add(int64(j))
	}
}

//go:noinline
func startPool() {
	for i := 0; i < poolSize; i++ {
		go poolWorker()
	}
}

func leakLoop() {
	for range time.Tick(leakEvery) {
		handle()
	}
}

func feedPool() {
	for range time.Tick(jobsEvery) {
		for i := 0; i < poolSize; i++ {
			jobs <- i
		}
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "where to listen")
	exitAfter := flag.Duration("exit-after", time.Minute, "exit after this long")
	flag.Parse()

	// Go 1.25's flight recorder: the last seconds of trace, kept in memory, written on
	// demand. There is no standard endpoint; this program serves it at /debug/flight.
	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{MinAge: 2 * time.Second, MaxBytes: 8 << 20})
	if err := fr.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "flight recorder:", err)
		os.Exit(1)
	}
	http.HandleFunc("GET /debug/flight", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		if _, err := fr.WriteTo(w); err != nil {
			http.Error(w, "flight recorder: "+err.Error(), http.StatusServiceUnavailable)
		}
	})

	startPool()
	for i := 0; i < backlog; i++ {
		handle()
	}
	go leakLoop()
	go feedPool()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("listening on http://%s\n", ln.Addr())
	go func() {
		time.Sleep(*exitAfter)
		os.Exit(0)
	}()
	if err := http.Serve(ln, nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
