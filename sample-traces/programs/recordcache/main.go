// recordcache: a cache of user records that only grows. Every entry is several
// allocations in remember (the record, its name, its tags, the map's room for it), so no
// single line holds most of the heap in use, while the function holds nearly all of it.
// Writes PREFIX.heap.pb.gz after a GC, with 300,000 records cached (~70 MiB).
package main

import (
	"flag"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
)

// EXPECT: program summary="recordcache: a map of records that only grows, each entry four allocations of one function (heap profile only)"

const records = 300000

type record struct {
	id    int
	name  string
	tags  []string
	score [4]float64
}

var cache = map[int]*record{}

var pad = strings.Repeat("x", 40)

// remember caches a record forever: the leak.
func remember(i int) {
	r := &record{id: i} // EXPECT: finding kind=heap-retention spread=true
	r.name = "user-" + strconv.Itoa(i) + "-" + pad
	r.tags = make([]string, 4)
	cache[i] = r
}

func main() {
	out := flag.String("out", "recordcache", "prefix of the profile written")
	flag.Parse()
	for i := 0; i < records; i++ {
		remember(i)
	}
	runtime.GC()
	f, err := os.Create(*out + ".heap.pb.gz")
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
	if len(cache) != records {
		panic("cache")
	}
}
