//go:build goexperiment.synctest && !go1.25

// The module says go 1.19, whose timer channels synctest.Run refuses.
//go:debug asynctimerchan=0

package synctestleak

import (
	"testing"
	"testing/synctest"
	"time"
)

// TestFullBatches as Go 1.24 runs it (GOEXPERIMENT=synctest, synctest.Run): the same
// batchers left running, the same deadlock panic.
func TestFullBatches(t *testing.T) {
	synctest.Run(func() {
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
