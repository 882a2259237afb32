// connpile: connections nobody closes, each keeping a 16 KiB read buffer on the heap. A
// server registers every accepted connection (the registry keeps it, as a server's
// connection map does) and starts a reader that waits for the first byte, which never
// comes. 27 connections every 150 ms for 2.25 s: the goroutine count and the heap after GC
// rise together, 16 KiB a connection, a rise too small for a heap-growth finding (6 MiB
// over 15 cycles) that the goroutines hold. The program logs runtime.MemStats with
// NumGoroutine as a JSON line each tick (after a GC, as a service's GCs would give), and at
// the end Go's debug=2 dump of the moment.
//
// Writes PREFIX.memstats.jsonl and PREFIX.goroutine-2.txt.
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"

	"services/internal/capture"
)

type conn struct {
	buf  []byte
	data chan []byte
}

var (
	mu       sync.Mutex
	registry []*conn
)

// read waits for the connection's first message, to read it into the buffer.
func (c *conn) read() {
	msg := <-c.data // EXPECT: waits
	copy(c.buf, msg)
}

func accept() {
	c := &conn{buf: make([]byte, 16<<10), data: make(chan []byte)} // EXPECT: buffer
	mu.Lock()
	registry = append(registry, c)
	mu.Unlock()
	go c.read() // EXPECT: created
}

func main() {
	out := capture.Prefix("connpile")
	f, err := os.Create(out + ".memstats.jsonl")
	capture.Check(err)
	enc := json.NewEncoder(f)
	log := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		line := map[string]any{"time": time.Now().UTC().Format(time.RFC3339Nano), "NumGoroutine": runtime.NumGoroutine(), "memstats": ms}
		capture.Check(enc.Encode(line))
	}
	for tick := 0; tick < 15; tick++ {
		runtime.GC()
		log()
		for i := 0; i < 27; i++ {
			accept()
		}
		time.Sleep(150 * time.Millisecond)
	}
	runtime.GC()
	log()
	capture.Check(f.Close())
	d, err := os.Create(out + ".goroutine-2.txt")
	capture.Check(err)
	capture.Check(pprof.Lookup("goroutine").WriteTo(d, 2))
	capture.Check(d.Close())
}
