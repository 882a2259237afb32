// steady: a busy service in its steady state. Four workers take requests from a channel,
// each allocates and drops 64 KiB of scratch memory, and the results go into a ring of the
// last 64 responses. The heap is a sawtooth (many GC cycles) over a flat floor: no finding.
package main

import (
	"sync"
	"time"

	"samples/internal/sample"
)

// EXPECT: program healthy=true summary="steady busy service: 4 workers, 64 KiB garbage per request, bounded ring of results; sawtooth heap, no growth"

const runFor = 3 * time.Second

type ring struct {
	mu   sync.Mutex
	next int
	last [64][]byte
}

func (r *ring) add(b []byte) {
	r.mu.Lock()
	r.last[r.next%len(r.last)] = b
	r.next++
	r.mu.Unlock()
}

//go:noinline
func serve(req int) []byte {
	scratch := make([]byte, 64<<10)
	for i := range scratch {
		scratch[i] = byte(req + i)
	}
	out := make([]byte, 4<<10)
	copy(out, scratch)
	return out
}

func worker(reqs <-chan int, results *ring, wg *sync.WaitGroup) {
	defer wg.Done()
	for req := range reqs {
		results.add(serve(req))
	}
}

func main() {
	run := sample.Start()
	log := sample.StartMemLog(100 * time.Millisecond)
	reqs := make(chan int, 16)
	var results ring
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go worker(reqs, &results, &wg)
	}
	start := time.Now()
	for req := 0; time.Since(start) < runFor; req++ {
		reqs <- req
		if req%8 == 0 {
			time.Sleep(4 * time.Millisecond)
		}
	}
	close(reqs)
	wg.Wait()
	log.Stop()
	run.Finish()
}
