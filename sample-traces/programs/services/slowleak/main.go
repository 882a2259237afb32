// slowleak: a request tracker keeps each request's state (a 512 KiB copy of its body) in a
// map by request id and deletes it when the request succeeds; the error path (every fourth
// request) returns before the delete. At 20 requests a second that keeps 2.5 MiB a second
// for good, while the rest becomes garbage the GC collects. The capture lasts 6 s: the heap
// after GC climbs from a few MiB by about 14 MiB, under the 16 MiB a rise needs alone, but
// it more than doubles, steadily, over seconds. Run with GODEBUG=gctrace=1 for the GC log of
// the same run. Writes PREFIX.truth.json: the bytes the map held when the trace began and
// when it ended, and the time between, for the leak's real rate.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"sync"
	"time"

	"services/internal/capture"
)

const (
	body     = 512 << 10
	interval = 50 * time.Millisecond
	run      = 6 * time.Second
)

type state struct {
	id   string
	body []byte
}

var (
	mu       sync.Mutex
	inflight = map[string]*state{}
	held     int64
)

var errBadInput = errors.New("bad input")

func handle(n int, payload []byte) error {
	st := &state{id: "req-" + strconv.Itoa(n), body: make([]byte, len(payload))} // EXPECT: state kept
	copy(st.body, payload)
	mu.Lock()
	inflight[st.id] = st
	held += int64(len(st.body))
	mu.Unlock()
	if n%4 == 0 {
		return errBadInput // the bug: the state is never deleted on this path
	}
	mu.Lock()
	delete(inflight, st.id)
	held -= int64(len(st.body))
	mu.Unlock()
	return nil
}

func heldNow() int64 {
	mu.Lock()
	defer mu.Unlock()
	return held
}

func main() {
	prefix := capture.Prefix("slowleak")
	payload := make([]byte, body)
	stop := capture.Trace(prefix)
	start, from := time.Now(), heldNow()
	t := time.NewTicker(interval)
	for n := 1; time.Since(start) < run; n++ {
		<-t.C
		_ = handle(n, payload)
	}
	to, elapsed := heldNow(), time.Since(start)
	stop()
	f, err := os.Create(prefix + ".truth.json")
	capture.Check(err)
	capture.Check(json.NewEncoder(f).Encode(map[string]int64{"from_bytes": from, "to_bytes": to, "over_ns": elapsed.Nanoseconds()}))
	capture.Check(f.Close())
}
