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
        let cpu_ns: Option<u64> = stat.split_whitespace().next().and_then(|v| v.parse().ok());
        let cpu = cpu_ns.map_or_else(String::new, |ns| format!(", thread CPU {:.3} s", ns as f64 / 1e9));
        eprintln!("goroscope: {what} {:.3} s{cpu}", waited.as_secs_f64());
    }
}
