// Package testchild runs a worker as a child process, as net's tests run a copy of their
// own test binary: the child hangs, the test's context sends it SIGQUIT (its traceback goes
// to the test's stderr), and the test itself then waits past go test's -timeout, whose panic
// prints the test binary's traceback after the child's. One stderr, two processes.
package testchild

// Serve waits for a job that never comes: the child's hang.
func Serve(jobs <-chan int) int {
	return <-jobs // EXPECT: child waits
}
