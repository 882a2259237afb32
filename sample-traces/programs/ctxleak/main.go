// ctxleak: a context.WithTimeout of one hour whose cancel function is never
// called; 300 goroutines wait on <-ctx.Done() and stay blocked.
package main

import (
	"context"
	"time"

	"samples/internal/sample"
)

// EXPECT: program

const watchers = 300

func watch(ctx context.Context, id int) {
	<-ctx.Done() // EXPECT: block group=watchers count=300 reason="chan receive"
	_ = id
}

//go:noinline
func startWatchers(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		go watch(ctx, i) // EXPECT: go group=watchers
	}
}

func main() {
	run := sample.Start()
	ctx, cancel := context.WithTimeout(context.Background(), 1*time.Hour)
	// Bug: cancel is never called (should be: defer cancel()).
	_ = cancel
	startWatchers(ctx, watchers)
	sample.WaitBlocked("main.watch", watchers)
	sample.Busy(2 * time.Second)
	run.Finish()
}
