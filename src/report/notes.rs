//! Lines the text report adds under a suspect to say what kind of wait it may be: a program
//! at rest (idle connections, a pool between jobs), main waiting for work that already
//! ended, HTTP requests waiting for an answer, a test that hung, or a queue that moves (a
//! backlog, a contended lock).

use std::fmt::Write;

use crate::analysis::classify::{WaitFamily, wait_family};
use crate::analysis::finalizer::Stalled;
use crate::analysis::http_server::StalledRequest;
use crate::analysis::library_wait::LibraryWait;
use crate::analysis::resting::Resting;
use crate::analysis::suspects::Suspect;
use crate::analysis::test_hang::{HangSign, InTest};
use crate::units;

/// The words after a moving queue's numbers: a lock's queue is contention, the rest a
/// backlog; either way not goroutines nobody will wake.
pub(super) fn moving_kind(sp: &Suspect) -> &'static str {
    match wait_family(&sp.reason) {
        WaitFamily::Sync => "a queue for a lock held across something slow (contention), not a deadlock",
        _ => "a queue behind something slow (a backlog), not goroutines nobody will wake",
    }
}

/// A line above the suspects when every one of them may be the program at rest: a healthy
/// server or pool between jobs must not read as a leak at a glance.
pub(super) fn all_at_rest(suspects: &[Suspect], o: &mut String) {
    if !suspects.is_empty() && suspects.iter().all(|s| s.resting.is_some()) {
        // The kinds present, in the order the notes below explain them.
        let has = |f: fn(Resting) -> bool| suspects.iter().any(|s| s.resting.is_some_and(f));
        let kinds: Vec<&str> = [
            (
                has(|r| matches!(r, Resting::IdleConnections | Resting::ClientConnections { .. })),
                "idle connections",
            ),
            (has(|r| matches!(r, Resting::Pool { .. })), "a pool between jobs"),
            (has(|r| r == Resting::ChildOutput), "the output of commands at work"),
            (has(|r| r == Resting::Listeners), "listeners accepting connections"),
            (has(|r| r == Resting::Sleepers), "goroutines asleep at one time.Sleep call"),
        ]
        .into_iter()
        .filter_map(|(present, words)| present.then_some(words))
        .collect();
        let what = match kinds.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        let _ = writeln!(
            o,
            "  nothing stuck but what may be at rest: every group below is {what} (see \"at rest?\")"
        );
    }
}

/// The "at rest?" and "main waits" lines of a suspect, if any.
pub(super) fn write(sp: &Suspect, o: &mut String) {
    match sp.resting {
        Some(Resting::IdleConnections) => {
            let _ = writeln!(
                o,
                "      at rest?    reading from network connections: idle keep-alive connections wait so, for as long as their peers keep them; a leak only if the peers are gone and the read has no deadline (ranked after the others)"
            );
        }
        Some(Resting::Pool { .. }) if sp.count == 1 => {
            let _ = writeln!(
                o,
                "      at rest?    a worker loop that took work from this same wait earlier in the window: idle between jobs, or left behind if nothing sends again (a jobs channel never closed) (ranked after the others)"
            );
        }
        Some(Resting::Pool { woken, grown }) => {
            let how =
                if grown { "grown with the load (a worker started as work came)" } else { "started at once" };
            let _ = writeln!(
                o,
                "      at rest?    a pool {how}, {} of which took work from this same wait earlier in the window: idle between jobs, or left behind if nothing sends again (a jobs channel never closed) (ranked after the others)",
                units::count(woken as u64)
            );
        }
        Some(Resting::Listeners) => {
            let _ = writeln!(
                o,
                "      at rest?    {} listeners accepting connections, started by one code path: a server started per call and never closed (httptest.NewServer without Close, http.Serve on a listener made per request) keeps its listener, descriptor and accept loop for good; or a program that serves this many ports (ranked after the others)",
                units::count(sp.count as u64)
            );
        }
        Some(Resting::ChildOutput) => {
            let _ = writeln!(
                o,
                "      at rest?    os/exec copying the output of child processes through pipes (Cmd.Stdout or Stderr not an *os.File): a copy ends when every process holding its pipe has exited, the command and any process it left running in the background, so commands still at work wait so; a leak only if those commands hang or left such a process (see Cmd.Wait's goroutines) (ranked after the others)"
            );
        }
        Some(Resting::Sleepers) => {
            let _ = writeln!(
                o,
                "      at rest?    {} goroutines asleep at one time.Sleep call: watchers or pollers in a loop nobody stops (waiting for a flag or a state that an error path never sets, with no done channel or context) stay so, one more per call, and the count climbs; calls waiting out a delay or a retry's backoff look the same for a moment. Two dumps a minute apart, or a trace begun before they were made, tell: a leak if the crowd grows (ranked after the others)",
                units::count(sp.count as u64)
            );
        }
        Some(Resting::ClientConnections { idle }) => {
            let _ = writeln!(
                o,
                "      at rest?    {} HTTP client connections idle, no request waiting on them: a shared http.Transport keeps at most MaxIdleConnsPerHost (2 by default) per host, one over HTTP/2, and closes the rest, so this many are a Transport made per request (each keeps its connections open and never reuses them: share one Transport, or CloseIdleConnections), or one Transport talking to this many hosts, or one whose MaxIdleConnsPerHost was raised to keep them (ranked after the others)",
                units::count(idle as u64)
            );
        }
        None => {}
    }
    if sp.awaits_http_response() && sp.wait_minutes == Some((0, 0)) {
        // A dump of a moment with no minutes: requests a busy server is answering wait so too.
        let _ = writeln!(
            o,
            "      why         HTTP requests waiting for their responses: in flight to a busy server, or, if they are still there minutes later, sent with no timeout (http.Client.Timeout, or a context deadline on the request) to a server that does not answer; each holds a connection with its readLoop and writeLoop"
        );
    } else if sp.awaits_http_response() {
        let _ = writeln!(
            o,
            "      why         HTTP requests waiting for their responses: sent with no timeout (http.Client.Timeout, or a context deadline on the request) to a server that has not answered; each holds a connection with its readLoop and writeLoop"
        );
    }
    if let Some(stall) = sp.stalled_request() {
        let what = match stall {
            StalledRequest::Headers => {
                "HTTP server connections waiting for the rest of their request headers, which the clients stopped sending (a slow or Slowloris client): with no http.Server.ReadHeaderTimeout each holds a connection and a goroutine for as long as its client keeps it"
            }
            StalledRequest::Body => {
                "HTTP handlers reading request bodies their clients stopped sending: with no http.Server.ReadTimeout (or a read deadline set through http.ResponseController) each holds a connection and a goroutine for as long as its client keeps it"
            }
            StalledRequest::TlsHandshake => {
                "TLS handshakes the peer never completes (a client that sends no ClientHello, a server that never answers): with no deadline (SetDeadline before Handshake, tls.Dialer.Timeout, http.Server.ReadHeaderTimeout) each holds a connection and a goroutine for as long as the peer keeps it"
            }
        };
        let _ = writeln!(o, "      why         {what}");
    }
    if let Some(w) = sp.library_wait() {
        let _ = writeln!(o, "      why         {}", library_wait_text(w));
    }
    if let Some(stall) = sp.stalls {
        let func = sp.blocking_frame().map_or("", |f| &*f.function);
        let what = match stall {
            Stalled::Finalizers => format!(
                "the finalizer goroutine is blocked in {func}: Go runs every finalizer on this one goroutine, so none runs until it returns, and each object waiting for its finalizer stays on the heap with all it references (a finalizer must not block: hand slow work to another goroutine)"
            ),
            Stalled::Cleanups => format!(
                "a cleanup goroutine is blocked in {func}: the cleanups queued behind it wait, and what they would release (files, connections, memory outside the Go heap) stays held (a cleanup must not block: hand slow work to another goroutine)"
            ),
        };
        let _ = writeln!(o, "      why         {what}");
    }
    if sp.library_resident() {
        let creator = sp.created_at.as_ref().map_or("", |f| &*f.function);
        let _ = writeln!(
            o,
            "      why         the standard library keeps one of these per object it made ({creator} made them, one for each): this many are objects made again and again and never closed"
        );
    }
    if let Some(InTest { test, sign }) = sp.in_test.as_deref() {
        let asleep = sp.reason == "sleep";
        let what = match sign {
            HangSign::Timeout if asleep => {
                "asleep when go test's -timeout fired (the panic above): a loop that retries or polls past the deadline, or one long sleep"
            }
            HangSign::Quit if asleep => {
                "asleep when the test binary got SIGQUIT: a loop that retries or polls, or one long sleep"
            }
            HangSign::Timeout => {
                "waiting when go test's -timeout fired (the panic above), so stuck however recent"
            }
            HangSign::Quit => "waiting when the test binary got SIGQUIT, so stuck however recent",
            HangSign::Bubble => {
                "waiting in the test's synctest bubble when it deadlocked (the panic above): only the bubble's goroutines could wake them and every one of them waits, so none will ever run again"
            }
            HangSign::Returned => "started by this test, which returned and left them behind",
            HangSign::Running => "this test's goroutines, the test still running at the trace's end",
        };
        let _ = writeln!(o, "      in test     {test}: {what}");
    }
    if let Some(r) = sp.once_reentered.as_deref() {
        let ids: Vec<String> = r.goroutine_ids.iter().map(u64::to_string).collect();
        // A debug=1 dump or a goroutine profile names no goroutine.
        let who =
            if ids.is_empty() { "a goroutine".to_string() } else { format!("goroutine {}", ids.join(", ")) };
        let (d, f) = (&r.do_called_at, &r.once_function);
        let _ = match r.behind {
            false => writeln!(
                o,
                "      why         sync.Once.Do called again from inside the function it runs: the Once's function {} {}:{} calls on into {} {}:{}, whose Do waits for the Once the outer Do holds until that function returns: it waits for itself, for good, and every later Do there waits behind it",
                f.function, f.file, f.line, d.function, d.file, d.line
            ),
            true => writeln!(
                o,
                "      why         behind a sync.Once that will never finish: {who} runs its function and called its Do again ({} {}:{} under {} {}:{})",
                d.function, d.file, d.line, f.function, f.file, f.line
            ),
        };
    }
    if let Some(h) = &sp.holds_lock {
        let (f, rank) = (&h.taken_at, h.waited_by_rank);
        let _ = writeln!(
            o,
            "      holds?      a lock taken at {} {}:{} (where #{rank} waits), and waits here for another: code that takes the same two locks in opposite orders deadlocks (lock order)",
            f.function, f.file, f.line
        );
    }
    if let Some(n) = sp.waits_for_exited {
        let _ = writeln!(
            o,
            "      why         each waits on a WaitGroup, and every goroutine they started has exited ({} in all): the counter is still above zero with nobody left to lower it, so Wait never returns: fewer Done calls than Add counted (a goroutine that returned without Done on an error path, or an Add for goroutines never started, as when Wait sits inside the loop that starts them)",
            units::count(n as u64)
        );
    }
    if let Some(n) = sp.main_waits_for_exited {
        let exited = match n {
            1 => "the one goroutine it started for the work has exited".to_string(),
            n => format!("all {} goroutines it started for the work have exited", units::count(n as u64)),
        };
        let _ = writeln!(
            o,
            "      main hangs  the main goroutine waits on a WaitGroup, and {exited} with the counter above zero (a Done skipped on an error path, or an Add for goroutines never started), so the program never ends"
        );
    }
}

/// What a wait inside the standard library waits for, and what usually keeps it waiting
/// ([`crate::analysis::library_wait`]).
fn library_wait_text(w: LibraryWait) -> &'static str {
    match w {
        LibraryWait::DbConnection => {
            "database/sql requests waiting for a connection: the pool has opened all it may (SetMaxOpenConns) and all are taken: by rows, statements, transactions or *sql.Conn never closed (`defer rows.Close()`) if none is given back, else by slow queries"
        }
        LibraryWait::PipeWrite => {
            "io.Pipe writers waiting for a reader: the reading side stopped reading without closing the pipe (PipeReader.Close or CloseWithError)"
        }
        LibraryWait::PipeRead => {
            "io.Pipe readers waiting for a writer: the writing side stopped writing without closing the pipe (PipeWriter.Close or CloseWithError)"
        }
        LibraryWait::FileLock => {
            "goroutines blocked in the kernel waiting for a file lock (flock, fcntl F_SETLKW) whose holder never lets go: another process, or a descriptor of this one still open (a lock belongs to the open file, so a process can wait on itself); each waiter holds an OS thread while it blocks"
        }
        LibraryWait::ContextWatch => {
            "goroutines the context package starts to watch a parent context that is not its own type (a Context the program or a framework implements): one per WithCancel, WithTimeout or WithDeadline child, each ending only when the child is cancelled or the parent is done; these children's cancel functions were never called (`defer cancel()` right after; go vet's lostcancel check finds the calls)"
        }
        LibraryWait::DnsLookup => {
            "DNS lookups of Go's resolver (net.Resolver) waiting for their server's answers: the DNS server (resolv.conf's nameserver, or the Resolver's Dial) does not answer; each query gives up after resolv.conf's timeout (5 s by default) and tries attempts (2) times per server and search name, and every request that dials by name waits meanwhile (a deadline on the lookup's context bounds it)"
        }
        LibraryWait::ChildExit => {
            "goroutines in os/exec's Cmd.Wait (os.Process.Wait), blocked in the kernel until their child processes exit, which they have not: commands that hang (waiting for input, a lock or a peer, or blocked writing output nobody reads: a StdoutPipe or StderrPipe must be read to its end before Wait); each waiter holds an OS thread while it blocks (exec.CommandContext, or a timer that kills the process, bounds the wait)"
        }
        LibraryWait::CommandWait => {
            "Cmd.Wait after the command exited, waiting for its output copy to end: a process the command left running (a daemon started with `&`) still holds the pipe open, and Wait waits as long as it lives (Cmd.WaitDelay, Go 1.20+, bounds the wait; or give that process its own output)"
        }
        LibraryWait::PullNotStopped => {
            "an iter.Pull whose stop was never called: each of these coroutines runs a pulled sequence and waits in its yield for a next or stop that never comes; the function that called iter.Pull returned early without reading the sequence to its end (`defer stop()` right after iter.Pull ends them)"
        }
    }
}
