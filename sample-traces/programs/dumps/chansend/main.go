// chansend (dump-only twin of ../../chansend, for Go 1.19+): a handler spawns senders
// on an unbuffered channel and returns without reading it: 1000 goroutines stay
// blocked in "chan send". Writes PREFIX.goroutine-{1,2}.txt.
package main

import "dumps/internal/dumpkit"

const senders = 1000

func sender(ch chan<- int, v int) {
	ch <- v // planted: 1000 goroutines block here (line 11)
}

//go:noinline
func handle(n int) int {
	ch := make(chan int)
	for i := 0; i < n; i++ {
		go sender(ch, i) // created here (line 18)
	}
	return n
}

func main() {
	prefix := dumpkit.Prefix()
	handle(senders)
	dumpkit.WaitBlocked("main.sender", senders)
	dumpkit.WriteDumps(prefix)
}
