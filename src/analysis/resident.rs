//! Goroutines the standard library keeps for an object the program holds, for as long as it
//! holds it: a `*sql.DB`'s connection opener (started by `sql.Open`, one per DB, waiting in a
//! `select` until `Close`) and its connection cleaner (started once connections have a
//! lifetime or idle limit), a net/rpc server's reader of each client connection and a
//! client's reader of answers (each in a network read between calls).
//!
//! They wait for the object's whole life, so a trace of a healthy service finds them blocked
//! through the window and a dump of an old one prints their minutes: neither is evidence of
//! a leak. A few are the objects a program keeps; a crowd ([`LARGE_GROUP`]) or a pile
//! growing through a trace ([`super::piling`]) is objects made again and again and never
//! closed (`sql.Open` per request), and stays a suspect.
//!
//! Told by shape, not by name: the library's own `go` statement made the goroutine, and
//! every frame of the stack it waits in is the standard library's (no program code between:
//! a handler or callback of the program's blocked inside a library call has its own frames).
//! Waits with a library-specific rule of their own keep it: a client connection's read loop
//! that holds a response body ([`is_response_body_wait`]) is a leak in a crowd only.
//!
//! [`LARGE_GROUP`]: super::dump_groups::LARGE_GROUP

use super::classify::{WaitFamily, is_response_body_wait, is_std_func, wait_family};

/// A goroutine the standard library started for an object and keeps waiting for work:
/// `creator` (the function of the `go` statement) and every function of `funcs` (the
/// blocking stack, innermost first) are the standard library's, and the wait is one for
/// work to come: a channel receive, a `select`, a `sync.Cond`, a network read.
pub fn is_library_resident<'a>(
    reason: &str,
    funcs: impl IntoIterator<Item = &'a str> + Clone,
    creator: Option<&str>,
) -> bool {
    let waits_for_work = matches!(
        wait_family(reason),
        WaitFamily::Select | WaitFamily::ChanReceive | WaitFamily::Cond | WaitFamily::Network
    );
    let mut frames = funcs.clone().into_iter().peekable();
    waits_for_work
        && creator.is_some_and(is_std_func)
        && frames.peek().is_some()
        && frames.all(is_std_func)
        && !funcs.clone().into_iter().any(super::classify::is_network_write)
        // A server connection waiting for the rest of a request the client stopped sending
        // is no idle resident: the client stalled mid-request.
        && super::http_server::stalled_request(reason, funcs.clone()).is_none()
        && !is_response_body_wait(reason, funcs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENER: [&str; 3] = ["runtime.gopark", "runtime.selectgo", "database/sql.(*DB).connectionOpener"];

    #[test]
    fn a_db_opener_is_resident() {
        assert!(is_library_resident("select", OPENER, Some("database/sql.OpenDB")));
    }

    #[test]
    fn program_frames_or_a_program_creator_are_not() {
        let handler = ["runtime.gopark", "runtime.selectgo", "database/sql.(*DB).conn", "main.firstRow"];
        assert!(!is_library_resident("select", handler, Some("main.main")));
        assert!(!is_library_resident("select", OPENER, Some("main.main")));
        assert!(!is_library_resident("select", OPENER, None));
        assert!(!is_library_resident("select", [], Some("database/sql.OpenDB")));
    }

    #[test]
    fn only_waits_for_work() {
        assert!(!is_library_resident("chan send", OPENER, Some("database/sql.OpenDB")));
        let write = ["internal/poll.(*FD).Write", "net.(*conn).Write", "net/rpc.(*Client).send"];
        assert!(!is_library_resident("IO wait", write, Some("net/rpc.NewClientWithCodec")));
    }

    #[test]
    fn a_read_loop_holding_a_body_keeps_its_own_rule() {
        let body = ["runtime.selectgo", "net/http.(*persistConn).readLoop"];
        assert!(!is_library_resident("select", body, Some("net/http.(*Transport).dialConn")));
        let idle = ["internal/poll.runtime_pollWait", "net/http.(*persistConn).readLoop"];
        assert!(is_library_resident("IO wait", idle, Some("net/http.(*Transport).dialConn")));
    }
}
