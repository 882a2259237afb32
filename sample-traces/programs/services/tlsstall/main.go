// tlsstall: a TLS service whose connection handlers call Handshake with no deadline. Thirty
// real clients come and go; beside each, a silent peer (a port scanner, a misconfigured
// health check) opens a TCP connection and never sends a ClientHello: each pins a handler
// in the handshake for as long as the socket stays open. With -fixed the handler sets a
// deadline before the handshake, and the silent peers' handlers give up after 300 ms.
//
// Writes PREFIX.trace (from the first connection on) and the debug=2 dump of its last
// moment (PREFIX.goroutine-2.txt).
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"flag"
	"io"
	"math/big"
	"net"
	"runtime"
	"time"

	"services/internal/capture"
)

var fixed = flag.Bool("fixed", false, "set a deadline before the handshake")

const silentPeers = 30

func selfSigned() tls.Certificate {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	capture.Check(err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "tlsstall"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		DNSNames:     []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	capture.Check(err)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func handleConn(c net.Conn, cfg *tls.Config) {
	defer c.Close()
	if *fixed {
		_ = c.SetDeadline(time.Now().Add(300 * time.Millisecond))
	}
	tc := tls.Server(c, cfg)
	if err := tc.Handshake(); err != nil { // EXPECT: blocked
		return
	}
	_ = tc.SetDeadline(time.Time{})
	buf := make([]byte, 4)
	if n, err := io.ReadFull(tc, buf); err == nil {
		_, _ = tc.Write(buf[:n])
	}
}

func serve(ln net.Listener, cfg *tls.Config) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go handleConn(c, cfg) // EXPECT: created
	}
}

func main() {
	stop := capture.Start("tlsstall")
	cfg := &tls.Config{Certificates: []tls.Certificate{selfSigned()}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	go serve(ln, cfg)
	var silent []net.Conn
	for i := 0; i < silentPeers; i++ {
		tc, err := tls.Dial("tcp", ln.Addr().String(), &tls.Config{InsecureSkipVerify: true})
		if err == nil {
			_, _ = tc.Write([]byte("ping"))
			_, _ = io.ReadFull(tc, make([]byte, 4))
			_ = tc.Close()
		}
		if c, err := net.Dial("tcp", ln.Addr().String()); err == nil {
			silent = append(silent, c)
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(time.Second)
	stop()
	runtime.KeepAlive(silent)
}
