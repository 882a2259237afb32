// dnshang: a service that resolves the host of each upstream call through its own
// net.Resolver (PreferGo, Dial pointed at the cluster's DNS server), and that DNS server has
// stopped answering (here: a UDP socket of the same process that reads nothing). Each
// lookup sends its A and AAAA queries in goroutines of their own and waits for them; each
// query waits for an answer until resolv.conf's timeout (5 s by default), then tries again
// (attempts, 2). 12 lookups, one every 25 ms: 12 callers and 24 queries waiting at the end.
//
// Writes PREFIX.trace and the debug=1, profile and debug=2 goroutine dumps of the moment
// it stops (capture.StartAll).
package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"services/internal/capture"
)

const lookups = 12

// resolve looks up an upstream's addresses, as a dialer would before connecting.
func resolve(r *net.Resolver, host string) ([]string, error) {
	return r.LookupHost(context.Background(), host) // EXPECT: blocked
}

func main() {
	dns, err := net.ListenPacket("udp", "127.0.0.1:0")
	capture.Check(err)
	server := dns.LocalAddr().String()
	r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", server)
	}}
	stop := capture.StartAll("dnshang")
	for i := 0; i < lookups; i++ {
		go resolve(r, fmt.Sprintf("orders-%d.svc.cluster.local", i)) // EXPECT: created
		time.Sleep(25 * time.Millisecond)
	}
	time.Sleep(250 * time.Millisecond)
	stop()
}
