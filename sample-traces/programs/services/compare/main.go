// Snapshots for goroscope diff. -shape ramp: three debug=2 dumps with 1, 2, then 3 requests
// in flight, each over before the next dump. -shape served: a quiet service dumped over its
// own net/http/pprof by a plain TCP request (debug=2, then the proto). -shape pool: a pool of
// eight workers made at start, dumped while one of them is busy with a job, then again once
// it is back in the pool's wait (no goroutine made in between).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"

	"services/internal/capture"
)

func serve(wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(300 * time.Millisecond) // EXPECT: request
}

func ramp(prefix string) {
	for s := 1; s <= 3; s++ {
		var wg sync.WaitGroup
		for i := 0; i < s; i++ {
			wg.Add(1)
			go serve(&wg)
		}
		for runtime.NumGoroutine() != 1+s {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond) // all parked
		dump(prefix, s)
		wg.Wait()
	}
}

func dump(prefix string, n int) {
	f, err := os.Create(fmt.Sprintf("%s.%d.goroutine-2.txt", prefix, n))
	capture.Check(err)
	capture.Check(pprof.Lookup("goroutine").WriteTo(f, 2))
	capture.Check(f.Close())
}

func worker(jobs <-chan chan struct{}) {
	for job := range jobs { // EXPECT: pool
		run(job)
	}
}

//go:noinline
func run(job chan struct{}) {
	<-job // EXPECT: busy
}

func pool(prefix string) {
	jobs := make(chan chan struct{})
	for i := 0; i < 8; i++ {
		go worker(jobs)
	}
	job := make(chan struct{})
	jobs <- job
	time.Sleep(50 * time.Millisecond) // one worker waits on its job, seven on the pool's
	dump(prefix, 1)
	close(job)
	time.Sleep(50 * time.Millisecond) // all eight back in the pool's wait
	dump(prefix, 2)
}

func get(addr, path string) []byte {
	c, err := net.Dial("tcp", addr)
	capture.Check(err)
	defer c.Close()
	fmt.Fprintf(c, "GET %s HTTP/1.0\r\n\r\n", path)
	resp, err := io.ReadAll(c)
	capture.Check(err)
	head, body, _ := bytes.Cut(resp, []byte("\r\n\r\n"))
	if !bytes.Contains(head, []byte(" 200 ")) {
		capture.Check(fmt.Errorf("%q", head))
	}
	return body
}

func served(prefix string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	go http.Serve(ln, nil)
	for i, q := range []string{"2", "0"} {
		body := get(ln.Addr().String(), "/debug/pprof/goroutine?debug="+q)
		name := map[string]string{"2": "goroutine-2.txt", "0": "goroutine.pb.gz"}[q]
		capture.Check(os.WriteFile(fmt.Sprintf("%s.%d.%s", prefix, i+1, name), body, 0o644))
	}
}

func main() {
	shape := flag.String("shape", "ramp", "ramp, served or pool")
	prefix := capture.Prefix("compare")
	switch *shape {
	case "ramp":
		ramp(prefix)
	case "pool":
		pool(prefix)
	default:
		served(prefix)
	}
}
