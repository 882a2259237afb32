// lrulines: a healthy bounded cache seen through MemStats lines. A service caches rendered
// pages (8 KiB each) in an LRU of 1,500 entries keyed by id; requests ask for ids out of
// 30,000, so most miss, render a page (and 4 KiB of scratch per request) and evict the
// oldest. The cache is full within the first second; after that the heap after each GC
// stays where it is while the garbage between cycles comes and goes. The service logs
// runtime.MemStats as a JSON line every 200 ms for 4.4 s, about a line per GC cycle, as a
// scrape or a service's own logger would: the least line of each cycle's interval is the
// heap some time after the cycle ended, garbage included.
//
// Writes PREFIX.memstats.jsonl and PREFIX.truth.json (the cache's size at each line).
package main

import (
	"container/list"
	"encoding/json"
	"math/rand"
	"os"
	"runtime"
	"time"

	"services/internal/capture"
)

const (
	capacity = 1500
	pageSize = 8 << 10
	ids      = 30000
)

type page struct {
	id   int
	body []byte
}

type lru struct {
	order *list.List
	index map[int]*list.Element
}

var scratchSum int

// get returns page id, rendering it on a miss and evicting the least recently used.
func (c *lru) get(id int) *page {
	scratch := make([]byte, 4<<10) // the request's own garbage
	scratch[id%len(scratch)] = 1
	scratchSum += int(scratch[0])
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
	out := capture.Prefix("lrulines")
	f, err := os.Create(out + ".memstats.jsonl")
	capture.Check(err)
	enc := json.NewEncoder(f)
	var sizes []int
	log := func(c *lru) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		line := map[string]any{"time": time.Now().UTC().Format(time.RFC3339Nano), "NumGoroutine": runtime.NumGoroutine(), "memstats": ms}
		capture.Check(enc.Encode(line))
		sizes = append(sizes, c.order.Len())
	}
	c := &lru{order: list.New(), index: make(map[int]*list.Element)}
	r := rand.New(rand.NewSource(1))
	start := time.Now()
	next := start
	sum := 0
	for time.Since(start) < 4400*time.Millisecond {
		if !time.Now().Before(next) {
			log(c)
			next = next.Add(200 * time.Millisecond)
		}
		// Six requests a millisecond or so: about 70 MiB/s of garbage, a cycle every 0.2 s.
		for i := 0; i < 6; i++ {
			sum += int(c.get(r.Intn(ids)).body[0])
		}
		time.Sleep(time.Millisecond)
	}
	log(c)
	capture.Check(f.Close())
	t, err := os.Create(out + ".truth.json")
	capture.Check(err)
	capture.Check(json.NewEncoder(t).Encode(map[string]any{"capacity": capacity, "page_bytes": pageSize, "cache_sizes": sizes}))
	capture.Check(t.Close())
	if sum < 0 || scratchSum < 0 {
		os.Exit(1)
	}
}
