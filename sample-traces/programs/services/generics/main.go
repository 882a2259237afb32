// generics: a generic fan-out, Scatter[T], starts a sender per item and reads only the
// first answer: the others leak, blocked in "chan send". It runs for ints and for strings,
// 21 items each: 40 senders leak, 20 of each instantiation. A traceback prints the function
// as main.Scatter[...].func1; a goroutine profile (protobuf) names each instantiation,
// main.Scatter[go.shape.int].func1 and main.Scatter[go.shape.string].func1. Compared, they
// are one group of 40.
//
// Writes PREFIX.trace, PREFIX.goroutine-1.txt, PREFIX.goroutine.pb.gz and
// PREFIX.goroutine-2.txt of one moment.
package main

import (
	"time"

	"services/internal/capture"
)

// Scatter hands each item to a goroutine of its own and returns the first answer.
func Scatter[T any](items []T) T {
	out := make(chan T)
	for _, it := range items {
		it := it // the module is go 1.19: one variable per loop before 1.22
		go func() { // EXPECT: created
			out <- it // EXPECT: blocked
		}()
	}
	return <-out
}

func main() {
	stop := capture.StartAll("generics")
	ints, strs := make([]int, 21), make([]string, 21)
	for i := range ints {
		ints[i], strs[i] = i, string(rune('a'+i))
	}
	_ = Scatter(ints)
	_ = Scatter(strs)
	time.Sleep(100 * time.Millisecond)
	stop()
}
