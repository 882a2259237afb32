// Package testleak asks replicas in parallel and keeps the first answer; the others stay
// blocked sending forever. Its tests pass, and leave those goroutines behind
// (generate-services.sh traces them with `go test -trace`).
package testleak

// First asks each replica and keeps the first answer.
func First(replicas []func() int) int {
	ch := make(chan int)
	for _, r := range replicas {
		go func(r func() int) { // EXPECT: created
			ch <- r() // EXPECT: blocked
		}(r)
	}
	return <-ch
}
