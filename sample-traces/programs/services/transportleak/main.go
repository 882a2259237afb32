// transportleak: a service that calls its upstream through a new http.Client with a
// Transport of its own on every request (a per-call timeout set the wrong way). Each
// Transport dials a connection, reads the response, closes the body and keeps the
// connection idle for good: a zero Transport has no IdleConnTimeout, and no later request
// can reuse it. Every call leaves a readLoop and a writeLoop goroutine and a descriptor
// behind: 16 calls, 16 idle connections. The upstream is a loopback server of the same
// process (its 16 connections idle too, as every server's do while clients keep them).
//
// With -shared the calls go through one client (healthy): its Transport reuses one
// connection, and one readLoop waits at the end.
// With -tls, an HTTPS upstream that speaks HTTP/2 (upstream.go).
//
// Writes PREFIX.trace and the debug=1 and debug=2 goroutine dumps of the moment it stops.
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime/pprof"
	"time"

	"services/internal/capture"
)

const calls = 16

var (
	shared = flag.Bool("shared", false, "one client for every call (the fix)")
	client = &http.Client{Timeout: 2 * time.Second}
)

// profile asks the upstream for a user's profile.
func profile(base string, user int) (string, error) {
	c := client
	if !*shared {
		c = newClient()
	}
	resp, err := c.Get(fmt.Sprintf("%s/profile/%d", base, user)) // EXPECT: called
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func main() {
	prefix := capture.Prefix("transportleak")
	base := upstream()
	stop := capture.Trace(prefix)
	n := calls
	if *overTLS {
		n = tlsCalls
	}
	for user := 0; user < n; user++ {
		_, err := profile(base, user)
		capture.Check(err)
		time.Sleep(15 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	d, err := os.Create(prefix + ".goroutine-1.txt")
	capture.Check(err)
	capture.Check(pprof.Lookup("goroutine").WriteTo(d, 1))
	capture.Check(d.Close())
	stop()
}
