// childwait: a job runner that starts a child process per job with its stdout piped and
// waits for it without ever reading the pipe (StdoutPipe, then Wait). The child fills the
// pipe and blocks writing; Wait never returns: each job leaves a goroutine in a system call
// (waitid) and a child process. 12 jobs, one every 100 ms. With -fixed the runner reads the
// output to the end before Wait: every job ends. With -supervise it is a healthy supervisor
// instead: 12 long-lived children started at once, each waited for by its goroutine.
//
// Writes PREFIX.trace and the debug=1 and debug=2 goroutine dumps of the moment it stops;
// with -late, also PREFIX.late.goroutine-2.txt after a GC and 61 s (the runtime then prints
// the minutes spent in the call).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"
	"time"
)

const jobs = 12

var (
	fixed     = flag.Bool("fixed", false, "read each child's output before waiting for it")
	supervise = flag.Bool("supervise", false, "keep 12 long-lived children, started at once")
)

func keep() {
	cmd := exec.Command(os.Args[0], "-sleep")
	check(cmd.Start())
	_ = cmd.Wait() // waits as long as the child lives: by design
}

func job() {
	cmd := exec.Command(os.Args[0], "-child")
	out, err := cmd.StdoutPipe()
	check(err)
	check(cmd.Start())
	if *fixed {
		_, _ = io.Copy(io.Discard, out)
	}
	_ = cmd.Wait() // EXPECT: blocked
}

func main() {
	prefix := flag.String("out", "childwait", "prefix of the files written")
	child := flag.Bool("child", false, "be the child: write 1 MiB to stdout")
	sleep := flag.Bool("sleep", false, "be a long-lived child: sleep 3 s")
	late := flag.Bool("late", false, "also dump the goroutines 61 s later")
	flag.Parse()
	if *child {
		os.Stdout.WriteString(strings.Repeat("x", 1<<20))
		return
	}
	if *sleep {
		time.Sleep(3 * time.Second)
		return
	}
	f, err := os.Create(*prefix + ".trace")
	check(err)
	check(trace.Start(f))
	for i := 0; i < jobs; i++ {
		if *supervise {
			go keep()
			continue
		}
		go job() // EXPECT: created
		time.Sleep(100 * time.Millisecond)
	}
	if *supervise {
		time.Sleep(1200 * time.Millisecond)
	}
	time.Sleep(600 * time.Millisecond)
	dump(*prefix+".goroutine-1.txt", 1)
	dump(*prefix+".goroutine-2.txt", 2)
	trace.Stop()
	check(f.Close())
	if *late {
		// The runtime stamps a goroutine's wait with the start of the first GC that finds
		// it parked or in a system call (markroot sets waitsince); a program that does not
		// allocate would print no minutes at all before sysmon's forced GC (2 minutes).
		runtime.GC()
		time.Sleep(61 * time.Second)
		dump(*prefix+".late.goroutine-2.txt", 2)
	}
}

func dump(name string, debug int) {
	d, err := os.Create(name)
	check(err)
	check(pprof.Lookup("goroutine").WriteTo(d, debug))
	check(d.Close())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
