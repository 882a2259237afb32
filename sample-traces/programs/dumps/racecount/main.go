// racecount: a -race build of a service whose request handlers update shared stats with no
// lock: a hit counter (line 22) and a list of recent paths (line 23). Nothing orders the
// handler goroutines, so the race detector reports both (how many reports, and which of the
// two accesses of a pair comes first, depends on the run; Go's "Found N data race(s)" line
// at exit counts them). Run to its end: stderr holds the reports and no traceback. With
// -hang, main then prints "ready" and sleeps until SIGQUIT: the reports, then a traceback.
package main

import (
	"flag"
	"fmt"
	"sync"
	"time"
)

type stats struct {
	hits   int
	recent []string
}

func handle(s *stats, path string) {
	s.hits++                          // race: the counter (line 22)
	s.recent = append(s.recent, path) // race: the list (line 23)
}

var hang = flag.Bool("hang", false, "print ready and sleep until SIGQUIT")

func main() {
	flag.Parse()
	s := &stats{}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) { // line 34
			defer wg.Done()
			handle(s, fmt.Sprintf("/items/%d", i))
		}(i)
	}
	wg.Wait()
	fmt.Println("hits", s.hits)
	if *hang {
		fmt.Println("ready")
		time.Sleep(time.Hour)
	}
}
