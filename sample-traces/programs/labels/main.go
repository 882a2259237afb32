// labels: a CPU profile and a goroutine profile whose samples carry pprof labels, set with
// runtime/pprof.Do, for the label views (go tool pprof -tags, -tagfocus, -tagignore,
// -tagroot, -tagleaf). Three handlers burn CPU in different shares (checkout about half,
// search a third, 报表 the rest) for two tenants; a handler's goroutines inherit its labels,
// and 6 of them (4 checkout, 2 search) stay parked on a channel until the goroutine profile
// is written. The last handler's value is Chinese so labels come back in another script.
//
//	labels -out PREFIX   writes PREFIX.cpu.pb.gz and PREFIX.goroutine.pb.gz
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

// EXPECT: program summary="labels: CPU and goroutine profiles with pprof labels (handler, tenant) for the label views (no trace)"

//go:noinline
func burn(d time.Duration) uint64 {
	var h uint64 = 14695981039346656037
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := 0; i < 5000; i++ {
			h ^= uint64(i)
			h *= 1099511628211
		}
	}
	return h
}

//go:noinline
func checkout(d time.Duration) uint64 { return burn(d) }

//go:noinline
func search(d time.Duration) uint64 { return burn(d) }

//go:noinline
func report(d time.Duration) uint64 { return burn(d) }

// park waits until release is closed: the goroutine profile's labelled goroutines.
//
//go:noinline
func park(release <-chan struct{}, wg *sync.WaitGroup) {
	wg.Done()
	<-release
}

var sink uint64

func main() {
	out := flag.String("out", "labels", "output prefix")
	flag.Parse()
	ctx := context.Background()
	release := make(chan struct{})
	var parked sync.WaitGroup
	handlers := []struct {
		name   string
		work   func(time.Duration) uint64
		share  time.Duration
		parked int
	}{
		{"checkout", checkout, 50 * time.Millisecond, 4},
		{"search", search, 30 * time.Millisecond, 2},
		{"报表", report, 20 * time.Millisecond, 0},
	}

	f, err := os.Create(*out + ".cpu.pb.gz")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for round := 0; round < 6; round++ {
		for _, tenant := range []string{"acme", "globex"} {
			for _, h := range handlers {
				pprof.Do(ctx, pprof.Labels("handler", h.name, "tenant", tenant), func(context.Context) {
					sink += h.work(h.share)
					if round == 0 && tenant == "acme" {
						for i := 0; i < h.parked; i++ {
							parked.Add(1)
							go park(release, &parked)
						}
					}
				})
			}
		}
	}
	pprof.StopCPUProfile()
	f.Close()

	parked.Wait()
	g, err := os.Create(*out + ".goroutine.pb.gz")
	if err == nil {
		err = pprof.Lookup("goroutine").WriteTo(g, 0)
		if cerr := g.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	close(release)
}
