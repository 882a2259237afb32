// midlife: a service traced in mid-life, the way /debug/pprof/trace?seconds=N catches one.
// Every request leaks a producer blocked in "chan send" (nobody reads its channel): 100 leak
// before the trace starts, 10 more while it runs (one every 50 ms). Go 1.23+ traces write
// where the 100 older ones wait; Go 1.11-1.22 traces write them waiting with no stack.
//
// Writes PREFIX.trace and the runtime's debug=2 goroutine dump of the moment it stops
// (PREFIX.goroutine-2.txt).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"time"
)

const (
	before = 100
	during = 10
)

func produce(ch chan<- int, v int) {
	ch <- v // EXPECT: blocked
}

func handle(i int) {
	ch := make(chan int)
	go produce(ch, i) // EXPECT: created
}

func main() {
	out := flag.String("out", "midlife", "prefix of the files written")
	flag.Parse()
	for i := 0; i < before; i++ {
		handle(i)
	}
	time.Sleep(100 * time.Millisecond)
	f, err := os.Create(*out + ".trace")
	check(err)
	check(trace.Start(f))
	for i := 0; i < during; i++ {
		time.Sleep(50 * time.Millisecond)
		handle(before + i)
	}
	time.Sleep(50 * time.Millisecond)
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
