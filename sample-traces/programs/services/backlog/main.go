// backlog: request handlers enqueue their work on a bounded queue that one slow consumer
// drains (8 ms a job) while requests arrive about twice as fast: the handlers waiting in
// chan send grow through the window, yet every one gets through in its turn. Slow, not
// stuck. With -steady requests arrive no faster than the consumer drains: a few wait, briefly.
//
// Writes PREFIX.trace, the debug=2 goroutine dump of the moment it stops, and
// PREFIX.facts.json: how many handlers had enqueued their job by then.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"sync/atomic"
	"time"
)

var (
	queue    = make(chan int, 8)
	enqueued atomic.Int64
)

func consume() {
	for range queue {
		time.Sleep(8 * time.Millisecond) // slow work
	}
}

func handle(i int) {
	queue <- i // EXPECT: blocked
	enqueued.Add(1)
}

func main() {
	out := flag.String("out", "backlog", "prefix of the files written")
	steady := flag.Bool("steady", false, "requests no faster than the consumer drains")
	flag.Parse()
	every := 4 * time.Millisecond
	if *steady {
		every = 16 * time.Millisecond
	}
	f, err := os.Create(*out + ".trace")
	check(err)
	check(trace.Start(f))
	go consume()
	end := time.Now().Add(time.Second)
	for i := 0; time.Now().Before(end); i++ {
		go handle(i) // EXPECT: created
		time.Sleep(every)
	}
	d, err := os.Create(*out + ".goroutine-2.txt")
	check(err)
	check(pprof.Lookup("goroutine").WriteTo(d, 2))
	check(d.Close())
	facts := fmt.Sprintf("{\"enqueued\": %d}\n", enqueued.Load())
	trace.Stop()
	check(f.Close())
	check(os.WriteFile(*out+".facts.json", []byte(facts), 0o644))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
