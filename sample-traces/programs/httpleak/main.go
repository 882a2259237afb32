// httpleak: an HTTP server whose handler never returns (it waits on a channel
// and ignores the request context). 50 client requests time out and go away;
// the 50 server goroutines stay blocked in "chan receive" inside main.slowHandler.
// The execution trace is captured the way one would in production: by fetching
// /debug/pprof/trace?seconds=2 from the server itself (net/http/pprof).
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"sync"
	"time"

	"samples/internal/sample"
)

// EXPECT: program

const requests = 50

var hang = make(chan struct{}) // nobody ever closes or sends on it

func slowHandler(w http.ResponseWriter, r *http.Request) {
	<-hang // EXPECT: block group=handlers count=50 reason="chan receive" created_function=net/http.(*Server).Serve created_file=net/http/server.go created_source="go c.serve(connCtx)"
	fmt.Fprintln(w, "done")
}

func main() {
	prefix := sample.Prefix()
	http.HandleFunc("/hang", slowHandler)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	base := "http://" + ln.Addr().String()
	go http.Serve(ln, nil)

	// Capture the execution trace through the pprof endpoint, in the background.
	traceDone := make(chan error, 1)
	go func() {
		resp, err := http.Get(base + "/debug/pprof/trace?seconds=2")
		if err != nil {
			traceDone <- err
			return
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			traceDone <- fmt.Errorf("trace endpoint: %s", resp.Status)
			return
		}
		f, err := os.Create(prefix + ".trace")
		if err != nil {
			traceDone <- err
			return
		}
		_, err = io.Copy(f, resp.Body)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		traceDone <- err
	}()
	// Wait until the pprof handler is tracing (it then sleeps for 2 s).
	sample.WaitBlocked("net/http/pprof.Trace", 1)

	// 50 clients call /hang and give up after 300 ms.
	client := &http.Client{Timeout: 300 * time.Millisecond}
	var wg sync.WaitGroup
	for i := 0; i < requests; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := client.Get(base + "/hang")
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	sample.WaitBlocked("main.slowHandler", requests)

	check(<-traceDone)
	http.DefaultClient.CloseIdleConnections()
	sample.WriteProfiles(prefix)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
