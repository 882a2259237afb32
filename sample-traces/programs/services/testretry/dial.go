// Package testretry dials a service that never answers, with a retry back-off: its suite,
// run by `go test -timeout 2s -trace`, is a healthy suite cut by the timeout in the middle
// of a test that sleeps between attempts. Thirty tests wait in t.Parallel for the serial
// ones to finish, as a big suite's do.
package testretry

import (
	"errors"
	"time"
)

// errDown is what every attempt gets: nothing listens.
var errDown = errors.New("connection refused")

// attempt tries once; the service is down for good.
func attempt() error { return errDown }

// DialWithRetry tries until it succeeds or `deadline` passes, sleeping `backoff` between
// attempts.
func DialWithRetry(deadline time.Time, backoff time.Duration) error {
	for {
		err := attempt()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(backoff) // EXPECT: sleeps
	}
}
