// tickpoll: a job service traced in mid-life whose status pollers leak (probe r28a's p05).
// Each submitted job starts a poller that checks the job's status on a 100 ms ticker and
// returns once the job succeeded; a job is settled 150 ms after submission, and every third
// one fails: its poller has no way out and ticks for ever (with -fixed it returns on a
// failure too, and stops its ticker). Jobs arrive every 60 ms: 2 s of them before the trace
// (their leaked pollers are older than it), then 2 s traced. Each leaked poller wakes every
// 100 ms and waits again, so none waits long: only the pile tells the leak, while two in
// three of the kind end within about 200 ms.
//
// Writes PREFIX.trace, the debug=2 dump of its last moment (PREFIX.goroutine-2.txt), and
// PREFIX.facts.json: the failed jobs submitted before and during the trace, and the pollers
// alive at the end.
package main

import (
	"flag"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"services/internal/capture"
)

var fixed = flag.Bool("fixed", false, "a poller returns on a failed job too")

type status int

const (
	pending status = iota
	succeeded
	failed
)

var (
	mu      sync.Mutex
	jobs    = map[int]status{}
	alive   atomic.Int64
	failedN atomic.Int64
)

func statusOf(id int) status {
	mu.Lock()
	defer mu.Unlock()
	return jobs[id]
}

func pollJob(id int) {
	alive.Add(1)
	defer alive.Add(-1)
	t := time.NewTicker(100 * time.Millisecond)
	if *fixed {
		defer t.Stop()
	}
	for range t.C { // EXPECT: blocked
		switch statusOf(id) {
		case succeeded:
			return
		case failed:
			if *fixed {
				return
			}
		}
	}
}

func submit(id int) {
	mu.Lock()
	jobs[id] = pending
	mu.Unlock()
	go pollJob(id) // EXPECT: created
	time.AfterFunc(150*time.Millisecond, func() {
		s := succeeded
		if id%3 == 0 {
			s = failed
			failedN.Add(1)
		}
		mu.Lock()
		jobs[id] = s
		mu.Unlock()
	})
}

func main() {
	out := capture.Prefix("tickpoll")
	id := 0
	for start := time.Now(); time.Since(start) < 2*time.Second; id++ {
		submit(id)
		time.Sleep(60 * time.Millisecond)
	}
	// The last jobs before the trace are settled, and their good pollers gone.
	time.Sleep(300 * time.Millisecond)
	before := failedN.Load()
	stop := capture.Trace(out)
	for start := time.Now(); time.Since(start) < 2*time.Second; id++ {
		submit(id)
		time.Sleep(60 * time.Millisecond)
	}
	stop()
	facts := fmt.Sprintf("{\"failed_before_trace\": %d, \"failed_in_trace\": %d, \"alive_at_end\": %d}\n",
		before, failedN.Load()-before, alive.Load())
	capture.Check(os.WriteFile(out+".facts.json", []byte(facts), 0o644))
}
