// ctxnever: a service traced in mid-life whose handlers each start a watcher on a context
// that is never done: context.Background() where the request's context was meant. Its
// Done() is a nil channel, so every watcher blocks for good: 100 leak before the trace
// starts, 10 more while it runs (one every 50 ms). Go's dump says `[chan receive (nil
// chan)]` for all 110. A Go 1.23+ trace writes the 10 younger ones' block as "forever"
// (the stack says a nil channel) and the 100 older ones by a status whose stack shows a
// channel receive but not that the channel is nil: still one leak at one line.
//
// Writes PREFIX.trace and the runtime's debug=2 goroutine dump of the moment it stops
// (PREFIX.goroutine-2.txt).
package main

import (
	"context"
	"time"

	"services/internal/capture"
)

const (
	before = 100
	during = 10
)

// watch ends the request's work when its context is cancelled; given a context that is
// never done, it waits forever.
func watch(ctx context.Context, id int) {
	<-ctx.Done() // EXPECT: blocked
	_ = id
}

func handle(id int) {
	ctx := context.Background() // the request's context was meant
	go watch(ctx, id)           // EXPECT: created
}

func main() {
	out := capture.Prefix("ctxnever")
	for i := 0; i < before; i++ {
		handle(i)
	}
	time.Sleep(100 * time.Millisecond)
	stop := capture.Trace(out)
	for i := 0; i < during; i++ {
		time.Sleep(50 * time.Millisecond)
		handle(before + i)
	}
	time.Sleep(50 * time.Millisecond)
	stop()
}
