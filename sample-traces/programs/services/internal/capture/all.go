package capture

import (
	"flag"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

var late = flag.Bool("late", false, "with StartAll: also write PREFIX.late.goroutine-2.txt 61 s after the trace")

// StartAll is Start that also writes, just before the debug=2 dump, the debug=1 dump
// (PREFIX.goroutine-1.txt) and the goroutine profile (PREFIX.goroutine.pb.gz) of the same
// moment: the three forms a user may hold of one program. With -late it then waits 61 s
// and writes a debug=2 dump whose waits say "1 minutes", as a long-running service's do:
// GCs right after the trace stamp each wait (the runtime counts minutes from the first GC
// that finds a goroutine waiting, and a process's first GC stamps nothing: the time it
// stamps is set when a GC ends), so the minutes do not depend on when GC ran.
func StartAll(name string) (stop func()) {
	prefix := Prefix(name)
	stopTrace := Trace(prefix)
	return func() {
		for _, f := range []struct {
			name  string
			debug int
		}{{".goroutine-1.txt", 1}, {".goroutine.pb.gz", 0}} {
			write(prefix+f.name, f.debug)
		}
		stopTrace()
		if *late {
			runtime.GC()
			runtime.GC()
			time.Sleep(61 * time.Second)
			write(prefix+".late.goroutine-2.txt", 2)
		}
	}
}

func write(path string, debug int) {
	d, err := os.Create(path)
	Check(err)
	Check(pprof.Lookup("goroutine").WriteTo(d, debug))
	Check(d.Close())
}
