// deadlock: two goroutines take mutexes A and B in opposite orders and deadlock
// (sync.Mutex.Lock), and 20 goroutines wait on a sync.WaitGroup whose counter
// never reaches zero (Add without Done). main keeps running (it sleeps, so the
// runtime never reports "all goroutines are asleep"), then stops the trace.
package main

import (
	"sync"
	"time"

	"samples/internal/sample"
)

// EXPECT: program

var muA, muB sync.Mutex

// transfer locks first, waits until its peer holds the other mutex, then locks second.
func transfer(first, second *sync.Mutex, bothLocked *sync.WaitGroup) {
	first.Lock()
	bothLocked.Done()
	bothLocked.Wait()
	second.Lock() // EXPECT: block group=lockorder count=2 reason="sync"
	second.Unlock()
	first.Unlock()
}

func waitAll(wg *sync.WaitGroup) {
	wg.Wait() // EXPECT: block group=waiters count=20 reason="sync"
}

func main() {
	run := sample.Start()

	// Lock-order deadlock: A then B versus B then A.
	var bothLocked sync.WaitGroup
	bothLocked.Add(2)
	pairs := [][2]*sync.Mutex{{&muA, &muB}, {&muB, &muA}}
	for _, p := range pairs {
		go transfer(p[0], p[1], &bothLocked) // EXPECT: go group=lockorder
	}

	// A WaitGroup with an Add and no matching Done.
	var pending sync.WaitGroup
	pending.Add(1)
	for i := 0; i < 20; i++ {
		go waitAll(&pending) // EXPECT: go group=waiters
	}

	sample.WaitBlocked("main.transfer", 2)
	sample.WaitBlocked("main.waitAll", 20)
	time.Sleep(2 * time.Second)
	run.Finish()
}
