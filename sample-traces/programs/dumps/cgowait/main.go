// cgowait: request handlers stuck inside a C library's blocking call. Four goroutines call
// sdk_wait_reply through cgo, which waits on a pthread condition the library's event thread
// never signals (the reply was lost); Go sees them in a system call, for good. Main then
// traces 300 ms and writes the goroutine dumps (debug=1 and debug=2). Needs cgo (a C
// compiler) to build.
package main

/*
#cgo LDFLAGS: -lpthread
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t replied = PTHREAD_COND_INITIALIZER;

// Waits for a reply the event thread never signals.
static void sdk_wait_reply(void) {
	pthread_mutex_lock(&mu);
	pthread_cond_wait(&replied, &mu);
	pthread_mutex_unlock(&mu);
}
*/
import "C"

import (
	"os"
	"runtime/trace"
	"time"

	"dumps/internal/dumpkit"
)

func handle() {
	C.sdk_wait_reply() // 4 goroutines stuck in C (line 33)
}

func main() {
	prefix := dumpkit.Prefix()
	for i := 0; i < 4; i++ {
		go handle() // line 39
	}
	dumpkit.WaitBlocked("main.handle", 4)
	f, err := os.Create(prefix + ".trace")
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	time.Sleep(300 * time.Millisecond)
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
	dumpkit.WriteDumps(prefix)
}
