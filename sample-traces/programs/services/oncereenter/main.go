// oncereenter: a template registry that parses its templates once, on first use, in a
// sync.Once. One template includes another, and resolving the include looks it up through
// the registry, whose Lookup calls the same Once's Do again from inside the function that
// Do runs. The Once's mutex is held until that function returns: the first request waits
// for itself, forever, and every later Lookup queues behind it at the same Do.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"strings"
	"sync"
	"time"

	"services/internal/capture"
)

const requests = 12

type registry struct {
	once      sync.Once
	sources   map[string]string
	templates map[string]string
}

// Lookup parses every template on first use.
func (r *registry) Lookup(name string) string {
	r.once.Do(r.parseAll) // EXPECT: do
	return r.templates[name]
}

// parseAll expands each template's "{{include X}}" through Lookup: the bug.
func (r *registry) parseAll() {
	r.templates = map[string]string{}
	for name, src := range r.sources {
		if i := strings.Index(src, "{{include "); i >= 0 {
			inc := strings.TrimSuffix(src[i+len("{{include "):], "}}")
			src = src[:i] + r.Lookup(inc) // EXPECT: reenters
		}
		r.templates[name] = src
	}
}

func render(r *registry, name string, out chan<- string) {
	out <- r.Lookup(name)
}

func main() {
	stop := capture.Start("oncereenter")
	r := &registry{sources: map[string]string{
		"page":   "<html>{{include header}}",
		"header": "<h1>title</h1>",
	}}
	out := make(chan string, requests)
	for i := 0; i < requests; i++ {
		go render(r, "page", out) // EXPECT: created
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	stop()
}
