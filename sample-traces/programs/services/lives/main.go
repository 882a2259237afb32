// lives: a busy server's trace of millions of short goroutines. A dispatcher starts a
// goroutine per request, 2.4 million of them, each hands its result over and exits; one
// request in 60 has no reader for its result and its goroutine waits for good (40,000).
// The trace is some 40 MB: too big to commit, so tests/trace_many_lives.rs builds and runs
// this program where Go is (CI), and checks the whole trace is read: every goroutine, and
// the 40,000 that stayed.
//
// Writes PREFIX.trace and PREFIX.truth.json (how many started and how many stayed).
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"sync"

	"services/internal/capture"
)

const (
	requests = 2_400_000
	leakOne  = 60
)

// handle computes a request's answer and hands it to whoever reads res.
func handle(i int, res chan<- int) {
	res <- i * 2 // EXPECT: waits
}

func main() {
	out := capture.Prefix("lives")
	stop := capture.Trace(out)
	var wg sync.WaitGroup
	leaked := 0
	for i := 0; i < requests; i++ {
		res := make(chan int, 1)
		if i%leakOne == 0 {
			res = make(chan int) // nobody reads this one
			leaked++
			go handle(i, res) // EXPECT: created
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			handle(i, res)
		}()
		if i%4096 == 0 {
			runtime.Gosched()
		}
	}
	wg.Wait()
	stop()
	f, err := os.Create(out + ".truth.json")
	capture.Check(err)
	capture.Check(json.NewEncoder(f).Encode(map[string]int{"started": requests, "stayed": leaked}))
	capture.Check(f.Close())
}
