// tableleak: a leak beside a big table loaded once. A 48 MiB reference table (1 MiB blocks)
// is loaded at the start and kept on purpose; then a snapshot cache keeps one 1 MiB block
// every 100 ms and never drops it. Heap profiles (after a GC) at 1.5 s and 3.5 s: the leak
// line holds 20 MiB more in the second, beside a heap of 60-80 MiB, most of it the table
// that both profiles share. Blocks of 1 MiB are sampled nearly always, so the profiles'
// figures are close to the truth, which the program writes too (PREFIX.truth.json: the
// bytes its cache held at each profile).
//
// Writes PREFIX.1.heap.pb.gz, PREFIX.2.heap.pb.gz and PREFIX.truth.json.
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

const block = 1 << 20

var (
	table     [][]byte
	mu        sync.Mutex
	snapshots [][]byte
)

func load() {
	for i := 0; i < 48; i++ {
		b := make([]byte, block) // EXPECT: table
		b[0] = byte(i)
		table = append(table, b)
	}
}

func snapshot(i int) {
	b := make([]byte, block) // EXPECT: leak
	copy(b, table[i%len(table)])
	mu.Lock()
	snapshots = append(snapshots, b)
	mu.Unlock()
}

// profile writes the heap profile after a GC and returns what the cache held then.
func profile(path string) int {
	runtime.GC()
	f, err := os.Create(path)
	capture.Check(err)
	capture.Check(pprof.Lookup("heap").WriteTo(f, 0))
	capture.Check(f.Close())
	mu.Lock()
	defer mu.Unlock()
	return len(snapshots) * block
}

func main() {
	out := capture.Prefix("tableleak")
	load()
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		for i := 0; ; i++ {
			<-t.C
			snapshot(i)
		}
	}()
	time.Sleep(1500 * time.Millisecond)
	held := []int{profile(out + ".1.heap.pb.gz")}
	time.Sleep(2 * time.Second)
	held = append(held, profile(out+".2.heap.pb.gz"))
	b, err := json.Marshal(map[string]any{"leak_bytes_held": held, "table_bytes": len(table) * block})
	capture.Check(err)
	capture.Check(os.WriteFile(out+".truth.json", b, 0o644))
}
