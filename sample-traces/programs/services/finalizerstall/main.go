// finalizerstall: a client library's handles carry a finalizer as a safety net: a handle the
// program forgets to Close gives its slot back to the pool from its finalizer, through the
// pool's release channel. The pool's recycler read that channel until a reload stopped it,
// so the first finalizer to run blocks in its send for good. Go runs every finalizer on one
// goroutine: none runs after it, and each forgotten handle keeps its 256 KiB buffer on the
// heap. 60 handles are forgotten, one every 2 ms; the heap grows by ~15 MiB. The fix: give
// the slot back without waiting (a send in a select with a default), or Close the handles.
//
// With -cleanup (Go 1.24+) the safety net is runtime.AddCleanup instead, which Go 1.25+ runs
// on goroutines of its own: the cleanup goroutine blocks the same way, the cleanups queued
// behind it wait (the handles' memory is freed: a cleanup does not keep its object).
//
// Writes PREFIX.trace and the debug=1 and debug=2 goroutine dumps of the moment it stops.
package main

import (
	"flag"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"services/internal/capture"
)

const forgotten = 60

var cleanup = flag.Bool("cleanup", false, "runtime.AddCleanup instead of SetFinalizer (Go 1.24+)")

// pool hands out slots; release gives them back.
type pool struct{ release chan int }

// handle is what the library gives its caller.
type handle struct {
	slot int
	buf  []byte
}

// giveBack returns a forgotten handle's slot: it waits for the recycler.
func (p *pool) giveBack(slot int) {
	p.release <- slot // EXPECT: blocked
}

func (p *pool) open(slot int) *handle {
	h := &handle{slot: slot, buf: make([]byte, 256<<10)}
	h.buf[0] = byte(slot)
	if *cleanup {
		addCleanup(h, p, slot)
	} else {
		runtime.SetFinalizer(h, func(h *handle) { p.giveBack(h.slot) })
	}
	return h
}

// recycle reads released slots until stop closes.
func (p *pool) recycle(stop <-chan struct{}) {
	for {
		select {
		case <-p.release:
		case <-stop:
			return
		}
	}
}

func main() {
	prefix := capture.Prefix("finalizerstall")
	p := &pool{release: make(chan int)}
	stop := make(chan struct{})
	go p.recycle(stop)
	close(stop) // the reload: the recycler is gone, the finalizers are not
	done := capture.Trace(prefix)
	for i := 0; i < forgotten; i++ {
		p.open(i) // forgotten: never closed
		time.Sleep(2 * time.Millisecond)
	}
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	d, err := os.Create(prefix + ".goroutine-1.txt")
	capture.Check(err)
	capture.Check(pprof.Lookup("goroutine").WriteTo(d, 1))
	capture.Check(d.Close())
	done()
}
