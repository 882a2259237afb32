// textprofiles: the text form of the heap, mutex and block profiles (`debug=1`, what the
// links of /debug/pprof/ show) beside the protobuf (`debug=0`) of the same moment. A worker
// caches 24 MiB in 4 KiB entries and never evicts them (the heap's retaining line) while it
// also makes short-lived garbage; four goroutines queue on one mutex; a consumer waits on a
// channel. Writes PREFIX.{heap,mutex,block}.{txt,pb.gz}: each text, then at once its
// protobuf, after everything stopped, so both carry the same records.
package main

import (
	"flag"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

// EXPECT: program summary="textprofiles: 24 MiB cached and never evicted by main.remember, four goroutines queueing on one mutex, a consumer waiting on a channel (heap, mutex and block profiles as text and protobuf)"

const (
	entries = 6144 // × 4 KiB = 24 MiB
	entry   = 4 << 10
)

var cache = map[int][]byte{}

// remember caches an entry forever: the leak.
//
//go:noinline
func remember(i int) {
	cache[i] = make([]byte, entry) // EXPECT: finding kind=heap-retention
}

// sink keeps only the latest scratch buffer, so each one escapes to the heap and the
// one before it is garbage.
var sink []byte

// scratch makes garbage that the next GC frees: allocated, not in use.
//
//go:noinline
func scratch(i int) int {
	sink = make([]byte, 8<<10)
	sink[i%len(sink)] = byte(i)
	return int(sink[0])
}

var (
	mu      sync.Mutex
	counter int
)

// bump holds the lock for a while, so that the others queue behind it.
func bump() {
	mu.Lock()
	counter++
	time.Sleep(50 * time.Microsecond)
	mu.Unlock()
}

func main() {
	out := flag.String("out", "textprofiles", "prefix of the profiles written")
	flag.Parse()
	runtime.SetMutexProfileFraction(1)
	runtime.SetBlockProfileRate(1)

	sum := 0
	for i := 0; i < entries; i++ {
		remember(i)
		sum += scratch(i)
	}

	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 250; j++ {
				bump()
			}
		}()
	}
	jobs := make(chan int)
	done := make(chan int)
	go func() {
		n := 0
		for j := range jobs {
			n += j
		}
		done <- n
	}()
	for j := 0; j < 20; j++ {
		time.Sleep(2 * time.Millisecond)
		jobs <- j
	}
	close(jobs)
	<-done
	wg.Wait()

	// Two GCs publish every allocation made above in the heap profile.
	runtime.GC()
	runtime.GC()
	for _, name := range []string{"heap", "mutex", "block"} {
		for _, debug := range []int{1, 0} {
			ext := map[int]string{1: ".txt", 0: ".pb.gz"}[debug]
			f, err := os.Create(*out + "." + name + ext)
			if err != nil {
				panic(err)
			}
			if err := pprof.Lookup(name).WriteTo(f, debug); err != nil {
				panic(err)
			}
			if err := f.Close(); err != nil {
				panic(err)
			}
		}
	}
	if len(cache) != entries || counter != 1000 || sum < 0 {
		panic("the program did not do what it says")
	}
}
