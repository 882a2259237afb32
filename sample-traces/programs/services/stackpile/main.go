// stackpile: uploads whose goroutines wait for an acknowledgement nobody sends, each
// holding a 32 KiB buffer on its own stack (a fixed-size array that does not escape), so
// the heap stays flat while the goroutines' stacks grow. The program logs runtime.MemStats
// with NumGoroutine as JSON lines every 100 ms (the shape an expvar scrape or a service's
// own logger writes), and at the end Go's debug=2 dump of the moment.
//
// Writes PREFIX.memstats.jsonl and PREFIX.goroutine-2.txt.
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"services/internal/capture"
)

var sent int

// send reads the chunk; it keeps no reference, so the chunk stays on its caller's stack.
//
//go:noinline
func send(b []byte) int {
	n := 0
	for _, c := range b {
		n += int(c)
	}
	return n
}

// upload keeps its chunk on its stack and waits for the ack that never comes.
func upload(ack <-chan bool) {
	var chunk [32 << 10]byte
	for i := range chunk {
		chunk[i] = byte(i)
	}
	if <-ack { // EXPECT: waits
		sent += send(chunk[:])
	}
}

func main() {
	out := capture.Prefix("stackpile")
	f, err := os.Create(out + ".memstats.jsonl")
	capture.Check(err)
	enc := json.NewEncoder(f)
	log := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		line := map[string]any{"time": time.Now().UTC().Format(time.RFC3339Nano), "NumGoroutine": runtime.NumGoroutine(), "memstats": ms}
		capture.Check(enc.Encode(line))
	}
	for tick := 0; tick < 30; tick++ {
		log()
		for i := 0; i < 20; i++ {
			go upload(make(chan bool)) // EXPECT: created
		}
		runtime.GC() // the lines see a cycle each, as a service's GCs would
		time.Sleep(100 * time.Millisecond)
	}
	log()
	capture.Check(f.Close())
	d, err := os.Create(out + ".goroutine-2.txt")
	capture.Check(err)
	capture.Check(pprof.Lookup("goroutine").WriteTo(d, 2))
	capture.Check(d.Close())
}
