// stallwrite: an HTTP server with no WriteTimeout streams a large export to 12 clients
// that asked for it and then stopped reading (they keep their connections open). Each
// export handler fills the socket buffers and then waits to write, in the poller's IO wait,
// for as long as its client keeps the connection: 12 handlers stuck in a network write.
// Beside them, 6 keep-alive clients made their requests and keep their pooled connections
// idle: their server connections wait to read the next request, which is no leak.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"services/internal/capture"
)

const stalled, idle = 12, 6

var row = []byte(strings.Repeat("x", 16383) + "\n")

func exportHandler(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 1024; i++ {
		if _, err := w.Write(row); err != nil { // EXPECT: blocked
			return
		}
	}
}

func okHandler(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }

// smallBuffers gives every accepted connection a small send buffer, so a handler blocks
// after a few rows rather than a few megabytes (a smaller trace, the same wait).
type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(4096)
	}
	return c, err
}

func main() {
	stop := capture.Start("stallwrite")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	mux := http.NewServeMux()
	mux.HandleFunc("/export", exportHandler)
	mux.HandleFunc("/ok", okHandler)
	go http.Serve(smallBuffers{ln}, mux) // EXPECT: created
	addr := ln.Addr().String()
	var held []net.Conn
	for i := 0; i < stalled; i++ {
		c, err := net.Dial("tcp", addr)
		capture.Check(err)
		c.(*net.TCPConn).SetReadBuffer(4096)
		fmt.Fprintf(c, "GET /export HTTP/1.1\r\nHost: export\r\n\r\n")
		_, err = bufio.NewReader(c).ReadString('\n') // the status line, then nothing more
		capture.Check(err)
		held = append(held, c)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: idle}}
	done := make(chan bool)
	for i := 0; i < idle; i++ {
		go func() {
			r, err := client.Get("http://" + addr + "/ok")
			if err == nil {
				io.Copy(io.Discard, r.Body)
				r.Body.Close()
			}
			done <- err == nil
		}()
	}
	for i := 0; i < idle; i++ {
		if !<-done {
			capture.Check(fmt.Errorf("a keep-alive request failed"))
		}
	}
	time.Sleep(1200 * time.Millisecond)
	stop()
	for _, c := range held {
		c.Close()
	}
}
