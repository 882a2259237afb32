// heapstep: a service that holds a table from its start (-table MiB), run three ways, each logged
// with GODEBUG=gctrace=1 (run it as `heapstep -mode M 2>PREFIX.gctrace.log`):
//   - leak: a cache of 32 KiB entries never evicted grows beside the table, about 10 MiB a
//     second for 6 s: the heap left after each GC grows by half, never doubling;
//   - reload (with a 40 MiB table): at 60% of the run a second 100 MiB table is loaded and
//     kept: the heap steps up once, 3.5-fold, and stays;
//   - steady: requests allocate and drop their buffers: the heap left after each GC stays.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"
)

var (
	table  []byte
	second []byte
	sink   []byte
	cache  = map[int][]byte{}
)

// serve allocates a request's buffer and drops it.
func serve() {
	sink = make([]byte, 256<<10)
}

func main() {
	mode := flag.String("mode", "leak", "leak, reload or steady")
	run := flag.Duration("run", 6*time.Second, "how long to run")
	mib := flag.Int("table", 150, "the table's size in MiB")
	flag.Parse()
	table = make([]byte, *mib<<20) // EXPECT: table
	for i := range table {
		table[i] = byte(i)
	}
	start := time.Now()
	reloaded, kept := false, 0
	for i := 0; time.Since(start) < *run; i++ {
		serve()
		switch {
		case *mode == "leak" && i%3 == 0:
			cache[i] = make([]byte, 32<<10) // EXPECT: leak
			kept += 32 << 10
		case *mode == "reload" && !reloaded && time.Since(start) > *run*3/5:
			second = make([]byte, 100<<20) // EXPECT: reload
			reloaded = true
		}
		time.Sleep(time.Millisecond)
	}
	runtime.KeepAlive(table)
	fmt.Fprintf(os.Stderr, "heapstep: mode %s table %d MiB kept %d bytes beside it\n", *mode, *mib, kept)
}
