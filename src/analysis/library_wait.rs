//! Waits inside the standard library whose cause is elsewhere in the program, named so a
//! report can say what the crowd waits for and what usually keeps it waiting; the frames
//! alone show only the library's internals (`database/sql.(*DB).conn`, `io.(*pipe).write`).
//!
//! - A `database/sql` request waiting for a connection: the pool has opened all it may
//!   (`SetMaxOpenConns`) and every one is taken. `(*DB).conn` parks in a `select` on the
//!   request's context and its connection request channel (Go 1.19–1.27); only a release of a
//!   connection (rows, statement, transaction or `*sql.Conn` closed) or the context ends it.
//!   A crowd that stays is connections never given back: `rows` never closed is the classic.
//! - An `io.Pipe` writer waiting for a reader (`io.(*pipe).write`, in its `select` on the
//!   pipe's channels): the reading side stopped reading without closing the pipe. A reader
//!   waiting for a writer (`io.(*pipe).read`) is the mirror: a writer that left without
//!   `Close`.
//! - A file lock (`flock(2)`, or `fcntl` `F_SETLKW` through `syscall.FcntlFlock`): the
//!   goroutine is in the system call, blocked in the kernel until the lock's holder lets go:
//!   another process (a second instance, a stuck job) or a descriptor of this one still open
//!   (a lock is per open file description, so the same process can wait on itself). Each
//!   waiter holds an OS thread while it blocks: the program's threads climb with them.
//! - `os/exec`'s waits on child processes ([`super::child_process`]): a child that does not
//!   exit (a system call), and `Cmd.Wait` waiting for the copy of a child's output that a
//!   process it left running keeps open. The copying goroutines themselves may be at rest
//!   ([`super::resting`]).
//! - A goroutine the `context` package started to watch a parent it cannot hook into (a
//!   `Context` type of the program's or a framework's own, neither a `cancelCtx` nor, Go
//!   1.21+, one with an `AfterFunc` method): one per child made by `WithCancel`,
//!   `WithTimeout` or `WithDeadline`, waiting in a `select` on the parent's and the child's
//!   `Done` (`context.propagateCancel.func1` to Go 1.20, `(*cancelCtx).propagateCancel.func2`
//!   since). Only the child's cancel or the parent's end stops it: a crowd is cancel
//!   functions never called, a goroutine and a context per call.
//! - A DNS lookup (`net.(*Resolver)`'s Go resolver) waiting for its server's answers: the
//!   caller in a channel wait inside `net.(*Resolver)`, each query (A, AAAA) in a goroutine
//!   of its own reading the server's reply (`net.(*Resolver).exchange`): a network read that
//!   is no idle connection. Each query gives up after resolv.conf's `timeout` (5 s) and tries
//!   `attempts` (2) times per server and search name: a crowd is a DNS server that does not
//!   answer, holding every request that dials by name.
//! - An `iter.Pull` coroutine parked in its sequence's `yield`: the caller neither read the
//!   sequence to its end nor called `stop` ([`super::coroutine`]). Told by the suspect's own
//!   rule (a trace records no stack for the wait), not by [`library_wait`].

use super::classify::{WaitFamily, is_runtime_frame, wait_family};

/// What a group waits for inside the standard library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryWait {
    /// `database/sql.(*DB).conn`: a free connection of the pool.
    DbConnection,
    /// `io.(*pipe).write`: a reader of the pipe.
    PipeWrite,
    /// `io.(*pipe).read`: a writer of the pipe.
    PipeRead,
    /// `syscall.Flock` or `syscall.FcntlFlock` (or x/sys/unix's) in a system call: the file
    /// lock's holder.
    FileLock,
    /// `iter.Pull`'s coroutine in `yield`: a `next` or `stop` of the caller's.
    PullNotStopped,
    /// The `context` package's watch of a foreign parent: the child's cancel.
    ContextWatch,
    /// `net.(*Resolver)`'s lookups and queries: the DNS server's answers.
    DnsLookup,
    /// `os.(*Process).Wait` in a system call: a child process's exit.
    ChildExit,
    /// `Cmd.Wait` after the child exited: the end of that copy.
    CommandWait,
}

impl LibraryWait {
    /// The JSON word (`library_wait`, added field).
    pub fn kind(self) -> &'static str {
        match self {
            LibraryWait::DbConnection => "db-connection",
            LibraryWait::PipeWrite => "pipe-write",
            LibraryWait::PipeRead => "pipe-read",
            LibraryWait::FileLock => "file-lock",
            LibraryWait::PullNotStopped => "iter-pull",
            LibraryWait::ContextWatch => "context-watch",
            LibraryWait::DnsLookup => "dns-lookup",
            LibraryWait::ChildExit => "child-exit",
            LibraryWait::CommandWait => "exec-wait",
        }
    }
}

/// The library wait of a blocking stack (innermost first), when it is one of
/// [`LibraryWait`]'s: the library's function is the innermost frame outside the runtime (a
/// lock taken inside it is another wait, but io.Pipe's own: its queue waits for the same
/// other end), in a channel wait; or a file lock's system call
/// ([`is_file_lock_wait`]) or a child's exit ([`super::child_process`]); or a DNS query on the
/// network ([`is_dns_query`]). A goroutine profile (debug=1)
/// hides the runtime frames that say which wait, so its "unknown" counts, as does a trace's
/// missing reason.
pub fn library_wait<'a>(
    reason: &str,
    funcs: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<LibraryWait> {
    use super::child_process::is_child_exit_wait;
    if reason == super::suspects::SYSCALL {
        return if is_file_lock_wait(funcs.clone()) {
            Some(LibraryWait::FileLock)
        } else {
            is_child_exit_wait(funcs).then_some(LibraryWait::ChildExit)
        };
    }
    if is_dns_query(reason, funcs.clone()) {
        return Some(LibraryWait::DnsLookup);
    }
    // An io.Pipe lets one write (and one read) through at a time: the others queue on the
    // pipe's own mutex behind it, waiting for the other end as it does (probe r29a: eleven
    // writers read "sync.Mutex.Lock" at the program's Write line, with no pipe hint).
    if wait_family(reason) == WaitFamily::Sync {
        let inner = funcs.clone().into_iter().find(|f| !(is_runtime_frame(f) || f.starts_with("sync.")));
        return match inner {
            Some("io.(*pipe).write") => Some(LibraryWait::PipeWrite),
            Some("io.(*pipe).read") => Some(LibraryWait::PipeRead),
            _ => None,
        };
    }
    let channel = matches!(reason, "" | "unknown")
        || matches!(wait_family(reason), WaitFamily::Select | WaitFamily::ChanReceive | WaitFamily::ChanSend);
    if !channel {
        return None;
    }
    funcs.into_iter().find(|f| !is_runtime_frame(f)).and_then(|f| match f {
        "database/sql.(*DB).conn" => Some(LibraryWait::DbConnection),
        "io.(*pipe).write" => Some(LibraryWait::PipeWrite),
        "io.(*pipe).read" => Some(LibraryWait::PipeRead),
        // Cmd.Wait after the child exited, for its output copies: Go 1.20+ waits in
        // awaitGoroutines, 1.19 in Wait itself.
        "os/exec.(*Cmd).awaitGoroutines" | "os/exec.(*Cmd).Wait" => Some(LibraryWait::CommandWait),
        _ if is_context_watch(f) => Some(LibraryWait::ContextWatch),
        _ if f.starts_with("net.(*Resolver).") => Some(LibraryWait::DnsLookup),
        _ => None,
    })
}

/// A DNS query of the Go resolver waiting on the network for its server's answer.
pub fn is_dns_query<'a>(reason: &str, funcs: impl IntoIterator<Item = &'a str>) -> bool {
    wait_family(reason) == WaitFamily::Network
        && funcs.into_iter().any(|f| {
            matches!(f, "net.(*Resolver).exchange" | "net.dnsPacketRoundTrip" | "net.dnsStreamRoundTrip")
        })
}

/// The closure `context` runs to watch a foreign parent, as each release names it.
fn is_context_watch(f: &str) -> bool {
    ["context.propagateCancel.func", "context.(*cancelCtx).propagateCancel.func"]
        .iter()
        .any(|p| f.starts_with(p))
}

/// A system call's stack (innermost first) that is a file lock's wait: past the raw system
/// call frames (a dump shows `syscall.Syscall`, a trace's stack starts at its caller), the
/// lock's own function.
pub fn is_file_lock_wait<'a>(funcs: impl IntoIterator<Item = &'a str>) -> bool {
    let raw = |f: &&str| {
        is_runtime_frame(f)
            || f.rsplit('.').next().is_some_and(|n| n.starts_with("Syscall") || n.starts_with("RawSyscall"))
    };
    funcs.into_iter().find(|f| !raw(f)).is_some_and(|f| {
        matches!(
            f,
            "syscall.Flock"
                | "syscall.FcntlFlock"
                | "golang.org/x/sys/unix.Flock"
                | "golang.org/x/sys/unix.FcntlFlock"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_library_frame() {
        let db = ["runtime.selectgo", "database/sql.(*DB).conn", "database/sql.(*DB).query", "main.h"];
        assert_eq!(library_wait("select", db), Some(LibraryWait::DbConnection));
        let pipe = ["runtime.selectgo", "io.(*pipe).write", "io.(*PipeWriter).Write", "main.produce"];
        assert_eq!(library_wait("select", pipe), Some(LibraryWait::PipeWrite));
        assert_eq!(library_wait("chan receive", ["io.(*pipe).write"]), Some(LibraryWait::PipeWrite));
        assert_eq!(library_wait("select", ["io.(*pipe).read"]).map(LibraryWait::kind), Some("pipe-read"));
        // debug=1: the runtime frames are hidden, the reason unknown.
        assert_eq!(library_wait("unknown", db[1..].iter().copied()), Some(LibraryWait::DbConnection));
    }

    #[test]
    fn the_watch_of_a_foreign_parent_context() {
        // Go 1.27's and 1.19's dumps of a WithCancel child of a program's own Context type.
        let new = ["runtime.gopark", "runtime.selectgo", "context.(*cancelCtx).propagateCancel.func2"];
        assert_eq!(library_wait("select", new), Some(LibraryWait::ContextWatch));
        assert_eq!(
            library_wait("unknown", ["context.propagateCancel.func1"]),
            Some(LibraryWait::ContextWatch)
        );
        assert_eq!(library_wait("select", ["runtime.selectgo", "context.WithCancel", "main.h"]), None);
    }

    #[test]
    fn cmd_wait_waiting_for_the_output_copy() {
        let new =
            ["runtime.gopark", "runtime.chanrecv", "os/exec.(*Cmd).awaitGoroutines", "os/exec.(*Cmd).Wait"];
        assert_eq!(library_wait("chan receive", new), Some(LibraryWait::CommandWait));
        assert_eq!(library_wait("unknown", new[2..].iter().copied()), Some(LibraryWait::CommandWait));
        let old = ["runtime.chanrecv1", "os/exec.(*Cmd).Wait", "main.run"];
        assert_eq!(library_wait("chan receive", old), Some(LibraryWait::CommandWait));
        assert_eq!(
            library_wait("chan receive", ["runtime.chanrecv1", "main.run", "os/exec.(*Cmd).Wait"]),
            None
        );
        // The wait for the child itself is a system call: its exit, not the copy.
        let exit = [
            "syscall.Syscall6",
            "os.(*Process).wait",
            "os.(*Process).Wait",
            "os/exec.(*Cmd).Wait",
            "main.run",
        ];
        assert_eq!(library_wait("syscall", exit), Some(LibraryWait::ChildExit));
    }

    #[test]
    fn a_dns_lookup_and_its_queries() {
        // Go 1.27's dump of net.(*Resolver).LookupHost against a server that does not answer.
        let caller = [
            "runtime.chanrecv1",
            "net.(*Resolver).goLookupIPCNAMEOrder.func4",
            "net.(*Resolver).goLookupIPCNAMEOrder",
            "net.(*Resolver).lookupHost",
            "net.(*Resolver).LookupHost",
            "main.resolve",
        ];
        assert_eq!(library_wait("chan receive", caller), Some(LibraryWait::DnsLookup));
        let query = ["net.(*conn).Read", "net.dnsPacketRoundTrip", "net.(*Resolver).exchange"];
        assert_eq!(library_wait("IO wait", query), Some(LibraryWait::DnsLookup));
        assert_eq!(library_wait("IO wait", ["net.(*conn).Read", "main.serve"]), None);
    }

    #[test]
    fn a_file_lock_in_a_system_call() {
        let dump = ["syscall.Syscall", "syscall.Flock", "main.save", "runtime.goexit"];
        assert_eq!(library_wait("syscall", dump), Some(LibraryWait::FileLock));
        assert_eq!(
            library_wait("syscall", ["syscall.FcntlFlock", "main.lock"]).map(LibraryWait::kind),
            Some("file-lock")
        );
        let unix = ["golang.org/x/sys/unix.Syscall", "golang.org/x/sys/unix.Flock", "main.save"];
        assert_eq!(library_wait("syscall", unix), Some(LibraryWait::FileLock));
        // Another system call, or the lock's function seen outside one.
        assert_eq!(library_wait("syscall", ["syscall.Syscall", "syscall.Read", "os.(*File).Read"]), None);
        assert_eq!(library_wait("select", ["syscall.Flock"]), None);
    }

    #[test]
    fn not_a_lock_or_another_stack() {
        // io.Pipe's own write mutex: queued behind the writer that waits for a reader.
        let queued = library_wait("sync.Mutex.Lock", ["sync.(*Mutex).Lock", "io.(*pipe).write"]);
        assert_eq!(queued, Some(LibraryWait::PipeWrite));
        let program = ["sync.(*Mutex).Lock", "main.(*cache).get", "io.(*pipe).write"];
        assert_eq!(library_wait("sync.Mutex.Lock", program), None, "the program's own lock");
        assert_eq!(library_wait("select", ["runtime.selectgo", "main.loop"]), None);
        // A debug=1 record names no wait: its lock frames are not a channel wait.
        let lock = ["internal/sync.(*Mutex).Lock", "sync.(*Mutex).Lock", "io.(*pipe).write"];
        assert_eq!(library_wait("unknown", lock), None);
    }
}
