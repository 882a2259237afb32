// hungupstream: fetchers call an upstream with http.Get (http.DefaultClient: no timeout).
// The upstream accepts each connection and never answers, as a hung or black-holed service
// does: 12 fetchers wait in the client's round trip forever. The connections' read loops
// wait on the network (the answer that never comes) and their write loops for the next
// request: consequences, not the cause.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"net"
	"net/http"
	"time"

	"services/internal/capture"
)

const fetchers = 12

func blackhole(ln net.Listener) {
	var keep []net.Conn
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		keep = append(keep, c)
	}
}

func fetch(url string) {
	resp, err := http.Get(url) // EXPECT: blocked
	if err == nil {
		resp.Body.Close()
	}
}

func main() {
	stop := capture.Start("hungupstream")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	go blackhole(ln)
	for i := 0; i < fetchers; i++ {
		go fetch("http://" + ln.Addr().String() + "/x") // EXPECT: created
		time.Sleep(2 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	stop()
}
