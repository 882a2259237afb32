// bodycache: a service that caches every response body it reads (io.ReadAll) and never
// evicts one. The bytes are allocated by the standard library (io.ReadAll grows its buffer)
// on behalf of the program's line that calls it: that line is where the heap is held.
//
// Writes PREFIX.heap.pb.gz (the heap profile after a GC, with 48 MiB of bodies cached).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
)

const (
	entries = 6000
	size    = 8 << 10
)

type cache struct{ m map[string][]byte }

func (c *cache) fill(key string, r io.Reader) {
	b, err := io.ReadAll(r) // EXPECT: retained
	if err != nil {
		return
	}
	c.m[key] = b
}

func main() {
	out := flag.String("out", "bodycache", "prefix of the files written")
	flag.Parse()
	c := &cache{m: map[string][]byte{}}
	payload := bytes.Repeat([]byte("x"), size)
	for i := 0; i < entries; i++ {
		c.fill("/item/"+strconv.Itoa(i), bytes.NewReader(payload))
	}
	runtime.GC()
	f, err := os.Create(*out + ".heap.pb.gz")
	check(err)
	check(pprof.Lookup("heap").WriteTo(f, 0))
	check(f.Close())
	runtime.KeepAlive(c)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
