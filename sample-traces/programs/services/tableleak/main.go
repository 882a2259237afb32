// tableleak: a leak beside a big table loaded once. A 48 MiB reference table (1 MiB blocks)
// is loaded at the start and kept on purpose; then a snapshot cache keeps one 1 MiB block
// every 100 ms and never drops it, while request buffers make 64 MiB/s of garbage (a GC
// about every second). Heap profiles (after a GC) at 2 s and 4 s: the leak line holds 20 MiB
// more in the second, beside a heap of 70-90 MiB, most of it the table that both profiles
// share: within the scatter two independent profiles of that heap would make (27 MB). Blocks of 1 MiB are sampled nearly always, so the profiles' figures are close to
// the truth, which the program writes too (PREFIX.truth.json: the bytes its cache held at
// each profile, and the rate it keeps them at). The heap's floor after each GC climbs
// 10 MiB/s from the table's 48 MiB: the gctrace log generate-services.sh keeps must give
// that climb's rate, not the load's.
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
	sink      []byte
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

// serve makes the garbage a service's request buffers do: 64 KiB about every millisecond.
func serve() {
	for {
		b := make([]byte, 64<<10)
		b[0] = 1
		sink = b
		time.Sleep(time.Millisecond)
	}
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
	go serve()
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		for i := 0; ; i++ {
			<-t.C
			snapshot(i)
		}
	}()
	time.Sleep(2 * time.Second)
	held := []int{profile(out + ".1.heap.pb.gz")}
	time.Sleep(2 * time.Second)
	held = append(held, profile(out+".2.heap.pb.gz"))
	time.Sleep(time.Second)
	b, err := json.Marshal(map[string]any{
		"leak_bytes_held":       held,
		"table_bytes":           len(table) * block,
		"leak_bytes_per_second": block * 10,
	})
	capture.Check(err)
	capture.Check(os.WriteFile(out+".truth.json", b, 0o644))
}
