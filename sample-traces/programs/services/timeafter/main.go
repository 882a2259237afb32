// timeafter: a consumer loop that selects on a busy channel and on time.After(time.Minute).
// Up to Go 1.22 each call leaves its timer (and channel) on the heap until it fires, a
// minute later: the heap grows by a timer per message. Go 1.23 and later collect an
// unreferenced timer at once: the same program holds nothing.
//
// Writes PREFIX.heap.pb.gz (the heap profile after a GC, at the end of a 1 s run).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

func pump(ch chan<- int, stop <-chan struct{}) {
	for i := 0; ; i++ {
		select {
		case ch <- i:
		case <-stop:
			close(ch)
			return
		}
	}
}

func drain(ch <-chan int, done chan<- int) {
	n := 0
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				done <- n
				return
			}
			n++
		case <-time.After(time.Minute): // EXPECT: retained
			done <- n
			return
		}
	}
}

func main() {
	out := flag.String("out", "timeafter", "prefix of the files written")
	flag.Parse()
	ch := make(chan int, 64)
	stop := make(chan struct{})
	done := make(chan int)
	go pump(ch, stop)
	go drain(ch, done)
	time.Sleep(time.Second)
	runtime.GC()
	f, err := os.Create(*out + ".heap.pb.gz")
	check(err)
	check(pprof.Lookup("heap").WriteTo(f, 0))
	check(f.Close())
	close(stop)
	fmt.Println(<-done, "messages")
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
