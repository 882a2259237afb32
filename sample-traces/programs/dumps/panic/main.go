// panic: 100 workers leak blocked in "chan send", then main panics with an index out
// of range, recovers and panics again ("[recovered]"). Run with GOTRACEBACK=all so the
// traceback on stderr shows every goroutine.
package main

import (
	"fmt"
	"os"

	"dumps/internal/dumpkit"
)

type config struct {
	name    string
	retries int
}

func worker(results chan<- int, v int) {
	results <- v * 2 // planted: 100 goroutines (line 19)
}

//go:noinline
func spawn(n int) chan int {
	results := make(chan int)
	for i := 0; i < n; i++ {
		go worker(results, i) // line 26
	}
	return results
}

//go:noinline
func parse(c *config, raw []string) int {
	defer func() {
		if r := recover(); r != nil {
			panic(r)
		}
	}()
	return len(raw[c.retries])
}

func main() {
	dumpkit.Prefix()
	spawn(100)
	dumpkit.WaitBlocked("main.worker", 100)
	fmt.Fprintln(os.Stderr, "2024/05/01 12:00:00 starting parse")
	parse(&config{name: "x", retries: 5}, []string{"a"})
}
