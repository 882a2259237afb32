// heapchurn: a request handler that builds a 256 KiB response buffer (garbage as soon as it
// is sent) and appends a 4 KiB audit record to a log kept for good (-mode leak): the live
// heap grows by 4 KiB a request, 24 MiB in all, under 64 times as much churn. Marking counts
// what is allocated while it runs as live, so with buffers this big some cycles log tens of
// MiB more live heap than the program holds, for a cycle or two, and the live heap Go logs
// is a rising line with spikes above it. With -mode steady the log is a ring of the last 512
// records: the same churn, nothing kept.
//
// Run with GODEBUG=gctrace=1; the log is stderr.
package main

import (
	"flag"
	"fmt"
	"time"
)

const requests = 6000

var (
	mode  = flag.String("mode", "leak", "leak or steady")
	sink  []byte
	audit [][]byte
)

func handle(i int) {
	resp := make([]byte, 256<<10)
	resp[i%len(resp)] = byte(i)
	sink = resp // sent, then garbage
	rec := make([]byte, 4<<10)
	rec[0] = byte(i)
	if *mode == "steady" && len(audit) == 512 {
		audit[i%512] = rec
		return
	}
	audit = append(audit, rec) // EXPECT: kept
}

func main() {
	flag.Parse()
	for i := 0; i < requests; i++ {
		handle(i)
		if i%100 == 0 {
			time.Sleep(8 * time.Millisecond)
		}
	}
	fmt.Println(len(audit), "records kept")
}
