// lrucache: a healthy bounded cache. A service keeps the last 2,048 rendered pages (16 KiB
// each, 32 MiB) in an LRU keyed by page id; requests ask for ids out of 20,000, so most
// miss, render a new page and evict the oldest. The heap profile taken at the end has one
// line holding nearly all of the heap in use (the render's make), as a leak would; but
// that line allocated ten times more than it holds: the cache evicts. Not a leak.
//
// Writes PREFIX.heap.pb.gz (the heap profile after a GC).
package main

import (
	"container/list"
	"flag"
	"math/rand"
	"os"
	"runtime"
	"runtime/pprof"
)

const (
	capacity = 2048
	pageSize = 16 << 10
	ids      = 20000
	requests = 25000
)

type page struct {
	id   int
	body []byte
}

type lru struct {
	order *list.List
	index map[int]*list.Element
}

// get returns page id, rendering it on a miss and evicting the least recently used.
func (c *lru) get(id int) *page {
	if e, ok := c.index[id]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*page)
	}
	p := &page{id: id, body: make([]byte, pageSize)} // EXPECT: rendered
	p.body[0] = byte(id)
	c.index[id] = c.order.PushFront(p)
	if c.order.Len() > capacity {
		old := c.order.Remove(c.order.Back()).(*page)
		delete(c.index, old.id)
	}
	return p
}

func main() {
	out := flag.String("out", "lrucache", "prefix of the files written")
	flag.Parse()
	c := &lru{order: list.New(), index: make(map[int]*list.Element)}
	r := rand.New(rand.NewSource(1))
	var sum int
	for i := 0; i < requests; i++ {
		sum += int(c.get(r.Intn(ids)).body[0])
	}
	runtime.GC()
	f, err := os.Create(*out + ".heap.pb.gz")
	if err == nil {
		err = pprof.Lookup("heap").WriteTo(f, 0)
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil || sum < 0 {
		os.Exit(1)
	}
	runtime.KeepAlive(c) // the cache lives as long as the service
}
