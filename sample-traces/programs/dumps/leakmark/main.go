// leakmark (Go 1.26+): senders whose result nobody reads, some marked leaked by the runtime
// and some not yet. 30 handlers leak a sender each; an on-call engineer fetches
// /debug/pprof/goroutineleak (a GC cycle that proves them unreachable and marks them); 4
// more leak after it; then the debug=2 dump prints `[chan send (leaked)]` for the 30 and
// `[chan send]` for the 4: one `go` statement, one stack, one leak of 34.
// Writes PREFIX.goroutine-{1,2}.txt.
package main

import (
	"io"
	"runtime/pprof"

	"dumps/internal/dumpkit"
)

func send(results chan<- int, v int) {
	results <- v // planted: 34 goroutines block here (line 17)
}

//go:noinline
func handle(n int) {
	for i := 0; i < n; i++ {
		go send(make(chan int), i) // created here (line 23)
	}
}

func main() {
	prefix := dumpkit.Prefix()
	handle(30)
	dumpkit.WaitBlocked("main.send", 30)
	// What `goroscope capture --leak-profile` fetches: the leak-detecting GC marks them.
	if p := pprof.Lookup("goroutineleak"); p != nil {
		_ = p.WriteTo(io.Discard, 1)
	}
	handle(4)
	dumpkit.WaitBlocked("main.send", 34)
	dumpkit.WriteDumps(prefix)
}
