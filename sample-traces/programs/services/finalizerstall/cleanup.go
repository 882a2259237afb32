//go:build go1.24

package main

import "runtime"

func addCleanup(h *handle, p *pool, slot int) {
	runtime.AddCleanup(h, p.giveBack, slot)
}
