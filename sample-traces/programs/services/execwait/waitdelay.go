//go:build go1.20

package main

import (
	"os/exec"
	"time"
)

// setWaitDelay bounds how long Wait waits for the output copy once the child has exited.
func setWaitDelay(cmd *exec.Cmd, d time.Duration) { cmd.WaitDelay = d }
