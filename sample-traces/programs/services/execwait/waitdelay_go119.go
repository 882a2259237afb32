//go:build !go1.20

package main

import (
	"os/exec"
	"time"
)

// setWaitDelay: Cmd.WaitDelay arrived in Go 1.20; -waitdelay is run with 1.27 only.
func setWaitDelay(*exec.Cmd, time.Duration) { panic("-waitdelay needs Go 1.20") }
