// heapgrow: a map used as a cache that only grows, plus sync.Pool misuse (huge
// buffers Put into the pool, buffers taken with Get and never returned). The heap
// climbs and the garbage churn forces many GC cycles. No goroutine is stuck.
// It also exercises the rarer trace events: a user task, regions and logs
// (runtime/trace annotations) and CPU samples (a CPU profile runs meanwhile).
package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"

	"samples/internal/sample"
)

// EXPECT: program min_gc_cycles=12 summary="heap growth: a map cache that only grows and sync.Pool misuse; at least 15 GC cycles, no stuck goroutines"

const minGC = 15 // the program runs until at least this many GC cycles completed

var cache = map[string][]byte{} // EXPECT: finding kind=heap-growth

var pool = sync.Pool{New: func() any { return make([]byte, 64<<10) }}

// remember adds to the cache and never evicts.
//
//go:noinline
func remember(key string, n int) {
	cache[key] = make([]byte, n) // EXPECT: finding kind=heap-retention
}

// render takes a buffer from the pool and never Puts it back.
//
//go:noinline
func render(i int) int {
	buf := pool.Get().([]byte)
	buf[0] = byte(i)
	return len(buf)
}

// recycle Puts a freshly allocated huge buffer into the pool.
//
//go:noinline
func recycle(n int) {
	pool.Put(make([]byte, n))
}

func main() {
	run := sample.Start()
	var cpu bytes.Buffer // CPU samples also land in the execution trace (StackSample events)
	if err := pprof.StartCPUProfile(&cpu); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ctx, task := trace.NewTask(context.Background(), "heapgrow")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	startGC := ms.NumGC
	start := time.Now()
	key := 0
	for step := 0; ; step++ {
		trace.WithRegion(ctx, "fill cache", func() {
			for i := 0; i < 16; i++ {
				remember(fmt.Sprintf("key-%d", key), 1<<10)
				key++
			}
		})
		render(step)
		render(step + 1)
		if step%32 == 0 {
			recycle(4 << 20)
		}
		time.Sleep(time.Millisecond)
		if step%16 == 0 {
			runtime.ReadMemStats(&ms)
			trace.Logf(ctx, "gc", "cycles=%d heap=%d", ms.NumGC-startGC, ms.HeapAlloc)
			if time.Since(start) > 2*time.Second && ms.NumGC-startGC >= minGC {
				break
			}
			if time.Since(start) > 20*time.Second {
				fmt.Fprintln(os.Stderr, "too few GC cycles:", ms.NumGC-startGC)
				os.Exit(1)
			}
		}
	}
	task.End()
	pprof.StopCPUProfile()
	fmt.Fprintf(os.Stderr, "heapgrow: %d GC cycles, cache %d entries, heap %d MB\n", ms.NumGC-startGC, len(cache), ms.HeapAlloc>>20)
	run.Finish()
}
