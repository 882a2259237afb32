// overflow: a service that walks a chain of configs up to its root, after a reload that
// made a config its own parent. The walk recurses until its goroutine's stack passes the
// runtime's limit (1 GB on 64-bit) and the runtime stops the program with "fatal error:
// stack overflow". Go prints the crashing goroutine first: its innermost and outermost
// frames with "...N frames elided..." (Go 1.21+; "...additional frames elided..." before)
// between, all calls of the same line.
package main

import (
	"fmt"

	"dumps/internal/dumpkit"
)

type config struct {
	name   string
	parent *config
}

// depth counts the configs from c up to the root.
func depth(c *config) int { // CRASH: overflow
	if c.parent == nil {
		return 1
	}
	return 1 + depth(c.parent) // CRASH: recursion
}

func main() {
	dumpkit.Prefix()
	root := &config{name: "root"}
	root.parent = root // the reload's mistake: a cycle
	done := make(chan int)
	go func() { // CRASH: created
		done <- depth(root)
	}()
	fmt.Println(<-done)
}
