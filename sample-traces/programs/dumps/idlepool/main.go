// idlepool: the healthy twin of ../stalemate, a SIGQUIT dump in which nothing runs and
// nothing is stuck: a pool of eight workers idle on an empty jobs channel and main waiting
// for its next tick (time.Tick). Every goroutine waits in chan receive, and the tick wakes
// main within the hour. A helper prints "ready" once all nine wait and exits; the generator
// then sends SIGQUIT.
package main

import (
	"fmt"
	"time"

	"dumps/internal/dumpkit"
)

func serve(jobs <-chan int) {
	for j := range jobs { // 8 goroutines idle here (line 16)
		_ = j
	}
}

func main() {
	dumpkit.Prefix()
	jobs := make(chan int)
	for i := 0; i < 8; i++ {
		go serve(jobs) // line 25
	}
	go func() {
		dumpkit.WaitBlocked("main.serve", 8)
		dumpkit.WaitBlocked("main.main", 1)
		fmt.Println("ready")
	}()
	for range time.Tick(time.Hour) { // main waits for its tick (line 32)
		jobs <- 1
	}
}
