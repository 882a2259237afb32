//go:build go1.25

package synctestleak

import (
	"testing"
	"testing/synctest"
	"time"
)

// TestFullBatches passes its checks but never closes its batchers: their loops stay
// behind in the bubble, and synctest fails the test for it.
func TestFullBatches(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		for size := 1; size <= 4; size++ {
			b := New(size, time.Second)
			for v := 0; v < size; v++ {
				b.Add(v)
			}
			if got := <-b.Out(); len(got) != size {
				t.Errorf("batch of %d, want %d", len(got), size)
			}
		}
	})
}

// TestTickFlush waits for a partial batch to be sent on the tick; the loop never sends
// it, so every goroutine of the bubble waits.
func TestTickFlush(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := New(10, time.Second)
		defer b.Close()
		b.Add(1)
		time.Sleep(2 * time.Second)
		if got := <-b.Out(); len(got) != 1 { // EXPECT: waits
			t.Errorf("tick sent %v", got)
		}
	})
}
