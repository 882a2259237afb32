// sigquit: 60 request handlers wait on a mutex that main never unlocks, one goroutine
// sits locked to its thread in an empty select; then the program prints "ready" and
// sleeps until it is killed with SIGQUIT (the traceback goes to stderr).
package main

import (
	"fmt"
	"log"
	"runtime"
	"sync"
	"time"

	"dumps/internal/dumpkit"
)

func handle(mu *sync.Mutex, id int) {
	mu.Lock() // planted: 60 goroutines (line 17)
	defer mu.Unlock()
	log.Printf("request %d", id)
}

func pinned() {
	runtime.LockOSThread()
	select {}
}

func main() {
	dumpkit.Prefix()
	var mu sync.Mutex
	mu.Lock()
	for i := 0; i < 60; i++ {
		go handle(&mu, i) // line 32
	}
	go pinned()
	dumpkit.WaitBlocked("main.handle", 60)
	log.Printf("serving")
	fmt.Println("ready")
	time.Sleep(time.Hour)
}
