// rpcserve: a healthy service's resident goroutines, with no leak: a net/rpc server on TCP
// (its accept loop, started at // EXPECT: rpc accept, and one ServeConn per client
// connection), two long-lived rpc clients (each with its input loop) that call at start
// and then stay connected and quiet, and a net/http server (accept loop at
// // EXPECT: http accept) whose keep-alive client calls every 100 ms, then rests.
//
// Writes PREFIX.trace, the debug=1 and debug=2 goroutine dumps and the goroutine profile of
// the moment it stops.
package main

import (
	"io"
	"net"
	"net/http"
	"net/rpc"
	"time"

	"services/internal/capture"
)

const rpcClients = 2

// Echo is the rpc service.
type Echo struct{}

// Say answers its argument.
func (Echo) Say(arg string, reply *string) error {
	*reply = arg
	return nil
}

func listen() net.Listener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	capture.Check(err)
	return ln
}

func main() {
	stop := capture.StartAll("rpcserve")
	srv := rpc.NewServer()
	capture.Check(srv.Register(Echo{}))
	rln := listen()
	go srv.Accept(rln) // EXPECT: rpc accept
	hln := listen()
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	go http.Serve(hln, mux) // EXPECT: http accept

	var clients []*rpc.Client
	for i := 0; i < rpcClients; i++ {
		c, err := rpc.Dial("tcp", rln.Addr().String())
		capture.Check(err)
		clients = append(clients, c)
	}
	for i := 0; i < 3; i++ {
		for _, c := range clients {
			var reply string
			capture.Check(c.Call("Echo.Say", "hello", &reply))
		}
		time.Sleep(20 * time.Millisecond)
	}
	url := "http://" + hln.Addr().String() + "/"
	for i := 0; i < 6; i++ {
		resp, err := http.Get(url)
		capture.Check(err)
		_, err = io.Copy(io.Discard, resp.Body)
		capture.Check(err)
		resp.Body.Close()
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	stop()
}
