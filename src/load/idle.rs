//! How long each thread of a trace load waited for the other, and its own CPU time: which of
//! the two is the critical path (`GOROSCOPE_TIMES=1`, BENCHMARKS.md).

/// With `GOROSCOPE_TIMES` set, how long a pipeline thread waited for the other, and its own
/// CPU time (Linux's `/proc/thread-self/schedstat`): which of the two is the critical path
/// (BENCHMARKS.md). Without it, nothing is timed.
pub(super) struct Idle {
    waited: Option<std::time::Duration>,
}

impl Idle {
    pub(super) fn new() -> Self {
        Idle { waited: std::env::var_os("GOROSCOPE_TIMES").map(|_| std::time::Duration::ZERO) }
    }

    pub(super) fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let Some(waited) = self.waited.as_mut() else { return f() };
        let at = std::time::Instant::now();
        let r = f();
        *waited += at.elapsed();
        r
    }

    pub(super) fn report(&self, what: &str) {
        let Some(waited) = self.waited else { return };
        let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
        // On a CPU, then runnable but waiting for one (another thread or process had it: a
        // busy machine, not this load's own waits).
        let mut fields = stat.split_whitespace().map(|v| v.parse::<u64>().ok());
        let (cpu_ns, queued_ns) = (fields.next().flatten(), fields.next().flatten());
        let cpu = cpu_ns.map_or_else(String::new, |ns| format!(", thread CPU {:.3} s", ns as f64 / 1e9));
        let queued = queued_ns.map_or_else(String::new, |ns| format!(", run queue {:.3} s", ns as f64 / 1e9));
        // Minor page faults (the tenth field of `stat`, after the name in parentheses): the
        // first touch of fresh memory or of the input's mapped pages.
        let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
        let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let faults =
            after_name.split_whitespace().nth(7).map_or_else(String::new, |f| format!(", {f} page faults"));
        eprintln!("goroscope: {what} {:.3} s{cpu}{queued}{faults}", waited.as_secs_f64());
    }
}
