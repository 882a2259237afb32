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
//! Told by shape and by name: the library's own `go` statement made the goroutine, every
//! frame of the stack it waits in is the standard library's (no program code between: a
//! handler or callback of the program's blocked inside a library call has its own frames),
//! and it runs one of the functions the library keeps per object ([`RESIDENTS`]). Other
//! goroutines of the same shape may be leaks of few members (a context's cancel propagation
//! under a parent never cancelled, os/exec's copiers of a child never waited for): the
//! general rules judge them.
//! Waits with a library-specific rule of their own keep it: a client connection's read loop
//! that holds a response body ([`is_response_body_wait`]) is a leak in a crowd only.
//!
//! [`LARGE_GROUP`]: super::dump_groups::LARGE_GROUP

use super::classify::{WaitFamily, is_response_body_wait, is_std_func, wait_family};

/// The functions the standard library runs one per object, for the object's life: the entry
/// of the goroutine (the outermost frame). Go 1.19-1.27.
pub const RESIDENTS: [&str; 4] = [
    "database/sql.(*DB).connectionOpener",
    "database/sql.(*DB).connectionCleaner",
    "net/rpc.(*Server).ServeConn",
    "net/rpc.(*Client).input",
];

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
        && funcs.clone().into_iter().filter(|f| *f != "runtime.goexit").last().is_some_and(|f| RESIDENTS.contains(&f))
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
        // Idle, it is idle by design (`classify::is_idle_by_design`), not a resident.
        let idle = ["internal/poll.runtime_pollWait", "net/http.(*persistConn).readLoop"];
        assert!(!is_library_resident("IO wait", idle, Some("net/http.(*Transport).dialConn")));
    }

    #[test]
    fn other_library_goroutines_of_the_same_shape_are_not_residents() {
        // A child context under a custom parent that is never cancelled: a leak of few members.
        let propagate = ["runtime.selectgo", "context.(*cancelCtx).propagateCancel.func2"];
        assert!(!is_library_resident("select", propagate, Some("context.(*cancelCtx).propagateCancel")));
    }
}
