//! HTTP client connections kept idle in numbers a shared `http.Transport` would not keep.
//!
//! Each connection of a `net/http` client has a `readLoop` goroutine, parked on the network
//! while the connection idles between requests (and a `writeLoop`, counted with it). One or
//! two are a pool at rest ([`super::classify::is_idle_by_design`]). But a Transport made per
//! request (`&http.Client{Transport: &http.Transport{}}` in a handler, a Transport cloned per
//! call) keeps every connection it dialed, idle and never reused: a zero Transport has no
//! `IdleConnTimeout`, and nothing else closes them. The goroutines and descriptors climb by two
//! and one per request for the program's life.
//!
//! A shared Transport keeps at most `MaxIdleConnsPerHost` (2 by default) idle per host and
//! closes the rest, whose readLoops then end; so a crowd of idle ones is a Transport per
//! request, or one Transport talking to that many hosts, which the files cannot tell apart
//! (neither shows a host): the suspect is "at rest?", ranked after the others, and says both.
//! - In a trace: the readLoops pile up ([`super::piling`]): made through the window by the one
//!   `go` statement in `(*Transport).dialConn`, hardly any ended.
//! - In a dump (one moment): the readLoops on the network beyond the requests waiting for a
//!   response (each in-flight request's readLoop waits on the network too), a crowd of them.
//!
//! An HTTPS server that speaks HTTP/2 gets one connection per Transport, multiplexed, with
//! one read loop and no write loop: `net/http.(*http2ClientConn).readLoop` (the bundled copy,
//! Go 1.19-1.26), `net/http/internal/http2.(*ClientConn).readLoop` (1.27), and
//! `golang.org/x/net/http2.(*ClientConn).readLoop`, made by the HTTP/2 transport's
//! `newClientConn`; a request waits in that package's `ClientConn.RoundTrip`. A Transport per
//! request to such a server (a clone of `http.DefaultTransport`, which attempts HTTP/2) keeps
//! one idle read loop per request, as HTTP/1's does.

use super::classify::{WaitFamily, is_network_write, wait_family};

/// An HTTP/1 client connection's read loop.
const READ_LOOP: &str = "net/http.(*persistConn).readLoop";
/// Where an HTTP/1 request waits for its response, on the caller's goroutine.
const ROUND_TRIP: &str = "net/http.(*persistConn).roundTrip";

/// A method of an HTTP/2 client connection: net/http's bundled copy (`(*http2ClientConn)`),
/// its internal package (Go 1.27+) or golang.org/x/net/http2 (`/http2.(*ClientConn)`).
fn is_http2_client_conn(f: &str, method: &str) -> bool {
    f.strip_suffix(method)
        .and_then(|f| f.strip_suffix("ClientConn)."))
        .is_some_and(|recv| recv == "net/http.(*http2" || recv.ends_with("/http2.(*"))
}

/// A client connection's read loop, HTTP/1 or HTTP/2.
fn is_read_loop(f: &str) -> bool {
    f == READ_LOOP || is_http2_client_conn(f, "readLoop")
}

/// A client connection's read loop waiting on the network: idle, or reading a response.
pub fn is_client_read<'a>(reason: &str, funcs: impl IntoIterator<Item = &'a str> + Clone) -> bool {
    wait_family(reason) == WaitFamily::Network
        && funcs.clone().into_iter().any(is_read_loop)
        && !funcs.into_iter().any(is_network_write)
}

/// A request waiting for its response (its connection's readLoop waits on the network too).
pub fn is_in_flight<'a>(funcs: impl IntoIterator<Item = &'a str>) -> bool {
    funcs.into_iter().any(|f| f == ROUND_TRIP || is_http2_client_conn(f, "RoundTrip"))
}

/// Idle connections among `readers` client read loops on the network, with `in_flight`
/// requests waiting for responses: enough to be a suspect, or none.
pub fn idle_crowd(readers: usize, in_flight: usize) -> Option<usize> {
    let idle = readers.saturating_sub(in_flight);
    (idle as u64 >= super::dump_groups::LARGE_GROUP).then_some(idle)
}

/// A group of `readers` goroutines waiting for `reason` in a stack (`funcs`) that are idle
/// client connections enough to be a suspect at rest, with `in_flight` requests waiting for
/// responses in the same file; trace and dump alike.
pub fn idle_clients<'a>(
    reason: &str,
    funcs: impl IntoIterator<Item = &'a str> + Clone,
    readers: usize,
    in_flight: usize,
) -> Option<usize> {
    is_client_read(reason, funcs).then(|| idle_crowd(readers, in_flight)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDLE: [&str; 8] = [
        "internal/poll.runtime_pollWait",
        "internal/poll.(*pollDesc).wait",
        "internal/poll.(*FD).Read",
        "net.(*conn).Read",
        "net/http.(*persistConn).Read",
        "bufio.(*Reader).fill",
        "bufio.(*Reader).Peek",
        "net/http.(*persistConn).readLoop",
    ];

    #[test]
    fn an_http2_read_loop_is_a_client_read_in_every_copy_of_the_package() {
        // The frames of Go's own dumps: Go 1.21's bundle, Go 1.27's internal package.
        let bundle = ["net/http.(*http2clientConnReadLoop).run", "net/http.(*http2ClientConn).readLoop"];
        let internal = [
            "net/http/internal/http2.(*clientConnReadLoop).run",
            "net/http/internal/http2.(*ClientConn).readLoop",
        ];
        for stack in [bundle, internal, ["golang.org/x/net/http2.(*ClientConn).readLoop", "x"]] {
            assert!(is_client_read("IO wait", stack), "{stack:?}");
        }
        assert!(is_in_flight(["runtime.selectgo", "net/http.(*http2ClientConn).RoundTrip", "main.get"]));
        assert!(is_in_flight(["net/http/internal/http2.(*ClientConn).RoundTrip"]));
        // A server connection's loops, or a program's own type of that name, are not.
        assert!(!is_client_read("IO wait", ["net/http/internal/http2.(*serverConn).readFrames"]));
        assert!(!is_client_read("IO wait", ["main.(*ClientConn).readLoop"]));
    }

    #[test]
    fn a_read_loop_on_the_network_is_a_client_read() {
        assert!(is_client_read("IO wait", IDLE));
        assert!(is_client_read("network", IDLE));
        // Waiting for the caller to finish a body is another wait (classify's body rule).
        assert!(!is_client_read("select", ["runtime.selectgo", READ_LOOP]));
        assert!(!is_client_read("IO wait", ["internal/poll.runtime_pollWait", "net/http.(*conn).serve"]));
    }

    #[test]
    fn requests_in_flight_are_not_idle_connections() {
        assert_eq!(idle_crowd(30, 0), Some(30));
        assert_eq!(idle_crowd(12, 12), None);
        assert_eq!(idle_crowd(20, 12), None);
        assert_eq!(idle_crowd(22, 12), Some(10));
        assert!(is_in_flight(["runtime.selectgo", ROUND_TRIP, "net/http.(*Transport).roundTrip"]));
    }
}
