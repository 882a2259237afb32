// hangul: a Korean team's order service, its identifiers and its file named in hangul
// (주문.go: "order"). A handler (주문처리, "process order") starts one waiter per order
// (은행응답대기, "wait for the bank's reply") on a channel nobody answers: 24 goroutines
// stay blocked in chan receive. Writes PREFIX.goroutine-{1,2}.txt, whose frames name the
// functions and the file in hangul: the window must draw them as glyphs, not boxes.
package main

import "dumps/internal/dumpkit"

const 주문수 = 24 // number of orders

func 은행응답대기(응답 <-chan string) string {
	return <-응답 // planted: 24 goroutines block here (line 13)
}

//go:noinline
func 주문처리(n int) int {
	응답 := make(chan string)
	for i := 0; i < n; i++ {
		go 은행응답대기(응답) // created here (line 20)
	}
	return n
}

func main() {
	prefix := dumpkit.Prefix()
	주문처리(주문수)
	dumpkit.WaitBlocked("main.은행응답대기", 주문수)
	dumpkit.WriteDumps(prefix)
}
