// stageclose: a healthy pipeline whose stages are each closed by the classic closer,
// `go func() { wg.Wait(); close(out) }()`, made right after the stage's workers. Each
// closer waits in wg.Wait() the whole window, never woken, as a leak's would; but the
// workers it waits for pass records along the whole time. Nothing leaks.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"strings"
	"sync"
	"time"

	"services/internal/capture"
)

const (
	parsers   = 3
	enrichers = 2
)

// source sends a line every 5 ms until stop closes.
func source(lines chan<- string, stop <-chan struct{}) {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			close(lines)
			return
		case <-t.C:
			lines <- "level=info geo=eu msg=ok"
		}
	}
}

func parse(lines <-chan string, out chan<- []string) {
	for l := range lines {
		out <- strings.Fields(l)
	}
}

func enrich(in <-chan []string, out chan<- string) {
	for f := range in {
		out <- strings.Join(f, ",")
	}
}

// stage starts n workers running f and the closer of out, which waits for all of them.
func stage(n int, f func(), done func()) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { // EXPECT: worker created
			defer wg.Done()
			f()
		}()
	}
	go func() { // EXPECT: closer created
		wg.Wait() // EXPECT: waits
		done()
	}()
}

func main() {
	stop := capture.Start("stageclose")
	quit := make(chan struct{})
	lines := make(chan string)
	parsed := make(chan []string)
	enriched := make(chan string)
	go source(lines, quit)
	stage(parsers, func() { parse(lines, parsed) }, func() { close(parsed) })
	stage(enrichers, func() { enrich(parsed, enriched) }, func() { close(enriched) })
	deadline := time.After(800 * time.Millisecond)
	n := 0
	for loop := true; loop; {
		select {
		case <-enriched:
			n++
		case <-deadline:
			loop = false
		}
	}
	stop()
	close(quit)
	_ = n
}
