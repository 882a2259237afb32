// flockwait: jobs that take an exclusive flock(2) on a shared state file before they write it,
// while another holder keeps the lock (here a descriptor of the same process, as a stuck
// backup job or a second instance would). flock blocks in the kernel: each waiting job is a
// goroutine in a system call, and each holds an OS thread of its own, so the program's
// threads climb with its jobs (the runtime stops at 10,000 threads). 24 jobs wait.
//
// With -nolock the holder never takes the lock: every job locks, writes and unlocks at once.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture), and
// PREFIX.threads.txt: the process's thread count from /proc before the jobs and at the dump.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"services/internal/capture"
)

const jobs = 24

var nolock = flag.Bool("nolock", false, "the holder never takes the lock")

// save writes one job's state under the file lock.
func save(path string, job int) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	capture.Check(err)
	defer f.Close()
	capture.Check(syscall.Flock(int(f.Fd()), syscall.LOCK_EX)) // EXPECT: blocked
	defer syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	_, err = fmt.Fprintf(f, "job %d\n", job)
	capture.Check(err)
}

func threads() string {
	status, err := os.ReadFile("/proc/self/status")
	capture.Check(err)
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "Threads:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "Threads:"))
		}
	}
	return "?"
}

func main() {
	prefix := capture.Prefix("flockwait")
	stop := capture.Trace(prefix)
	dir, err := os.MkdirTemp("", "flockwait")
	capture.Check(err)
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "state")
	holder, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	capture.Check(err)
	if !*nolock {
		capture.Check(syscall.Flock(int(holder.Fd()), syscall.LOCK_EX))
	}
	before := threads()
	for i := 0; i < jobs; i++ {
		go save(path, i) // EXPECT: created
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	at := threads()
	capture.Check(os.WriteFile(prefix+".threads.txt",
		[]byte(fmt.Sprintf("before %s\nat_dump %s\n", before, at)), 0o644))
	stop()
}
