// deadlock (dump-only twin of ../../deadlock, for Go 1.19+): two goroutines take
// mutexes in opposite orders (sync.Mutex.Lock), 20 wait on a WaitGroup that never
// reaches zero. Writes PREFIX.goroutine-{1,2}.txt; with -fatal, main then waits too
// and the runtime dies with "all goroutines are asleep - deadlock!".
package main

import (
	"flag"
	"sync"

	"dumps/internal/dumpkit"
)

var fatal = flag.Bool("fatal", false, "block main too, so the runtime reports the deadlock")

var muA, muB sync.Mutex

func transfer(first, second *sync.Mutex, bothLocked *sync.WaitGroup) {
	first.Lock()
	bothLocked.Done()
	bothLocked.Wait()
	second.Lock() // planted: 2 goroutines (line 22)
	second.Unlock()
	first.Unlock()
}

func waitAll(wg *sync.WaitGroup) {
	wg.Wait() // planted: 20 goroutines (line 28)
}

func main() {
	prefix := dumpkit.Prefix()
	var bothLocked sync.WaitGroup
	bothLocked.Add(2)
	pairs := [][2]*sync.Mutex{{&muA, &muB}, {&muB, &muA}}
	for _, p := range pairs {
		go transfer(p[0], p[1], &bothLocked) // line 37
	}
	var pending sync.WaitGroup
	pending.Add(1)
	for i := 0; i < 20; i++ {
		go waitAll(&pending) // line 42
	}
	dumpkit.WaitBlocked("main.transfer", 2)
	dumpkit.WaitBlocked("main.waitAll", 20)
	if *fatal {
		pending.Wait()
	}
	dumpkit.WriteDumps(prefix)
}
