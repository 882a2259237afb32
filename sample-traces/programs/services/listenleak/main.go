// listenleak: a health checker that, for each check, starts a stub of its upstream with
// httptest.NewServer, asks it once (without keep-alive) and forgets srv.Close, as a test
// helper or a "self-check" endpoint might. Each check leaves a listener, its descriptor
// and its accept loop (net/http.(*Server).Serve, waiting in Accept) behind: 12 checks, one
// every 30 ms, 12 accept loops at the end.
//
// With -close every check closes its server: no accept loop stays.
//
// Writes PREFIX.trace and the debug=1, profile and debug=2 goroutine dumps of the moment
// it stops (capture.StartAll).
package main

import (
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"time"

	"services/internal/capture"
)

const checks = 12

var closeEach = flag.Bool("close", false, "close each stub server after its check")

// check runs one health check against a fresh stub of the upstream.
func check() error {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // EXPECT: called
		io.WriteString(w, "ok")
	}))
	if *closeEach {
		defer srv.Close()
	}
	req, err := http.NewRequest("GET", srv.URL+"/healthz", nil)
	if err != nil {
		return err
	}
	req.Close = true // no keep-alive: the check's connection ends with it
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return err
}

func main() {
	stop := capture.StartAll("listenleak")
	for i := 0; i < checks; i++ {
		capture.Check(check())
		time.Sleep(30 * time.Millisecond)
	}
	time.Sleep(150 * time.Millisecond)
	stop()
}
