// gcoff: a batch job run with GOGC=off (the collector never starts on its own) that forces
// a collection between its three phases. Each phase builds and drops 40 MiB of records, and
// keeps a 4 MiB index alive throughout. Before the first forced collection it writes a heap
// profile: nothing has been freed yet, so every site's in-use equals what it allocated,
// garbage included. Run with GOGC=off GODEBUG=gctrace=1: the runtime prints each forced
// cycle with a goal near 2^63 bytes ("8532210231534 MB goal"), its way of saying "never".
//
// Writes PREFIX.heap-nogc.pb.gz; the gctrace lines go to stderr.
package main

import (
	"flag"
	"os"
	"runtime"
	"runtime/pprof"

	"services/internal/capture"
)

const (
	phases    = 3
	perPhase  = 40 << 20
	recordLen = 4 << 10
	indexLen  = 4 << 20
)

var index []byte

// build makes one phase's records and returns how many bytes they hold: dropped on return.
func build() int {
	var records [][]byte
	for n := 0; n < perPhase; n += recordLen {
		records = append(records, make([]byte, recordLen)) // EXPECT: records allocated
	}
	total := 0
	for _, r := range records {
		total += len(r)
	}
	return total
}

func main() {
	out := flag.String("out", "gcoff", "prefix of the files written")
	flag.Parse()
	index = make([]byte, indexLen)
	for p := 0; p < phases; p++ {
		build()
		if p == 0 {
			f, err := os.Create(*out + ".heap-nogc.pb.gz")
			capture.Check(err)
			capture.Check(pprof.WriteHeapProfile(f)) // EXPECT: profile before any GC
			capture.Check(f.Close())
		}
		runtime.GC()
	}
	runtime.KeepAlive(index)
}
