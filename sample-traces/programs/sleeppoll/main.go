// sleeppoll: each request starts a watcher goroutine that polls its job's done flag
// every 100 ms until the job is done. Three requests in four finish their job 10 ms
// later and set the flag, and their watchers end at their next poll. The
// fourth fails, and its error path returns without marking the job done (the bug), so
// its watcher polls for ever. No watcher ever waits long: each wakes every 100 ms and
// sleeps again, so none looks stuck, and more of them end than stay. But one more stays
// with every fourth request, and the goroutine count climbs: 100 of 400 at the end,
// the oldest as old as the run, while the ones that ended lived one poll.
package main

import (
	"sync/atomic"
	"time"

	"samples/internal/sample"
)

// EXPECT: program

const requests = 400

type job struct {
	done  atomic.Bool
	polls atomic.Int64
}

// watch polls the job until it is done.
func watch(j *job) {
	for !j.done.Load() {
		j.polls.Add(1)
		time.Sleep(100 * time.Millisecond) // EXPECT: block group=pollers count=100 count_min=98 reason="sleep" growing=true
	}
}

// work is the job itself (a call to another service); it marks the job done unless it
// failed.
func work(i int, j *job) {
	time.Sleep(10 * time.Millisecond)
	if i%4 == 3 {
		return // Bug: the error path forgets to mark the job done.
	}
	j.done.Store(true)
}

func handle(i int) {
	j := &job{}
	go watch(j) // EXPECT: go group=pollers
	go work(i, j)
}

func main() {
	run := sample.Start()
	for i := 0; i < requests; i++ {
		handle(i)
		time.Sleep(2500 * time.Microsecond)
	}
	// The last watchers of finished jobs see their flag within a poll.
	time.Sleep(250 * time.Millisecond)
	sample.WaitBlocked("main.watch", requests/4)
	run.Finish()
}
