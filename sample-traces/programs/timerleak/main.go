// timerleak: every request arms a time.AfterFunc timeout of one hour whose closure holds
// the request's 4 KiB buffer, and the timer is never stopped when the request finishes.
// Until the timers fire, every buffer stays reachable: the heap after GC grows to about
// 100 MB in 3 s, nearly all of it allocated at the buffer's make line.
package main

import (
	"time"

	"samples/internal/sample"
)

// EXPECT: program summary="time.AfterFunc timers (1 h, never stopped) holding 4 KiB buffers: heap after GC grows to ~100 MB in 3 s"
// EXPECT: finding kind=heap-growth

const (
	runFor    = 3 * time.Second
	perSecond = 36 << 20
	entry     = 4 << 10
)

var fired int

//go:noinline
func handle(key int) *time.Timer {
	buf := make([]byte, entry) // EXPECT: finding kind=heap-retention
	buf[0] = byte(key)
	return time.AfterFunc(time.Hour, func() { fired += int(buf[0]) })
}

func main() {
	run := sample.Start()
	log := sample.StartMemLog(100 * time.Millisecond)
	start := time.Now()
	key := 0
	for time.Since(start) < runFor {
		want := int(time.Since(start).Seconds() * perSecond / entry)
		for ; key < want; key++ {
			handle(key) // the leak: the returned timer is dropped, never stopped
		}
		time.Sleep(5 * time.Millisecond)
	}
	log.Stop()
	run.Finish()
}
