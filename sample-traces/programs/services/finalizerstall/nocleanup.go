//go:build !go1.24

package main

func addCleanup(h *handle, p *pool, slot int) {
	panic("runtime.AddCleanup needs Go 1.24")
}
