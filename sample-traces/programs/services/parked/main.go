// parked: goroutines parked where nothing can ever wake them, each alone, each started by
// main (the shape of a service's one background loop per subsystem, which waits in a
// select between its events). A plugin's Start keeps a goroutine "alive until Stop" with
// `select {}`, which can never return; a watcher ranges over an events channel its
// constructor never made (a nil channel). Beside them, a healthy background loop waits
// in a select on its ticker and its context. Go's dump says `[select (no cases)]` and
// `[chan receive (nil chan)]`; a Go 1.22+ trace writes both blocks as "forever", and the
// old format as a stop: only the stack tells them apart.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops.
package main

import (
	"context"
	"time"

	"services/internal/capture"
)

type plugin struct{ name string }

// Start keeps the plugin "running until Stop": nothing ever ends the select.
func (p *plugin) Start() {
	go func() { // EXPECT: plugin created
		select {} // EXPECT: plugin blocked
	}()
}

type watcher struct {
	events chan string // never made
	seen   int
}

func (w *watcher) run() {
	for range w.events { // EXPECT: watcher blocked
		w.seen++
	}
}

// refresh is the healthy background loop: it ticks every 20 ms until its context ends.
func refresh(ctx context.Context, ticks *int) {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			*ticks++
		}
	}
}

func main() {
	stop := capture.Start("parked")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ticks := 0
	go refresh(ctx, &ticks)
	p := &plugin{name: "audit"}
	p.Start()
	w := &watcher{}
	go w.run() // EXPECT: watcher created
	time.Sleep(600 * time.Millisecond)
	stop()
}
