// h2idle: an HTTP/2 server (unencrypted HTTP/2, http.Protocols, Go 1.24+) with 12 clients,
// each with a connection of its own kept open and idle after one request, as the peers of a
// service mesh or an API gateway keep theirs. Per connection the server runs a serve loop
// (waiting in a select between frames) and a frame reader (in the poller), and the client a
// read loop: 36 goroutines idle by design. Beside them, each request hands its audit record to
// a channel whose reader took 2 and quit: 10 handlers' audit goroutines stuck, the one leak.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"io"
	"net"
	"net/http"
	"time"

	"services/internal/capture"
)

const clients, taken = 12, 2

var audit = make(chan string)

func record(s string) {
	audit <- s // EXPECT: blocked
}

func handle(w http.ResponseWriter, r *http.Request) {
	go record(r.URL.Path) // EXPECT: created
	io.WriteString(w, "ok "+r.Proto)
}

func main() {
	stop := capture.Start("h2idle")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	srv := &http.Server{Handler: http.HandlerFunc(handle), Protocols: new(http.Protocols)}
	srv.Protocols.SetUnencryptedHTTP2(true)
	go srv.Serve(ln)
	go func() {
		for i := 0; i < taken; i++ {
			<-audit
		}
	}()
	var kept []*http.Client
	for i := 0; i < clients; i++ {
		t := &http.Transport{Protocols: new(http.Protocols)}
		t.Protocols.SetUnencryptedHTTP2(true)
		c := &http.Client{Transport: t}
		r, err := c.Get("http://" + ln.Addr().String() + "/")
		capture.Check(err)
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
		kept = append(kept, c)
	}
	time.Sleep(1200 * time.Millisecond)
	stop()
	for _, c := range kept {
		c.CloseIdleConnections()
	}
}
