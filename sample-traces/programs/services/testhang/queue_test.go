package testhang

import (
	"sync"
	"testing"
	"time"
)

// TestLater is parallel: it waits in t.Parallel until the sequential tests are done, which
// never happens. Waiting there is the testing package's, not a hang of its own.
func TestLater(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

// TestPushPop hangs: eight pushers, one holding the lock while it sends, seven waiting for
// the lock, and the test waiting for all of them before it pops.
func TestPushPop(t *testing.T) {
	q := New()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) { // EXPECT: created
			defer wg.Done()
			q.Push(i)
		}(i)
	}
	wg.Wait() // EXPECT: test waits
	if q.Pop() < 0 {
		t.Fatal("bad item")
	}
}
