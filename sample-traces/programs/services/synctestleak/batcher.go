// Package synctestleak is a batcher: it groups values into batches, sent when a batch is
// full or when a tick finds values waiting. Its tests run in testing/synctest bubbles (Go
// 1.25+), whose fake clock makes the tick instant: one leaves its batchers running (never
// closed), one waits for a tick flush that a bug skips, and both bubbles deadlock
// (generate-services.sh keeps what `go test` prints, and the trace of the first).
package synctestleak

import "time"

// Batcher collects values from Add and sends them in batches on Out.
type Batcher struct {
	in   chan int
	out  chan []int
	done chan struct{}
}

// New starts a batcher's loop; Close stops it.
func New(size int, every time.Duration) *Batcher {
	b := &Batcher{in: make(chan int), out: make(chan []int, 1), done: make(chan struct{})}
	go b.run(size, every) // EXPECT: created
	return b
}

// Add hands a value to the loop.
func (b *Batcher) Add(v int) { b.in <- v }

// Out is where the batches come.
func (b *Batcher) Out() <-chan []int { return b.out }

// Close stops the loop.
func (b *Batcher) Close() { close(b.done) }

func (b *Batcher) run(size int, every time.Duration) {
	var batch []int
	var tick <-chan time.Time // armed when a batch starts
	for {
		select { // EXPECT: blocked
		case v := <-b.in:
			if batch == nil {
				tick = time.After(every)
			}
			batch = append(batch, v)
			if len(batch) == size {
				b.out <- batch
				batch, tick = nil, nil
			}
		case <-tick:
			tick = nil
			// The bug the tick test finds: a partial batch waits for a full one.
			if len(batch) == size {
				b.out <- batch
				batch = nil
			}
		case <-b.done:
			return
		}
	}
}
