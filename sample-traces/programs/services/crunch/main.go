// crunch: a render job's two workers compute without ever blocking: one iterates the
// Mandelbrot set over a tile, the other hashes a buffer with FNV-1a, for 400 ms, while main
// sleeps. Nothing waits for anything: CPU-bound work, not a spin. A trace shows them running
// or runnable all the time, like a busy wait, and no poll (no atomic, no select, no yield)
// where the scheduler took the CPU from them: the finding must say a loop that computes
// looks so.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"time"

	"services/internal/capture"
)

var sinks [2]uint64

// mandel counts the iterations of every point of a tile, again and again until stop.
func mandel(stop time.Time) {
	var n uint64
	for time.Now().Before(stop) {
		for py := 0; py < 64; py++ {
			for px := 0; px < 64; px++ {
				cx, cy := -2+float64(px)/32, -1+float64(py)/32
				x, y := 0.0, 0.0
				for i := 0; i < 256 && x*x+y*y < 4; i++ { // EXPECT: mandel loop
					x, y = x*x-y*y+cx, 2*x*y+cy
				}
				n++
			}
		}
	}
	sinks[0] = n
}

// fnv hashes a 1 MiB buffer over and over until stop.
func fnv(stop time.Time) {
	buf := make([]byte, 1<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	h := uint64(14695981039346656037)
	for time.Now().Before(stop) {
		for _, b := range buf {
			h = (h ^ uint64(b)) * 1099511628211 // EXPECT: fnv loop
		}
	}
	sinks[1] = h
}

func main() {
	stop := capture.Start("crunch")
	end := time.Now().Add(600 * time.Millisecond)
	go mandel(end) // EXPECT: mandel created
	go fnv(end)    // EXPECT: fnv created
	time.Sleep(400 * time.Millisecond)
	stop()
}
