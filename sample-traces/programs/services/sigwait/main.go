// sigwait: a healthy service's shutdown hook beside a real lone leak. main calls
// signal.Notify and starts the goroutine that waits for the signal (it never comes: the
// program is traced while it serves); later a lookup starts a goroutine that waits for a
// reply nobody sends. Only the second is a leak.
//
// Writes PREFIX.trace (no dump: a dump of a few seconds judges neither).
package main

import (
	"flag"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/trace"
	"syscall"
	"time"
)

func lookup(replies chan int) {
	go func() { // EXPECT: created
		<-replies // EXPECT: blocked
	}()
}

func main() {
	out := flag.String("out", "sigwait", "prefix of the files written")
	flag.Parse()
	f, err := os.Create(*out + ".trace")
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go http.Serve(ln, nil)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-sig // EXPECT: signal waiter
		os.Exit(0)
	}()
	time.Sleep(50 * time.Millisecond)
	lookup(make(chan int))
	time.Sleep(300 * time.Millisecond)
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}
