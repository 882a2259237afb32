//! The two records a big trace holds one of per event, packed to 16 bytes each: a goroutine's
//! state [`Span`] and a processor's [`ProcSpan`] (a goroutine running on it).

use super::tables::StackId;
use super::trace::GIdx;

/// What a goroutine is doing during a [`Span`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum SpanState {
    Running = 0,
    Runnable = 1,
    /// Parked; [`Span::reason`] says why.
    Waiting = 2,
    Syscall = 3,
    /// Not a state: the sentinel after a goroutine's last span, whose start is the end time
    /// of the span before it (the goroutine's exit, or the end of the trace).
    End = 4,
}

impl SpanState {
    pub fn name(self) -> &'static str {
        match self {
            SpanState::Running => "running",
            SpanState::Runnable => "runnable",
            SpanState::Waiting => "waiting",
            SpanState::Syscall => "syscall",
            SpanState::End => "end",
        }
    }
}

/// One interval of one goroutine in one state. A span ends where the next one starts: each
/// goroutine's list ends with a [`SpanState::End`] sentinel, so `spans[i + 1].start_ns()` is
/// always the end of `spans[i]`.
///
/// 16 bytes, since a big trace holds one per event: the start time (48 bits of nanoseconds since
/// the trace start, 78 hours), the state and the reason share one word.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Span {
    packed: u64,
    /// The goroutine's own stack at the transition into this state (for a wait: where it
    /// blocked).
    pub stack: StackId,
    /// For a wait: `GIdx + 1` of the goroutine that ended it (woke it). For a run: `P + 1` of
    /// the processor it ran on (processor lanes are derived from these). 0 when unknown.
    link: u32,
}

const TIME_BITS: u32 = 48;
const TIME_MASK: u64 = (1 << TIME_BITS) - 1;

impl Span {
    /// `start_ns` is clamped to 0..2^48 ns: trace times start at 0 and a trace longer than
    /// 78 hours does not exist.
    pub fn new(start_ns: i64, state: SpanState, reason: u8, stack: StackId) -> Self {
        let t = (start_ns.max(0) as u64).min(TIME_MASK);
        let packed = t | (state as u64) << TIME_BITS | (reason as u64) << 56;
        Span { packed, stack, link: 0 }
    }

    pub fn start_ns(&self) -> i64 {
        (self.packed & TIME_MASK) as i64
    }

    pub fn state(&self) -> SpanState {
        match (self.packed >> TIME_BITS) as u8 {
            0 => SpanState::Running,
            1 => SpanState::Runnable,
            2 => SpanState::Waiting,
            3 => SpanState::Syscall,
            _ => SpanState::End,
        }
    }

    /// Index into [`TraceModel::reasons`]; 0 = no reason.
    pub fn reason(&self) -> u8 {
        (self.packed >> 56) as u8
    }

    pub fn set_reason(&mut self, reason: u8) {
        self.packed = (self.packed & !(0xff << 56)) | (reason as u64) << 56;
    }

    /// The goroutine that woke this wait (or made this goroutine runnable), if known.
    pub fn waker(&self) -> Option<GIdx> {
        if self.state() == SpanState::Running { None } else { self.link.checked_sub(1) }
    }

    pub fn set_waker(&mut self, g: Option<GIdx>) {
        if self.state() != SpanState::Running {
            self.link = g.map_or(0, |g| g.saturating_add(1));
        }
    }

    /// The processor a run happened on, if known.
    pub fn proc(&self) -> Option<u32> {
        if self.state() == SpanState::Running { self.link.checked_sub(1) } else { None }
    }

    pub fn set_proc(&mut self, p: Option<u32>) {
        if self.state() == SpanState::Running {
            self.link = p.map_or(0, |p| p.saturating_add(1));
        }
    }
}

impl std::fmt::Debug for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Span")
            .field("start_ns", &self.start_ns())
            .field("state", &self.state())
            .field("reason", &self.reason())
            .field("stack", &self.stack)
            .field("waker", &self.waker())
            .field("proc", &self.proc())
            .finish()
    }
}

/// A goroutine running on a processor. 16 bytes; a run longer than `u32::MAX` ns (4.3 s) is
/// stored as several spans back to back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProcSpan {
    pub start_ns: i64,
    len_ns: u32,
    pub g: GIdx,
}

impl ProcSpan {
    /// The spans that cover `start_ns..end_ns`, each short enough for its length field.
    pub fn covering(start_ns: i64, end_ns: i64, g: GIdx) -> impl Iterator<Item = ProcSpan> {
        let step = i64::from(u32::MAX);
        let mut at = start_ns;
        std::iter::from_fn(move || {
            // An empty run still yields one zero-length span, as the processor did run it.
            if at > end_ns || (at == end_ns && at != start_ns) {
                return None;
            }
            let len = (end_ns - at).min(step);
            let span = ProcSpan { start_ns: at, len_ns: len as u32, g };
            at = if len == 0 { end_ns + 1 } else { at + len };
            Some(span)
        })
    }

    pub fn end_ns(&self) -> i64 {
        self.start_ns + i64::from(self.len_ns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_keeps_its_fields_in_16_bytes() {
        assert_eq!(size_of::<Span>(), 16);
        let mut s = Span::new(123_456_789_012, SpanState::Waiting, 37, StackId(9));
        s.set_waker(Some(4));
        assert_eq!(
            (s.start_ns(), s.state(), s.reason(), s.stack, s.waker()),
            (123_456_789_012, SpanState::Waiting, 37, StackId(9), Some(4))
        );
        let mut run = Span::new(5, SpanState::Running, 0, StackId::NONE);
        run.set_proc(Some(7));
        run.set_waker(Some(2));
        assert_eq!((run.proc(), run.waker(), s.proc()), (Some(7), None, None));
        for st in [SpanState::Running, SpanState::Runnable, SpanState::Syscall, SpanState::End] {
            assert_eq!(Span::new(0, st, 255, StackId::NONE).state(), st);
        }
        // Out-of-range times clamp instead of spilling into the state bits.
        assert_eq!(Span::new(-5, SpanState::Running, 0, StackId::NONE).start_ns(), 0);
        let late = Span::new(i64::MAX, SpanState::Runnable, 1, StackId::NONE);
        assert_eq!((late.start_ns(), late.state(), late.reason()), ((1 << 48) - 1, SpanState::Runnable, 1));
    }

    #[test]
    fn a_long_run_on_a_processor_becomes_adjacent_spans() {
        assert_eq!(size_of::<ProcSpan>(), 16);
        let long = 3 * i64::from(u32::MAX) + 7;
        let parts: Vec<ProcSpan> = ProcSpan::covering(100, 100 + long, 3).collect();
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0].start_ns, 100);
        for w in parts.windows(2) {
            assert_eq!(w[0].end_ns(), w[1].start_ns);
        }
        assert_eq!(parts.last().map(|p| p.end_ns()), Some(100 + long));
        assert!(parts.iter().all(|p| p.g == 3));
        let empty: Vec<ProcSpan> = ProcSpan::covering(5, 5, 1).collect();
        assert_eq!(empty.len(), 1);
        assert_eq!(empty[0].end_ns(), 5);
    }
}
