// pipequeue: request handlers write audit records into an io.Pipe whose reader, a shipper,
// returned on its first error without closing its end. The first handler to write waits in
// the pipe for a reader that never comes; io.Pipe lets one write through at a time, so the
// other eleven queue on the pipe's own write mutex behind it: all twelve wait for a reader
// (probe r29a: the eleven read "sync.Mutex.Lock" at the program's Write line, no pipe hint).
//
// Writes PREFIX.trace and the debug=2 dump of its last moment (PREFIX.goroutine-2.txt).
package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"services/internal/capture"
)

const handlers = 12

type audit struct{ pw *io.PipeWriter }

func ship(pr *io.PipeReader) {
	buf := make([]byte, 8)
	if _, err := pr.Read(buf); err != nil {
		return
	}
	// Bug: the shipper gives up after its first read and never closes the pipe's read end.
	_ = errors.New("upstream refused the batch")
}

func (a *audit) handle(id int) {
	fmt.Fprintf(a.pw, "request %d done\n", id) // EXPECT: blocked
}

func main() {
	stop := capture.Start("pipequeue")
	pr, pw := io.Pipe()
	a := &audit{pw: pw}
	go ship(pr)
	for i := 1; i <= handlers; i++ {
		go a.handle(i) // EXPECT: created
	}
	time.Sleep(500 * time.Millisecond)
	stop()
}
