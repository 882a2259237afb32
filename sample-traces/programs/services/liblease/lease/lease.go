// Package lease is a library-like client: Watch starts a goroutine that delivers a key's
// changes on an unbuffered channel, and offers no way to stop it. A caller that reads one
// event and drops the channel leaves the watcher blocked sending the next.
package lease

import "time"

// Client watches keys.
type Client struct{}

// Watch returns the changes of key, starting a watcher goroutine.
func (c *Client) Watch(key string) <-chan string {
	ch := make(chan string)
	go c.watch(key, ch) // EXPECT: created
	return ch
}

func (c *Client) watch(key string, ch chan<- string) {
	for {
		ch <- key // EXPECT: blocked
		time.Sleep(time.Millisecond)
	}
}
