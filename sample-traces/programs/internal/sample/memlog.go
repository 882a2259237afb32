package sample

import (
	"encoding/json"
	"flag"
	"os"
	"runtime"
	"time"
)

var memstats = flag.Bool("memstats", false, "also write PREFIX.memstats.jsonl: runtime.MemStats as JSON lines")

// MemLog writes runtime.MemStats as JSON lines, {"time": ..., "NumGoroutine": N,
// "memstats": {...}}, at a fixed period, the way a service exporting its memory
// statistics would.
type MemLog struct {
	stop chan struct{}
	done chan struct{}
}

// StartMemLog starts writing PREFIX.memstats.jsonl every period when the -memstats flag
// is given (generate.sh gives it on some releases only: each line is about 6 KB); nil
// otherwise. Stop is safe on nil.
func StartMemLog(period time.Duration) *MemLog {
	p := Prefix()
	if !*memstats {
		return nil
	}
	f, err := os.Create(p + ".memstats.jsonl")
	must(err)
	l := &MemLog{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		enc := json.NewEncoder(f)
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			must(enc.Encode(struct {
				Time         time.Time        `json:"time"`
				NumGoroutine int              `json:"NumGoroutine"`
				MemStats     runtime.MemStats `json:"memstats"`
			}{time.Now(), runtime.NumGoroutine(), m}))
			select {
			case <-t.C:
			case <-l.stop:
				must(f.Close())
				return
			}
		}
	}()
	return l
}

// Stop ends the log and closes the file.
func (l *MemLog) Stop() {
	if l == nil {
		return
	}
	close(l.stop)
	<-l.done
}
