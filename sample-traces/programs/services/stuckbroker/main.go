// stuckbroker: an event hub fans every event out to its subscribers over unbuffered
// channels, one at a time. The audit subscriber returns on the first event it cannot parse
// and stays subscribed: the hub blocks for good sending to it, and every producer then
// blocks on the hub's input channel. The crowd of producers is the symptom; the one hub
// goroutine, stuck in a send, is the cause. Go's dump says 20 goroutines `[chan send]` in
// (*hub).emit and one `[chan send]` in (*hub).loop; a dump this young makes neither a
// suspect by count or minutes alone.
//
// Writes PREFIX.trace and the debug=2 goroutine dump of the moment it stops (capture).
package main

import (
	"strconv"
	"strings"
	"time"

	"services/internal/capture"
)

const producers = 20

type event struct {
	kind string
	body string
}

type hub struct {
	in   chan event
	subs []chan event
}

func newHub() *hub { return &hub{in: make(chan event)} }

func (h *hub) subscribe() <-chan event {
	c := make(chan event)
	h.subs = append(h.subs, c)
	return c
}

func (h *hub) emit(e event) {
	h.in <- e // EXPECT: producers wait
}

func (h *hub) loop() {
	for e := range h.in {
		for _, c := range h.subs {
			c <- e // EXPECT: hub waits
		}
	}
}

func audit(c <-chan event) {
	for e := range c {
		if _, err := strconv.Atoi(strings.TrimPrefix(e.body, "n=")); err != nil {
			return // stops reading, still subscribed
		}
	}
}

func count(c <-chan event, n *int) {
	for range c {
		*n++
	}
}

func produce(h *hub, id int) {
	for i := 0; ; i++ {
		body := "n=" + strconv.Itoa(i)
		if id == 7 && i == 3 {
			body = "n=?"
		}
		h.emit(event{kind: "order", body: body})
		time.Sleep(time.Millisecond)
	}
}

func main() {
	stop := capture.Start("stuckbroker")
	h := newHub()
	var seen int
	go count(h.subscribe(), &seen)
	go audit(h.subscribe())
	go h.loop() // EXPECT: hub created
	for i := 0; i < producers; i++ {
		go produce(h, i) // EXPECT: producers created
	}
	time.Sleep(400 * time.Millisecond)
	stop()
}
