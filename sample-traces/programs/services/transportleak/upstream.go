// The upstream, and the client each call makes. With -tls the upstream is HTTPS and speaks
// HTTP/2, and each call's client is a clone of http.DefaultTransport, which attempts HTTP/2:
// each keeps one HTTP/2 connection idle, with one read loop (net/http's bundled or internal
// http2 ClientConn) and no write loop. 12 calls, 12 idle HTTP/2 connections.

package main

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"time"

	"services/internal/capture"
)

// tlsCalls is -tls's number of calls: each connection also keeps two server goroutines.
const tlsCalls = 12

var (
	overTLS = flag.Bool("tls", false, "an HTTPS upstream that speaks HTTP/2, called through clones of http.DefaultTransport")
	// roots trusts the HTTPS upstream's certificate.
	roots *x509.CertPool
)

// newClient is the client each call makes for itself: a zero Transport, or with -tls a clone
// of http.DefaultTransport (which attempts HTTP/2) trusting the upstream.
func newClient() *http.Client {
	if !*overTLS {
		return &http.Client{Transport: &http.Transport{}, Timeout: 2 * time.Second}
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{RootCAs: roots}
	return &http.Client{Transport: t, Timeout: 2 * time.Second}
}

// upstream starts the loopback upstream (HTTPS with HTTP/2 under -tls) and returns its base URL.
func upstream() string {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "profile of %s over %s\n", r.URL.Path, r.Proto)
	})
	if *overTLS {
		srv := httptest.NewUnstartedServer(h)
		srv.EnableHTTP2 = true
		srv.StartTLS()
		roots = x509.NewCertPool()
		roots.AddCert(srv.Certificate())
		if *shared {
			client = newClient()
		}
		return srv.URL
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	go http.Serve(ln, h)
	return "http://" + ln.Addr().String()
}
