// inflight: a healthy service dumped three times (debug=1 and debug=2), a moment apart, as
// a series for `goroscope diff`. Four workers wait for jobs in every dump; a long-poll
// subscriber that connected after the first dump waits for updates in the second and third
// (0 → 1 → 1); a request in flight waits for its backend's reply in the third only
// (0 → 0 → 1). Nothing leaks: each was caught at one moment.
package main

import (
	"fmt"

	"dumps/internal/dumpkit"
)

func worker(jobs <-chan int) {
	for j := range jobs { // 4 goroutines in every dump (line 15)
		_ = j
	}
}

func subscribe(updates <-chan string) {
	for u := range updates { // 1 goroutine in dumps 2 and 3 (line 21)
		_ = u
	}
}

func request(reply <-chan string) {
	r := <-reply // 1 goroutine in dump 3 (line 27)
	_ = r
}

func main() {
	prefix := dumpkit.Prefix()
	jobs := make(chan int)
	for i := 0; i < 4; i++ {
		go worker(jobs) // line 35
	}
	dumpkit.WaitBlocked("main.worker", 4)
	dumpkit.WriteDumps(prefix + ".1")
	updates := make(chan string)
	go subscribe(updates) // line 40
	dumpkit.WaitBlocked("main.subscribe", 1)
	dumpkit.WriteDumps(prefix + ".2")
	reply := make(chan string)
	go request(reply) // line 44
	dumpkit.WaitBlocked("main.request", 1)
	dumpkit.WriteDumps(prefix + ".3")
	fmt.Println("three dumps written")
}
