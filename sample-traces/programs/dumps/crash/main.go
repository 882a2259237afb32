// crash: a service that dies while 12 request handlers wait in sync.Once.Do behind an
// initializer that never returns (it waits for a config nobody sends). Then a report
// goroutine dereferences a nil *config and the program panics; with -mapwrite, two counter
// goroutines update one map without a lock and the runtime stops the program with "fatal
// error: concurrent map writes". Go prints the goroutine that crashed first; run with
// GOTRACEBACK=system (the panic's own `panic(...)` frame and the runtime's frames shown)
// or =all.
package main

import (
	"flag"
	"sync"

	"dumps/internal/dumpkit"
)

type config struct {
	limits map[string]int
}

type service struct {
	once sync.Once
	cfg  *config
}

var configs = make(chan *config)

func (s *service) config() *config {
	s.once.Do(func() {
		s.cfg = <-configs // the initializer waits for a config nobody sends
	})
	return s.cfg
}

func handle(s *service, done chan<- int) {
	done <- len(s.config().limits) // CRASH: handlers wait here, in Once.Do
}

//go:noinline
func report(c *config) int {
	return c.limits["daily"] // CRASH: panic (c is nil)
}

func count(m map[int]int, from int) {
	for i := from; ; i++ {
		m[i%64] = i // CRASH: mapwrite (two writers, no lock)
	}
}

func main() {
	mapwrite := flag.Bool("mapwrite", false, "crash with concurrent map writes instead of a nil dereference")
	dumpkit.Prefix()
	s := &service{}
	done := make(chan int)
	go handle(s, done) // the first takes the Once and waits inside it
	dumpkit.WaitBlocked("main.(*service).config.func1", 1)
	for i := 0; i < 12; i++ {
		go handle(s, done) // CRASH: handlers created
	}
	dumpkit.WaitBlocked("sync.(*Once).Do", 13)
	if *mapwrite {
		m := map[int]int{}
		go count(m, 0) // CRASH: mapwrite created
		count(m, 1000)
	}
	crashed := make(chan int)
	go func() { // CRASH: panic created
		crashed <- report(s.cfg)
	}()
	<-crashed
}
