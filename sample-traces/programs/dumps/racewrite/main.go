// Command racewrite counts hits per route in a map shared by 32 workers with no lock: the
// runtime catches the concurrent writes and throws "fatal error: concurrent map writes".
// Two workers often throw at once: each prints the fatal error, and Go prints the other
// thrower first as "goroutine running on other thread; stack unavailable", then again with
// its stack. Some runs print nothing but the fatal error line (the racing thrower exits the
// process first). generate-dumps.sh keeps one run of each shape.
package main

import (
	"strconv"
	"sync"
)

// registry counts hits per route. BUG: no mutex around hits.
type registry struct {
	hits map[string]int
}

func (r *registry) record(route string) {
	r.hits[route]++ // the write the runtime catches
}

func worker(r *registry, id int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; ; i++ {
		r.record("/api/" + strconv.Itoa(id) + "/" + strconv.Itoa(i%512))
	}
}

func main() {
	r := &registry{hits: map[string]int{}}
	var wg sync.WaitGroup
	for id := 0; id < 32; id++ {
		wg.Add(1)
		go worker(r, id, &wg)
	}
	wg.Wait()
}
