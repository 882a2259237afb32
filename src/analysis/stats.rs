//! Where goroutines spent their time: per-goroutine splits and splits over a time range
//! (the goroutines that never rest are a finding: `findings/spinning.rs`).

use crate::model::{Goroutine, SpanState};

/// Nanoseconds per state: running, runnable, waiting, syscall.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeSplit {
    pub running_ns: i64,
    pub runnable_ns: i64,
    pub waiting_ns: i64,
    pub syscall_ns: i64,
}

impl TimeSplit {
    pub fn total_ns(&self) -> i64 {
        self.running_ns + self.runnable_ns + self.waiting_ns + self.syscall_ns
    }

    fn add(&mut self, state: SpanState, ns: i64) {
        match state {
            SpanState::Running => self.running_ns += ns,
            SpanState::Runnable => self.runnable_ns += ns,
            SpanState::Waiting => self.waiting_ns += ns,
            SpanState::Syscall => self.syscall_ns += ns,
            SpanState::End => {}
        }
    }
}

/// A goroutine's time by state, clipped to `[from_ns, to_ns)`.
pub fn time_split(g: &Goroutine, from_ns: i64, to_ns: i64) -> TimeSplit {
    let mut out = TimeSplit::default();
    let spans = g.real_spans();
    // Spans are sorted: skip those that end before the range.
    let first = spans.partition_point(|s| s.start_ns() < from_ns).saturating_sub(1);
    for (i, s) in spans.iter().enumerate().skip(first) {
        if s.start_ns() >= to_ns {
            break;
        }
        let a = s.start_ns().max(from_ns);
        let b = g.span_end_ns(i).min(to_ns);
        if b > a {
            out.add(s.state(), b - a);
        }
    }
    out
}
