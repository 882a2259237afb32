// profiles: writes the profile kinds the other programs do not: a CPU profile of a busy
// loop, block and mutex profiles of contended locks and channels, an allocs profile, a
// goroutineleak profile (Go 1.26+ with the experiment, 1.27+ by default) of goroutines
// blocked forever on channels nobody can reach, and runtime.MemStats as JSON lines (one
// object per line, the first half with a "time" field, the second without). Run it with
// GODEBUG=gctrace=1 for a gctrace log on stderr.
//
//	profiles -out PREFIX   writes PREFIX.{cpu,block,mutex,allocs,goroutineleak}.pb.gz and PREFIX.memstats.jsonl
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

// EXPECT: program summary="profiles: CPU, block, mutex, allocs and goroutineleak profiles, MemStats JSON lines and a gctrace log (no trace)"

var sink [][]byte

//go:noinline
func spin(n int) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < n; i++ {
		h ^= uint64(i)
		h *= 1099511628211
	}
	return h
}

//go:noinline
func hash(d time.Duration) uint64 {
	var h uint64
	for end := time.Now().Add(d); time.Now().Before(end); {
		h += spin(20000)
	}
	return h
}

//go:noinline
func churn(rounds int) {
	for i := 0; i < rounds; i++ {
		sink = append(sink, make([]byte, 64<<10))
		if len(sink) > 64 {
			sink = sink[:0]
		}
	}
}

var mu sync.Mutex

//go:noinline
func contend(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 200; i++ {
		mu.Lock()
		time.Sleep(50 * time.Microsecond)
		mu.Unlock()
	}
}

//go:noinline
func waitRecv(ch chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	for range ch {
	}
}

//go:noinline
func leak() {
	ch := make(chan int) // only the goroutine below can reach it: it blocks forever
	go func() { ch <- 1 }()
}

func write(prefix, name string, debugWrite func(f *os.File) error) {
	f, err := os.Create(prefix + "." + name + ".pb.gz")
	if err == nil {
		err = debugWrite(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func main() {
	out := flag.String("out", "profiles", "output prefix")
	flag.Parse()
	runtime.SetBlockProfileRate(1)
	runtime.SetMutexProfileFraction(1)

	ms, err := os.Create(*out + ".memstats.jsonl")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	enc := json.NewEncoder(ms)
	logStats := func(i int) {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if i < 4 {
			enc.Encode(struct {
				Time     time.Time        `json:"time"`
				MemStats runtime.MemStats `json:"memstats"`
			}{time.Now(), m})
		} else {
			enc.Encode(&m)
		}
	}

	cpu, err := os.Create(*out + ".cpu.pb.gz")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	pprof.StartCPUProfile(cpu)
	for i := 0; i < 8; i++ {
		hash(60 * time.Millisecond)
		churn(200)
		logStats(i)
	}
	runtime.GC()
	logStats(8)
	pprof.StopCPUProfile()
	cpu.Close()

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go contend(&wg)
	}
	ch := make(chan int)
	wg.Add(1)
	go waitRecv(ch, &wg)
	for i := 0; i < 50; i++ {
		time.Sleep(200 * time.Microsecond)
		ch <- i
	}
	close(ch)
	wg.Wait()

	for i := 0; i < 5; i++ {
		leak()
	}
	time.Sleep(50 * time.Millisecond)
	ms.Close()

	for _, name := range []string{"block", "mutex", "allocs", "goroutineleak"} {
		p := pprof.Lookup(name)
		if p == nil {
			continue // goroutineleak before Go 1.26
		}
		write(*out, name, func(f *os.File) error { return p.WriteTo(f, 0) })
	}
}
