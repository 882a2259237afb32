// oom: a service that runs out of memory. Eight request handlers wait for a reply that
// never comes, each holding its 1 MiB request body, while a cache goroutine keeps every
// 64 MiB block it loads. Run under a limit on the address space (generate-dumps.sh: ulimit -v),
// an allocation fails and the runtime stops the program with "fatal error: out of memory",
// printing what it held ("runtime: out of memory: cannot allocate N-byte block (M in use)")
// and every goroutine's stack, the one that failed first.
package main

import (
	"dumps/internal/dumpkit"
)

var replies = make(chan []byte)

var blocks [][]byte

// handle holds its request body until a reply comes: none ever does.
func handle(body []byte) {
	reply := <-replies // OOM: handlers wait here
	body[0] = reply[0]
}

// load caches every block it reads and never lets one go.
func load() {
	for {
		blocks = append(blocks, make([]byte, 64<<20)) // OOM: the allocation that fails
		for i := 0; i < len(blocks[len(blocks)-1]); i += 4096 {
			blocks[len(blocks)-1][i] = 1 // touch every page, as a real load would
		}
	}
}

func main() {
	dumpkit.Prefix()
	for i := 0; i < 8; i++ {
		go handle(make([]byte, 1<<20)) // OOM: handlers created
	}
	dumpkit.WaitBlocked("main.handle", 8)
	go load() // OOM: cache created
	select {}
}
