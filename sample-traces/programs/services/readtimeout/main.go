// readtimeout: the healthy twin of stallread's uploads. An HTTP server with a ReadTimeout of
// 1 s, and 12 upload clients that each send their headers and the first bytes of a 1 MB
// body, then nothing, again and again: each handler waits to read the rest of its body
// until the ReadTimeout ends the read, answers, and the client starts over on a new
// connection. At any moment about 12 handlers wait in the poller, each for under a second,
// and dozens of their kind were woken from the same wait in the window: a queue served in
// turn, no leak. Traced for 2 s.
//
// Writes PREFIX.trace, the debug=2 goroutine dump of the moment it stops (capture), and
// PREFIX.truth.json (how many upload reads the ReadTimeout ended).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync/atomic"
	"time"

	"services/internal/capture"
)

var timedOut atomic.Int64

func uploadHandler(w http.ResponseWriter, r *http.Request) {
	_, err := io.ReadAll(r.Body) // EXPECT: upload
	if err != nil {
		timedOut.Add(1)
		http.Error(w, "read timeout", http.StatusRequestTimeout)
		return
	}
	fmt.Fprintln(w, "ok")
}

// stallingClient sends headers and 10 bytes of a 1 MB body, then waits for the server to
// give up, then starts over.
func stallingClient(addr string, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		c, err := net.Dial("tcp", addr)
		if err != nil {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		fmt.Fprintf(c, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n0123456789")
		_ = c.SetReadDeadline(time.Now().Add(2 * time.Second))
		_, _ = io.Copy(io.Discard, c)
		c.Close()
	}
}

func main() {
	out := capture.Prefix("readtimeout")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", uploadHandler)
	srv := &http.Server{Handler: mux, ReadTimeout: time.Second}
	go srv.Serve(ln) // EXPECT: created
	stop := make(chan struct{})
	for i := 0; i < 12; i++ {
		go stallingClient(ln.Addr().String(), stop)
	}
	time.Sleep(600 * time.Millisecond) // the queue settles before the trace
	done := capture.Trace(out)
	time.Sleep(2 * time.Second)
	done()
	close(stop)
	f, err := os.Create(out + ".truth.json")
	capture.Check(err)
	capture.Check(json.NewEncoder(f).Encode(map[string]any{"timed_out": timedOut.Load(), "clients": 12, "read_timeout_ns": int64(time.Second)}))
	capture.Check(f.Close())
}
