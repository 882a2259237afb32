// liblease: each request asks the lease library for a watch, reads the first change and
// returns: 15 watcher goroutines, started inside the library, stay blocked sending. Go's
// dump says `created by services/liblease/lease.(*Client).Watch`; the program's line that
// called the library is main.handle's.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"time"

	"services/internal/capture"
	"services/liblease/lease"
)

const requests = 15

func handle(c *lease.Client, key string) string {
	return <-c.Watch(key) // EXPECT: caller
}

func main() {
	stop := capture.Start("liblease")
	c := &lease.Client{}
	for i := 0; i < requests; i++ {
		handle(c, "k")
		time.Sleep(8 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	stop()
}
