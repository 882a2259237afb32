// inlined: one program built twice, by default and with -gcflags=all=-l (no inlining, as
// a debugger's build is). A closure starts 12 goroutines from a closure inside it, and each
// waits for a mutex main holds. The compiler names a closure by where it ends up, so the two
// builds print the waiters under two names (Go 1.27.3: main.main.func1.func1.1 by default,
// main.main.func1.1.1 with -l); same lines, same `go` statement, the same 12 goroutines.
// Writes PREFIX.goroutine-{1,2}.txt.
package main

import (
	"sync"

	"dumps/internal/dumpkit"
)

func main() {
	prefix := dumpkit.Prefix()
	var mu sync.Mutex
	mu.Lock()
	spawn := func(n int) {
		run := func() {
			for i := 0; i < n; i++ {
				go func() { // created here (line 22)
					mu.Lock() // planted: 12 goroutines block here (line 23)
				}()
			}
		}
		run()
	}
	spawn(12)
	dumpkit.WaitBlocked("sync.(*Mutex).Lock", 12) // the closures have each build's own names
	dumpkit.WriteDumps(prefix)
}
