// nilchan: a worker type whose results channel is never made. Every job's goroutine sends
// its result on the nil channel and blocks forever: 25 leak, one every 4 ms. Go's dump says
// `[chan send (nil chan)]`; a Go 1.22+ trace writes the block with the reason "forever", the
// same as `select {}`, and only the stack tells the two apart.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"time"
)

const jobs = 25

type worker struct {
	results chan int // never made
}

func (w *worker) run(job int) {
	w.results <- job * 2 // EXPECT: blocked
}

func main() {
	out := flag.String("out", "nilchan", "prefix of the files written")
	flag.Parse()
	f, err := os.Create(*out + ".trace")
	check(err)
	check(trace.Start(f))
	w := &worker{}
	for i := 0; i < jobs; i++ {
		go w.run(i) // EXPECT: created
		time.Sleep(4 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	d, err := os.Create(*out + ".goroutine-2.txt")
	check(err)
	check(pprof.Lookup("goroutine").WriteTo(d, 2))
	check(d.Close())
	trace.Stop()
	check(f.Close())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
