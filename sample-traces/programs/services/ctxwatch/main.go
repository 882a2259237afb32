// ctxwatch: a server whose framework hands each request a context of its own type (as
// fasthttp's RequestCtx and other frameworks do: Done, Err, Deadline and Value methods of
// its own). A handler derives a timeout for its lookup with context.WithTimeout and, on
// its cache-hit path, returns without calling cancel. The parent is not one of the context
// package's types, so for each child Go starts a goroutine that watches the parent's Done
// and the child's; only cancel or the parent's end stops it, and the parent is the
// server's, which lives as long as the server. 24 requests, one every 25 ms, leave 24.
//
// With -fixed the handler defers cancel: every watch ends with its request.
//
// Writes PREFIX.trace and the debug=1, profile and debug=2 goroutine dumps of the moment
// it stops (capture.StartAll).
package main

import (
	"context"
	"flag"
	"time"

	"services/internal/capture"
)

const requests = 24

var fixed = flag.Bool("fixed", false, "defer cancel in the handler")

// serverCtx is the framework's context: done when the server shuts down.
type serverCtx struct{ done chan struct{} }

func (c *serverCtx) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *serverCtx) Done() <-chan struct{}       { return c.done }
func (c *serverCtx) Value(any) any               { return nil }
func (c *serverCtx) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

var cache = map[int]string{}

// lookup answers from the cache or asks the backend under a timeout.
func lookup(parent context.Context, key int) string {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // EXPECT: called
	if *fixed {
		defer cancel()
	}
	if v, ok := cache[key%4]; ok {
		return v // the cache-hit path forgets cancel
	}
	v := backend(ctx, key)
	cancel()
	return v
}

func backend(ctx context.Context, key int) string {
	if ctx.Err() != nil {
		return ""
	}
	return "value"
}

func main() {
	stop := capture.StartAll("ctxwatch")
	server := &serverCtx{done: make(chan struct{})}
	for i := 0; i < 4; i++ {
		cache[i] = "cached"
	}
	for i := 0; i < requests; i++ {
		lookup(server, i)
		time.Sleep(25 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	stop()
}
