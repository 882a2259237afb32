package testchild

import (
	"context"
	"net"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// TestMain runs the worker instead of the tests when started as the child.
func TestMain(m *testing.M) {
	if os.Getenv("TESTCHILD_WORKER") == "1" {
		go heartbeat()
		Serve(make(chan int))
		return
	}
	os.Exit(m.Run())
}

// heartbeat keeps the child alive as a service's background loop does (else the runtime
// would end it: all goroutines asleep).
func heartbeat() {
	for {
		time.Sleep(100 * time.Millisecond)
	}
}

// TestWorker runs testWorker in each mode, in parallel, as net/http's tests run theirs
// (`run(t, testX)`): TestWorker returns and waits for its subtests in the testing package,
// the subtest's goroutine runs testWorker, and no frame of either says TestWorker.
func TestWorker(t *testing.T) { run(t, testWorker) }

func run(t *testing.T, f func(*testing.T, string)) {
	for _, mode := range []string{"pipe"} {
		mode := mode
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			f(t, mode)
		})
	}
}

// testWorker starts the child, sends it SIGQUIT after 500 ms (as internal/testenv does
// near a test's deadline), then waits for a reply that never comes.
func testWorker(t *testing.T, mode string) {
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TESTCHILD_WORKER=1", "TESTCHILD_MODE="+mode)
	cmd.Stderr = os.Stderr
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGQUIT) }
	_ = cmd.Run()
	// Then it asks a server that never answers: the test reads from its own
	// connection, as net/http's TestTLSHandshakeTimeout reads from a raw dial.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close() // never accepted: the kernel completes the dial, nobody answers
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Read(make([]byte, 1)) // EXPECT: test waits
}
