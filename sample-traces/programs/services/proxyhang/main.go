// proxyhang: an API gateway (httputil.ReverseProxy with the default Transport: no response
// header timeout) in front of a backend whose /report endpoint hangs. Twenty clients each
// send /ok, answered at once, then /report on the same keep-alive connection: the
// gateway's connection goroutines, which took work from the proxy's wait once, now wait
// there for response headers that never come (probe r29a: read as "a pool between jobs").
// The backend and the clients run in the same process, so their goroutines wait too.
//
// Writes PREFIX.trace and the debug=2 dump of its last moment (PREFIX.goroutine-2.txt).
package main

import (
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"

	"services/internal/capture"
)

const clients = 20

func main() {
	stop := capture.Start("proxyhang")
	hang := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/report", func(w http.ResponseWriter, r *http.Request) { <-hang })
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "ok") })
	bl, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	go func() { _ = http.Serve(bl, mux) }()
	backend, err := url.Parse("http://" + bl.Addr().String())
	capture.Check(err)
	gl, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	proxy := httputil.NewSingleHostReverseProxy(backend)
	go func() { _ = http.Serve(gl, proxy) }() // EXPECT: gateway
	get := func(path string) {
		resp, err := http.Get("http://" + gl.Addr().String() + path)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
		}
	}
	for i := 0; i < clients; i++ {
		go func() {
			get("/ok")
			get("/report")
		}()
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(1500 * time.Millisecond)
	stop()
}
