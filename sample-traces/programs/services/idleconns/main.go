// idleconns: a line-protocol server with 15 persistent client connections, idle between
// requests: each server reader waits in its connection's Read, as every TCP server does for
// as long as its clients keep their connections (healthy). Beside them, an audit hook sends
// each request's record on an unbuffered channel whose reader took two and quit: 10 audit
// goroutines stuck, the leak to read first though the idle readers outnumber it.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"bufio"
	"net"
	"runtime"
	"time"

	"services/internal/capture"
)

const (
	idle   = 15
	audits = 12
	taken  = 2
)

var audit = make(chan string)

func serveConn(c net.Conn) {
	r := bufio.NewReader(c)
	for {
		line, err := r.ReadString('\n') // EXPECT: idle
		if err != nil {
			return
		}
		c.Write([]byte("ok " + line))
	}
}

func record(s string) {
	audit <- s // EXPECT: blocked
}

func main() {
	stop := capture.Start("idleconns")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go serveConn(c) // EXPECT: idle created
		}
	}()
	var conns []net.Conn
	for i := 0; i < idle; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		capture.Check(err)
		conns = append(conns, c)
		c.Write([]byte("hello\n"))
		bufio.NewReader(c).ReadString('\n')
	}
	// The audit reader takes two records and quits.
	go func() {
		for i := 0; i < taken; i++ {
			<-audit
		}
	}()
	for i := 0; i < audits; i++ {
		go record("req") // EXPECT: created
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	stop()
	// The clients' connections must stay open until the dump (a collected net.Conn is
	// closed by its finalizer, and its server reader ends).
	runtime.KeepAlive(conns)
}
