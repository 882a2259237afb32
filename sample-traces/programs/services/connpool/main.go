// connpool: a database client keeps 3 connections in a buffered channel; each query takes
// one (Get) and gives it back (Put), but the error path returns before Put. Every fourth
// query fails, so after three failures the pool is empty and all 6 request workers wait in
// Get for good. Before that, the workers took connections from Get again and again, each
// handed back by another worker: the trace shows a pool fed by its own members, not by a
// dispatcher, and exhausted, not at rest. With -fixed, the error path gives the connection
// back too (defer Put): the workers keep querying, nothing waits for good.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"errors"
	"flag"
	"time"

	"services/internal/capture"
)

const (
	conns   = 3
	workers = 6
)

var fixed = flag.Bool("fixed", false, "give the connection back on the error path too")

type conn struct{ id int }

func (c *conn) exec(q int) error {
	time.Sleep(2 * time.Millisecond)
	if q%4 == 3 {
		return errors.New("deadlock detected, transaction rolled back")
	}
	return nil
}

type pool struct{ free chan *conn }

func newPool(n int) *pool {
	p := &pool{free: make(chan *conn, n)}
	for i := 0; i < n; i++ {
		p.free <- &conn{i}
	}
	return p
}

func (p *pool) Get() *conn  { return <-p.free } // EXPECT: workers wait
func (p *pool) Put(c *conn) { p.free <- c }

func (p *pool) query(q int) error {
	c := p.Get()
	if *fixed {
		defer p.Put(c)
		return c.exec(q)
	}
	if err := c.exec(q); err != nil {
		return err // the bug: the connection is never given back
	}
	p.Put(c)
	return nil
}

func worker(p *pool, id int) {
	for i := 0; ; i++ {
		_ = p.query(id*100 + i)
		time.Sleep(5 * time.Millisecond)
	}
}

func main() {
	stop := capture.Start("connpool")
	p := newPool(conns)
	for w := 0; w < workers; w++ {
		go worker(p, w) // EXPECT: workers created
	}
	time.Sleep(500 * time.Millisecond)
	stop()
}
