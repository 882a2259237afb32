// stalemate: a batch job that deadlocks where the runtime cannot say so. Eight workers
// send their results on an unbuffered channel that main reads only after wg.Wait()
// returns (the classic fan-in mistake): the workers wait in chan send, main in
// WaitGroup.Wait, nothing else runs. The job's context has a one-hour deadline, and that
// live timer keeps the runtime from declaring "all goroutines are asleep" (a -race build
// never declares it either, timer or not). A helper prints "ready" once all nine wait
// and exits; the generator then sends SIGQUIT. Its healthy twin is ../idlepool.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"dumps/internal/dumpkit"
)

func work(ctx context.Context, id int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	if ctx.Err() != nil {
		return
	}
	results <- id * id // planted: 8 goroutines (line 24)
}

func main() {
	dumpkit.Prefix()
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go work(ctx, i, results, &wg) // line 35
	}
	go func() {
		dumpkit.WaitBlocked("main.work", 8)
		dumpkit.WaitBlocked("main.main", 1)
		fmt.Println("ready")
	}()
	wg.Wait() // planted: main (line 42)
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println(sum)
}
