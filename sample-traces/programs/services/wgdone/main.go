// wgdone: each request builds a page from 5 parts fetched at once, waiting for them on a
// WaitGroup. A part whose fetch fails returns early, before wg.Done: every fetch goroutine
// of that request exits, and its aggregator waits in wg.Wait for good. Requests 1, 3 and 5
// of 6 hit a failing part, so 3 aggregators hang, each after all 5 of its fetches exited.
// Go's dump says 3 goroutines `[sync.WaitGroup.Wait]` (`[semacquire]` before Go 1.25) in
// aggregate; the fetches are gone.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"errors"
	"strconv"
	"sync"
	"time"

	"services/internal/capture"
)

const (
	requests = 6
	parts    = 5
)

var errUnavailable = errors.New("part unavailable")

func fetch(req, part int) (string, error) {
	time.Sleep(time.Duration(part) * time.Millisecond)
	if req%2 == 1 && part == 2 {
		return "", errUnavailable
	}
	return "part " + strconv.Itoa(part), nil
}

func aggregate(req int, out chan<- []string) {
	var wg sync.WaitGroup
	page := make([]string, parts)
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func(p int) { // EXPECT: fetches created
			s, err := fetch(req, p)
			if err != nil {
				return // the bug: no wg.Done on the error path
			}
			page[p] = s
			wg.Done()
		}(p)
	}
	wg.Wait() // EXPECT: aggregators wait
	out <- page
}

func main() {
	stop := capture.Start("wgdone")
	out := make(chan []string, requests)
	for r := 0; r < requests; r++ {
		go aggregate(r, out) // EXPECT: aggregators created
	}
	for r := 0; r < requests/2; r++ {
		<-out
	}
	time.Sleep(300 * time.Millisecond)
	stop()
}
