package testleak

import (
	"testing"
	"time"
)

// TestFirst passes: each call leaves three losers blocked sending.
func TestFirst(t *testing.T) {
	one := func() int { return 1 }
	for i := 0; i < 10; i++ {
		if First([]func() int{one, one, one, one}) != 1 {
			t.Fatal("wrong answer")
		}
	}
}

// TestLater runs after it, so the trace goes on past TestFirst's return.
func TestLater(t *testing.T) {
	time.Sleep(50 * time.Millisecond)
}
