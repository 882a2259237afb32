// expvar: a service that serves the standard library's /debug/vars (package expvar: the
// command line, runtime.MemStats, and a "goroutines" variable it publishes), and a script's
// view of it: the answer fetched twelve times, appended to one file, as
// `while sleep 5; do curl -s host/debug/vars >> vars.log; done` does. Between fetches it
// caches 8 MiB more (never freed) and starts 25 goroutines that never return. Writes
// PREFIX.vars.log.
package main

import (
	"expvar"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"time"
)

// EXPECT: program summary="expvar: /debug/vars fetched twelve times into one file; 8 MiB cached and 25 goroutines leaked between fetches"
// EXPECT: finding kind=heap-growth

const (
	fetches      = 12
	perFetch     = 8 << 20
	entry        = 16 << 10
	leakPerFetch = 25
)

var cache [][]byte

func main() {
	out := flag.String("out", "expvar", "prefix of the file written")
	flag.Parse()
	expvar.Publish("goroutines", expvar.Func(func() any { return runtime.NumGoroutine() }))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go http.Serve(ln, nil)
	f, err := os.Create(*out + ".vars.log")
	if err != nil {
		panic(err)
	}
	block := make(chan struct{})
	for i := 0; i < fetches; i++ {
		for j := 0; j < perFetch/entry; j++ {
			cache = append(cache, make([]byte, entry))
		}
		for j := 0; j < leakPerFetch; j++ {
			go func() { <-block }()
		}
		time.Sleep(100 * time.Millisecond)
		resp, err := http.Get("http://" + ln.Addr().String() + "/debug/vars")
		if err != nil {
			panic(err)
		}
		if _, err := io.Copy(f, resp.Body); err != nil {
			panic(err)
		}
		resp.Body.Close()
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
	if len(cache) != fetches*perFetch/entry {
		panic("cache")
	}
}
