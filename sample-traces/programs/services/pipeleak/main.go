// pipeleak: each request streams a report through an io.Pipe, reads its header and returns
// without closing the pipe's reader: the producer goroutine (made at // EXPECT: created)
// stays blocked writing the rest, in io.(*pipe).write under // EXPECT: blocked. A healthy
// request (every fourth) reads to the end and its producer ends.
//
// Writes PREFIX.trace, the debug=1 and debug=2 goroutine dumps and the goroutine profile of
// the moment it stops.
package main

import (
	"bytes"
	"io"
	"time"

	"services/internal/capture"
)

const requests = 16

// produce writes the report in chunks and closes the pipe.
func produce(w *io.PipeWriter) {
	chunk := bytes.Repeat([]byte("x"), 4096)
	for i := 0; i < 8; i++ {
		if _, err := w.Write(chunk); err != nil { // EXPECT: blocked
			return
		}
	}
	w.Close()
}

// handle reads the report's header, or all of it when full.
func handle(full bool) int {
	r, w := io.Pipe()
	go produce(w) // EXPECT: created
	if full {
		n, err := io.Copy(io.Discard, r)
		capture.Check(err)
		return int(n)
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(r, head)
	capture.Check(err)
	return n
}

func main() {
	stop := capture.StartAll("pipeleak")
	for i := 0; i < requests; i++ {
		handle(i%4 == 3)
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	stop()
}
