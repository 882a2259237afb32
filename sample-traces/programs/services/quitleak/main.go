// quitleak: a service's stderr as an operator keeps it: run with GODEBUG=gctrace=1, its GC
// lines, then the traceback `kill -QUIT` makes it print. Its handlers each keep a 64 KiB
// record in a map they never delete from (8 MiB/s for 3 s), and 12 of its exporters wait
// for good on a channel nobody sends on. The same file must give both: the heap's climb
// from the GC lines, and the stuck exporters from the traceback.
//
// Writes PREFIX.truth.json (the rate the map kept bytes at, and the exporters); the caller
// keeps stderr (the GC lines and the SIGQUIT traceback) as PREFIX.stderr.log.
package main

import (
	"encoding/json"
	"os"
	"strconv"
	"syscall"
	"time"

	"services/internal/capture"
)

const (
	record    = 64 << 10
	perSecond = 128 // records a second: 8 MiB/s
	exporters = 12
)

var (
	records = map[string][]byte{}
	sink    []byte
	flush   = make(chan struct{}) // nobody ever sends
)

func handle(id int) {
	b := make([]byte, record) // EXPECT: kept
	b[0] = byte(id)
	records["req-"+strconv.Itoa(id)] = b
	// The request's own garbage: a GC every few hundred milliseconds.
	sink = make([]byte, 4*record)
}

func exporter() {
	<-flush // EXPECT: stuck
}

func main() {
	out := capture.Prefix("quitleak")
	for i := 0; i < exporters; i++ {
		go exporter() // EXPECT: created
	}
	t := time.NewTicker(time.Second / perSecond)
	for id := 0; id < 3*perSecond; id++ {
		<-t.C
		handle(id)
	}
	b, err := json.Marshal(map[string]any{"kept_bytes_per_second": record * perSecond, "exporters": exporters})
	capture.Check(err)
	capture.Check(os.WriteFile(out+".truth.json", b, 0o644))
	capture.Check(syscall.Kill(os.Getpid(), syscall.SIGQUIT))
	time.Sleep(time.Second)
}
