// stallread: an HTTP server with no ReadHeaderTimeout and no ReadTimeout, and clients that
// stop sending in the middle of a request:
//   - 10 upload clients sent their headers and the first bytes of a 1 MB body, then nothing:
//     each upload handler waits in the poller to read the rest of its body, for as long as
//     the client keeps the connection (no ReadTimeout);
//   - 14 slow clients sent a request line and part of their headers, then nothing (a
//     Slowloris client): each server connection waits in net/http's header reader, for as
//     long as the client keeps the connection (no ReadHeaderTimeout); no handler runs;
//   - 4 lookup handlers asked a line-protocol upstream over a raw TCP connection with no
//     deadline; the upstream accepted and never answers: each handler waits in the poller to
//     read the answer. A handler reading from a connection of its own looks the same as a
//     hijacked connection's reader (a websocket) idle between messages: reading from network
//     connections, ranked after the stalls;
//   - 6 keep-alive clients made their requests and keep their pooled connections idle: their
//     server connections wait to read the next request, which is no leak.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"services/internal/capture"
)

const uploads, slow, lookups, idle = 10, 14, 4, 6

// upstream is the address of a line-protocol service that accepts and never answers.
var upstream string

func uploadHandler(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body) // EXPECT: upload
	if err != nil {
		return
	}
	fmt.Fprintf(w, "%d bytes\n", len(body))
}

func lookupHandler(w http.ResponseWriter, r *http.Request) {
	c, err := net.Dial("tcp", upstream)
	if err != nil {
		return
	}
	defer c.Close()
	fmt.Fprintf(c, "GET %s\n", r.URL.Query().Get("key"))
	answer, err := bufio.NewReader(c).ReadString('\n') // EXPECT: lookup
	if err != nil {
		return
	}
	io.WriteString(w, answer)
}

func okHandler(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }

// dial opens a connection and writes what a client sent before it stopped.
func dial(addr, sent string) net.Conn {
	c, err := net.Dial("tcp", addr)
	capture.Check(err)
	_, err = io.WriteString(c, sent)
	capture.Check(err)
	return c
}

func main() {
	stop := capture.Start("stallread")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", uploadHandler)
	mux.HandleFunc("/ok", okHandler)
	mux.HandleFunc("/lookup", lookupHandler)
	up, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	upstream = up.Addr().String()
	var accepted []net.Conn
	go func() {
		for {
			c, err := up.Accept()
			if err != nil {
				return
			}
			accepted = append(accepted, c) // held open, never answered
		}
	}()
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln) // EXPECT: created
	addr := ln.Addr().String()
	var held []net.Conn
	for i := 0; i < uploads; i++ {
		head := "POST /upload HTTP/1.1\r\nHost: upload\r\nContent-Length: 1048576\r\n\r\n"
		held = append(held, dial(addr, head+"first bytes of the body"))
	}
	for i := 0; i < slow; i++ {
		held = append(held, dial(addr, "GET /ok HTTP/1.1\r\nHost: slow\r\nX-Trickle: a"))
	}
	for i := 0; i < lookups; i++ {
		held = append(held, dial(addr, fmt.Sprintf("GET /lookup?key=k%d HTTP/1.1\r\nHost: lookup\r\n\r\n", i)))
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
