// Package testhang is a queue whose Push sends on an unbuffered channel while it holds the
// lock: the first Push waits for a Pop that must take the same lock first. Its tests hang
// until `go test -timeout` panics with every goroutine's stack (generate-services.sh).
package testhang

import "sync"

// Queue hands items to Pop, waking it on the first.
type Queue struct {
	mu    sync.Mutex
	items []int
	ready chan struct{}
}

// New makes an empty queue.
func New() *Queue { return &Queue{ready: make(chan struct{})} }

// Push appends v; the first item wakes a Pop.
func (q *Queue) Push(v int) {
	q.mu.Lock() // EXPECT: lock
	defer q.mu.Unlock()
	q.items = append(q.items, v)
	if len(q.items) == 1 {
		q.ready <- struct{}{} // EXPECT: holder
	}
}

// Pop waits for an item and takes it.
func (q *Queue) Pop() int {
	<-q.ready
	q.mu.Lock()
	defer q.mu.Unlock()
	v := q.items[0]
	q.items = q.items[1:]
	return v
}
