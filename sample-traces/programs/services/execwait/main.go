// execwait: a service that runs a notification hook (a shell command) for each event and
// keeps the hook's output for its log, as deploy tools and CI agents do. Each hook runs
// in a goroutine of its own through exec.Cmd.Run with Stdout set to a bytes.Buffer, so
// os/exec copies the output through a pipe in a goroutine of its own too.
//
// By default the hook hangs (it never exits): 12 dispatchers wait in Cmd.Wait, blocked in
// the kernel (waitid) for a child that does not exit, each holding an OS thread, and 12
// of os/exec's goroutines wait for the end of the hooks' output.
//
// With -background the hook starts a daemon in the background and exits at once; the
// daemon inherits the hook's stdout, so the pipe stays open: Cmd.Wait has reaped the hook
// but waits for the output copy, which waits for the daemon (Go issue 23019).
//
// With -waitdelay the same background hook runs with Cmd.WaitDelay set: 50 ms after the
// hook exits Wait closes the pipe and returns exec.ErrWaitDelay, and nothing stays.
//
// Writes PREFIX.trace and the debug=1, profile and debug=2 goroutine dumps of the moment
// it stops (capture.StartAll). The hooks' processes (sleep 5) end by themselves.
package main

import (
	"bytes"
	"flag"
	"os/exec"
	"time"

	"services/internal/capture"
)

const events = 12

var (
	background = flag.Bool("background", false, "the hook leaves a daemon running with its stdout")
	waitDelay  = flag.Bool("waitdelay", false, "with -background: set Cmd.WaitDelay (Go 1.20+)")
)

// notify runs the hook for one event and keeps what it printed.
func notify(event int, log chan<- string) {
	script := "sleep 5" // a hook that hangs
	if *background {
		script = "sleep 5 & echo started"
	}
	var out bytes.Buffer
	cmd := exec.Command("sh", "-c", script)
	cmd.Stdout = &out
	if *waitDelay {
		setWaitDelay(cmd, 50*time.Millisecond)
	}
	_ = cmd.Run() // EXPECT: blocked
	select {
	case log <- out.String():
	default:
	}
}

func main() {
	stop := capture.StartAll("execwait")
	log := make(chan string, events)
	for i := 0; i < events; i++ {
		go notify(i, log) // EXPECT: created
		time.Sleep(40 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	stop()
}
