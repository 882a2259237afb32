// dumpgen writes a debug=2 goroutine dump of N goroutines (default 100,000) parked in ten
// different ways, for the dump benchmark (benches/dump.rs). Not committed output.
package main

import (
	"flag"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

func send(ch chan int, v int) { ch <- v }
func recv(ch chan int)        { <-ch }
func sel(a, b chan int) {
	select {
	case <-a:
	case <-b:
	}
}
func lock(mu *sync.Mutex)     { mu.Lock() }
func wait(wg *sync.WaitGroup) { wg.Wait() }
func cond(c *sync.Cond)       { c.L.Lock(); c.Wait() }
func deep(n int, ch chan int) {
	if n == 0 {
		<-ch
		return
	}
	deep(n-1, ch)
}
func sleeper()                             { time.Sleep(time.Hour) }
func rlock(mu *sync.RWMutex)               { mu.RLock() }
func nested(ch chan int, f func(chan int)) { f(ch) }

func main() {
	n := flag.Int("n", 100000, "goroutines")
	out := flag.String("out", "dump.txt", "output file")
	flag.Parse()
	ch, in, a, b := make(chan int), make(chan int), make(chan int), make(chan int)
	var mu sync.Mutex
	mu.Lock()
	var rw sync.RWMutex
	rw.Lock()
	var wg sync.WaitGroup
	wg.Add(1)
	c := sync.NewCond(&sync.Mutex{})
	for i := 0; i < *n; i++ {
		switch i % 10 {
		case 0:
			go send(ch, i)
		case 1:
			go recv(in)
		case 2:
			go sel(a, b)
		case 3:
			go lock(&mu)
		case 4:
			go wait(&wg)
		case 5:
			go cond(c)
		case 6:
			go deep(i%7, in)
		case 7:
			go sleeper()
		case 8:
			go rlock(&rw)
		case 9:
			go nested(in, recv)
		}
	}
	for runtime.NumGoroutine() <= *n {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	f, err := os.Create(*out)
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup("goroutine").WriteTo(f, 2); err != nil {
		panic(err)
	}
	f.Close()
}
