//! Listeners never closed. A server's accept loop (`net/http.(*Server).Serve`, any loop
//! around `Listener.Accept`) waits on the network for its next connection for as long as
//! the listener is open: one or two are how a server runs, idle by design
//! ([`super::classify::is_idle_by_design`]). A crowd of them in one stack is a server
//! started again and again and never closed (`httptest.NewServer` without `Close` in a test
//! helper or a self-check, `http.Serve` on a listener made per call): each keeps its
//! listener, its descriptor and its goroutine for the program's life. A program that
//! serves that many ports from one code path looks the same in a trace or a dump, so the
//! suspect is "at rest?", ranked after the others, and says both.

use super::classify::{WaitFamily, wait_family};
use super::dump_groups::LARGE_GROUP;

/// A goroutine waiting in a listener's `Accept` for its next connection.
pub fn is_accept_loop<'a>(reason: &str, funcs: impl IntoIterator<Item = &'a str>) -> bool {
    wait_family(reason) == WaitFamily::Network
        && funcs.into_iter().any(|f| f.ends_with(".Accept") || f.ends_with(").accept"))
}

/// Accept loops in one stack enough to be listeners never closed: a crowd.
pub fn is_listener_crowd(count: usize) -> bool {
    count as u64 >= LARGE_GROUP
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_accept_loop_waits_on_the_network() {
        // Go 1.27's goroutine profile of httptest's server, without the poller's frames.
        let stack = [
            "net.(*netFD).accept",
            "net.(*TCPListener).accept",
            "net.(*TCPListener).Accept",
            "net/http.(*Server).Serve",
            "net/http/httptest.(*Server).goServe.func1",
        ];
        assert!(is_accept_loop("IO wait", stack));
        assert!(is_accept_loop("network", stack));
        assert!(!is_accept_loop("chan receive", stack));
        assert!(!is_accept_loop("IO wait", ["net.(*conn).Read", "main.serve"]));
        assert!(is_listener_crowd(12) && !is_listener_crowd(2));
    }
}
