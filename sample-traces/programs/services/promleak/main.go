// promleak: a service that exports its runtime metrics for Prometheus on /metrics (the Go
// collector's names: go_goroutines, go_memstats_*_bytes, go_gc_duration_seconds, ...,
// written with the standard library, as client_golang's Go collector names them from
// runtime.MemStats) and leaks: each request keeps a 16 KiB session record in a map and
// leaves a goroutine waiting for a reply nobody sends. Prometheus scrapes it every second;
// generate-prom.sh exports the series with /api/v1/query_range.
//
// With -steady the sessions expire and every reply is taken: nothing grows.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"sync"
	"time"
)

var (
	addr   = flag.String("addr", "127.0.0.1:0", "listen address")
	steady = flag.Bool("steady", false, "sessions expire and replies are taken")
	start  = time.Now()
	sink   []byte
)

type session struct {
	data  []byte
	reply chan string
}

var (
	mu       sync.Mutex
	sessions = map[int]*session{}
)

// handle serves one request: a session kept, a reply sent in the background.
func handle(id int) {
	s := &session{data: make([]byte, 16<<10), reply: make(chan string)}
	mu.Lock()
	sessions[id] = s // EXPECT: kept
	if *steady {
		delete(sessions, id-64)
	}
	mu.Unlock()
	go func() { s.reply <- "done" }()
	if *steady {
		<-s.reply
	}
}

// metrics writes the Go collector's metrics in Prometheus's text exposition format.
func metrics(w http.ResponseWriter, _ *http.Request) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	gauge := func(name, help string, v float64) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %g\n", name, help, name, name, v)
	}
	counter := func(name, help string, v float64) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n%s %g\n", name, help, name, name, v)
	}
	fmt.Fprintf(w, "# HELP go_gc_duration_seconds A summary of the pause duration of garbage collection cycles.\n# TYPE go_gc_duration_seconds summary\n")
	fmt.Fprintf(w, "go_gc_duration_seconds_sum %g\ngo_gc_duration_seconds_count %d\n", float64(m.PauseTotalNs)/1e9, m.NumGC)
	gauge("go_goroutines", "Number of goroutines that currently exist.", float64(runtime.NumGoroutine()))
	gauge("go_memstats_alloc_bytes", "Number of bytes allocated and still in use.", float64(m.Alloc))
	counter("go_memstats_alloc_bytes_total", "Total number of bytes allocated, even if freed.", float64(m.TotalAlloc))
	gauge("go_memstats_heap_alloc_bytes", "Number of heap bytes allocated and still in use.", float64(m.HeapAlloc))
	gauge("go_memstats_heap_inuse_bytes", "Number of heap bytes that are in use.", float64(m.HeapInuse))
	gauge("go_memstats_heap_objects", "Number of allocated objects.", float64(m.HeapObjects))
	gauge("go_memstats_heap_sys_bytes", "Number of heap bytes obtained from system.", float64(m.HeapSys))
	gauge("go_memstats_last_gc_time_seconds", "Number of seconds since 1970 of last garbage collection.", float64(m.LastGC)/1e9)
	gauge("go_memstats_next_gc_bytes", "Number of heap bytes when next garbage collection will take place.", float64(m.NextGC))
	gauge("go_memstats_stack_inuse_bytes", "Number of bytes in use by the stack allocator.", float64(m.StackInuse))
	gauge("go_memstats_sys_bytes", "Number of bytes obtained from system.", float64(m.Sys))
	gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.", float64(start.UnixNano())/1e9)
}

func main() {
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	fmt.Println(ln.Addr())
	http.HandleFunc("/metrics", metrics)
	go http.Serve(ln, nil)
	for id := 0; ; id++ {
		handle(id)
		if id%2 == 0 {
			time.Sleep(10 * time.Millisecond)
		}
		// garbage beside the leak, as requests make (response buffers)
		sink = make([]byte, 512<<10)
	}
}
