//! Who woke a goroutine, and how often: the waits of it that ended inside the window, each
//! ended by the goroutine that ran when it did (a channel send, an unlock, a close), or by
//! none (a timer firing, the network poller, the runtime). Go's reader says the same with a
//! `Waiting->Runnable` transition in the waker's context (`go tool trace -d=parsed`). The
//! wakers are kept on the spans for the window only (`load_file`, not the headless load).

use crate::model::{GIdx, Goroutine, SpanState};

/// A goroutine's wake-ups in the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Wakeups {
    /// Waits that ended inside the window.
    pub count: usize,
    /// Of them, those no goroutine ended (timers, the network poller, the runtime).
    pub by_runtime: usize,
    /// The last one: when it ended, and by whom (`None`: by no goroutine).
    pub last: Option<(i64, Option<GIdx>)>,
    /// When the wait the goroutine is in at the window's end began, if it is waiting then:
    /// not woken since.
    pub waiting_since: Option<i64>,
}

/// The wake-ups of `g`: each waiting span followed by another (the wait ended), its waker.
pub fn wakeups(g: &Goroutine) -> Wakeups {
    let spans = g.real_spans();
    let mut w = Wakeups::default();
    for (i, s) in spans.iter().enumerate() {
        if s.state() != SpanState::Waiting {
            continue;
        }
        if i + 1 < spans.len() {
            w.count += 1;
            w.by_runtime += usize::from(s.waker().is_none());
            w.last = Some((g.span_end_ns(i), s.waker()));
        } else if g.end_ns().is_none() {
            w.waiting_since = Some(s.start_ns());
        }
    }
    w
}
