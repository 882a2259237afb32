// bodyleak: an HTTP client that never closes its response bodies. Each of the 40
// requests leaves a connection open whose read loop (net/http's persistConn.readLoop)
// waits for the body to be read or closed, forever: 40 goroutines in "select", each
// beside a writeLoop goroutine and a socket. With -close the bodies are read and closed,
// one pooled connection serves every request, and nothing is stuck.
//
// Writes PREFIX.trace (the whole run) and the runtime's goroutine dumps of the moment
// the trace stops: PREFIX.goroutine-1.txt (debug=1) and PREFIX.goroutine-2.txt (debug=2).
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"time"
)

const requests = 40

var closeBodies = flag.Bool("close", false, "read and close every response body (the fix)")

func getStatus(c *http.Client, url string) int {
	resp, err := c.Get(url) // EXPECT: called_from
	if err != nil {
		return 0
	}
	if *closeBodies {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return resp.StatusCode
}

func main() {
	out := flag.String("out", "bodyleak", "prefix of the files written")
	flag.Parse()
	tf, err := os.Create(*out + ".trace")
	check(err)
	check(trace.Start(tf))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	}))
	client := &http.Client{}
	url := "http://" + ln.Addr().String() + "/"
	for i := 0; i < requests; i++ {
		if getStatus(client, url) != http.StatusOK {
			check(fmt.Errorf("request %d failed", i))
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)

	for _, debug := range []int{1, 2} {
		f, err := os.Create(fmt.Sprintf("%s.goroutine-%d.txt", *out, debug))
		check(err)
		check(pprof.Lookup("goroutine").WriteTo(f, debug))
		check(f.Close())
	}
	trace.Stop()
	check(tf.Close())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
