//! What can be pulled from a running program: each endpoint's kind, its query, the size cap
//! of its answer and the name of its file.

/// One kind of capture. Its `name()` is the `kind` of the CLI's JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `/debug/pprof/trace?seconds=N`: an execution trace of the next N seconds.
    Trace,
    /// `/debug/pprof/goroutine?debug=2`: every goroutine's stack, as a panic prints them.
    Goroutine,
    /// `/debug/pprof/heap?gc=1`: the heap profile (gzipped protobuf) after a GC. Without
    /// `gc=1` the profile is the one of the last completed GC, which early in a program's
    /// life (or in a quiet one) misses everything allocated since.
    Heap,
    /// `/debug/pprof/goroutineleak?debug=2`: every goroutine's stack, those the GC proved
    /// leaked marked so (Go 1.27, or 1.26 with GOEXPERIMENT=goroutineleakprofile). Not
    /// `debug=1`, which groups them by stack with no wait reason, creation site or id.
    GoroutineLeak,
    /// A flight recorder's snapshot (Go 1.25's `runtime/trace.FlightRecorder`) at a path the
    /// program chose: the last seconds of execution trace.
    Flight,
}

const MIB: u64 = 1 << 20;

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Trace => "trace",
            Kind::Goroutine => "goroutine",
            Kind::Heap => "heap",
            Kind::GoroutineLeak => "goroutineleak",
            Kind::Flight => "flight",
        }
    }

    /// The endpoint under `/debug/pprof/` (the flight recorder has none: its path is the
    /// program's choice).
    pub fn query(self, trace_seconds: f64) -> String {
        match self {
            Kind::Trace => format!("trace?seconds={trace_seconds}"),
            Kind::Goroutine => "goroutine?debug=2".into(),
            Kind::Heap => "heap?gc=1".into(),
            Kind::GoroutineLeak => "goroutineleak?debug=2".into(),
            Kind::Flight => String::new(),
        }
    }

    /// The largest answer kept. A debug=2 dump of a million goroutines is ~1 GB; traces of
    /// busy services run at tens of MB a second; profiles are compressed.
    pub fn default_cap(self) -> u64 {
        match self {
            Kind::Trace => 2048 * MIB,
            Kind::Goroutine => 1024 * MIB,
            Kind::Heap | Kind::GoroutineLeak => 256 * MIB,
            Kind::Flight => 1024 * MIB,
        }
    }

    /// What the answer should be, in the error's words.
    pub fn expected(self) -> &'static str {
        match self {
            Kind::Trace => "a Go execution trace",
            Kind::Goroutine => "a goroutine dump (debug=2)",
            Kind::Heap => "a heap profile (pprof)",
            Kind::GoroutineLeak => "a goroutineleak profile (debug=2)",
            Kind::Flight => "a Go execution trace from the flight recorder",
        }
    }

    /// The file's name after the capture's prefix; `n` numbers the dumps of a series (from 1)
    /// of `of`, with as many digits as `of` has (two at least), so that the names sort in
    /// the series' order (`.099.` before `.100.`). The suffixes are those of the samples
    /// (`.goroutine-2.txt`, `.heap.pb.gz`), so a folder of captures reads like one of samples.
    pub fn file_name(self, prefix: &str, n: u32, of: u32) -> String {
        let width = of.to_string().len().max(2);
        match self {
            Kind::Trace => format!("{prefix}.trace"),
            Kind::Goroutine => format!("{prefix}.{n:0width$}.goroutine-2.txt"),
            Kind::Heap => format!("{prefix}.heap.pb.gz"),
            Kind::GoroutineLeak => format!("{prefix}.goroutineleak-2.txt"),
            Kind::Flight => format!("{prefix}.flight.trace"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hundred dumps or more sort in their order by name, as the README's glob reads them.
    #[test]
    fn dump_numbers_have_the_series_digits() {
        assert_eq!(Kind::Goroutine.file_name("p", 3, 5), "p.03.goroutine-2.txt");
        let names: Vec<String> = (1..=120).map(|n| Kind::Goroutine.file_name("p", n, 120)).collect();
        assert_eq!(
            (names[8].as_str(), names[99].as_str()),
            ("p.009.goroutine-2.txt", "p.100.goroutine-2.txt")
        );
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(sorted, names);
    }
}
