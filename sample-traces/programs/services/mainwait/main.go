// mainwait: a batch program. main starts 10 uploaders and waits for them, but the uploader
// that fails returns before wg.Done(): main waits forever, though every uploader has exited.
// A metrics server keeps the process alive, so the runtime never says "all goroutines are
// asleep". The capture is taken by a timer callback (no goroutine of main's).
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"errors"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"services/internal/capture"
)

const uploaders = 10

func upload(i int, wg *sync.WaitGroup) error {
	time.Sleep(time.Duration(i) * time.Millisecond)
	if i == 7 {
		return errors.New("upload failed") // no wg.Done on this path
	}
	wg.Done()
	return nil
}

func main() {
	stop := capture.Start("mainwait")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	go http.Serve(ln, nil)
	time.AfterFunc(400*time.Millisecond, func() {
		stop()
		os.Exit(0)
	})
	var wg sync.WaitGroup
	for i := 0; i < uploaders; i++ {
		wg.Add(1)
		go upload(i, &wg) // EXPECT: created
	}
	wg.Wait() // EXPECT: blocked
}
