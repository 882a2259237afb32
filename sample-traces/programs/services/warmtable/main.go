// warmtable: a cache warmed by the first requests, then only read. Requests ask for the 768
// rows of a lookup table (64 KiB each, 48 MiB in all); a miss builds the row and keeps it,
// so the table fills over the first 1.5 s and then serves every request from memory, while
// request buffers make garbage all along. Heap profiles after a GC (net/http/pprof's
// ?gc=1) at 0.75 s, 2.25 s and 3.75 s: the first catches the table half-built, the next
// two hold all of it. Growth that stopped: a series read first to last (+24 MiB at the
// table's line) must not call it a leak.
//
// Writes PREFIX.1.heap.pb.gz, PREFIX.2.heap.pb.gz, PREFIX.3.heap.pb.gz and PREFIX.truth.json
// (the rows the table held at each profile).
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

const (
	rows    = 768
	rowSize = 64 << 10
)

var (
	mu    sync.Mutex
	table = map[int][]byte{}
	sink  []byte
)

// lookup serves row i, building and keeping it on a miss.
func lookup(i int) byte {
	mu.Lock()
	defer mu.Unlock()
	r, ok := table[i]
	if !ok {
		r = make([]byte, rowSize) // EXPECT: row
		r[0] = byte(i)
		table[i] = r
	}
	return r[0]
}

// serve handles a request every 2 ms or so: a 16 KiB buffer of garbage, one row looked up;
// rows are asked for in order at first (the warm-up), then at random.
func serve(done <-chan struct{}) {
	for n := 0; ; n++ {
		select {
		case <-done:
			return
		default:
		}
		b := make([]byte, 16<<10)
		b[0] = lookup(n % rows)
		sink = b
		time.Sleep(2 * time.Millisecond)
	}
}

// profile writes the heap profile after a GC and returns the rows the table held then.
func profile(path string) int {
	runtime.GC()
	f, err := os.Create(path)
	capture.Check(err)
	capture.Check(pprof.Lookup("heap").WriteTo(f, 0))
	capture.Check(f.Close())
	mu.Lock()
	defer mu.Unlock()
	return len(table)
}

func main() {
	out := capture.Prefix("warmtable")
	done := make(chan struct{})
	go serve(done)
	var held []int
	for i, at := range []time.Duration{750 * time.Millisecond, 1500 * time.Millisecond, 1500 * time.Millisecond} {
		time.Sleep(at)
		held = append(held, profile(out+"."+string(rune('1'+i))+".heap.pb.gz"))
	}
	close(done)
	t, err := os.Create(out + ".truth.json")
	capture.Check(err)
	capture.Check(json.NewEncoder(t).Encode(map[string]any{"rows": rows, "row_bytes": rowSize, "rows_held": held}))
	capture.Check(t.Close())
}
