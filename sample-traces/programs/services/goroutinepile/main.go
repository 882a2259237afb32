// goroutinepile: a service whose handler starts a goroutine per request to deliver the
// request's reply, on a channel nobody reads once the caller has given up (here: at once).
// Every request leaves a goroutine parked in a channel send, holding its request: 200
// requests every 20 ms for 6 s, over 50,000 goroutines. Each request also makes 16 KiB of
// garbage, so GC runs every few hundred milliseconds.
//
// Run with GODEBUG=gctrace=1 (the log is stderr): Go 1.18+ logs the stack each cycle scanned
// (`N MB stacks`), which climbs with the goroutines as the live heap does.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var sink [][]byte

type request struct {
	id    int
	body  []byte
	reply chan string
}

// handle answers a request in the background; the caller never takes the answer.
func handle(r *request) {
	go func() {
		r.reply <- fmt.Sprint("done ", r.id) // EXPECT: blocked
	}()
}

func main() {
	n := 0
	for deadline := time.Now().Add(6 * time.Second); time.Now().Before(deadline); {
		for i := 0; i < 200; i++ {
			handle(&request{id: n, body: make([]byte, 512), reply: make(chan string)})
			n++
		}
		for i := 0; i < 100; i++ {
			sink = append(sink, make([]byte, 16<<10))
		}
		sink = sink[:0]
		time.Sleep(20 * time.Millisecond)
	}
	fmt.Println(n, "requests,", runtime.NumGoroutine(), "goroutines at the end")
}
