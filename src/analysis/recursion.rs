//! A stack overflow's runaway recursion. When a goroutine's stack passes the runtime's limit
//! (`runtime: goroutine stack exceeds 1000000000-byte limit`, `fatal error: stack overflow`),
//! Go prints its innermost and outermost frames with the middle elided (`...N frames
//! elided...` from Go 1.21, `...additional frames elided...` before, only the innermost
//! 100): nearly all of them calls of one line. That line, not the leaf (the prologue of the
//! call that found no room, printed at the function's declaration), is what to fix.

use std::collections::HashMap;

use crate::model::{DumpGoroutine, DumpModel, Frame};

/// A call repeated this many times among the printed frames is a recursion, not a helper
/// called twice.
const MIN_REPEATS: usize = 3;

/// The runaway call of a stack overflow: the line most repeated in `g`'s printed stack (the
/// innermost of those tied), with how many times, when the dump says the stack overflowed.
pub fn runaway_call(d: &DumpModel, g: &DumpGoroutine) -> Option<(Frame, usize)> {
    if !d.preamble.iter().any(|l| l.starts_with("fatal error: stack overflow")) {
        return None;
    }
    let frames = d.stacks.frames(g.stack);
    let mut seen: HashMap<Frame, usize> = HashMap::new();
    for f in frames {
        *seen.entry(*f).or_default() += 1;
    }
    // Innermost first among equals: the order of the stack, not of the map.
    let (frame, n) = frames.iter().map(|f| (*f, seen[f])).fold(None, |best: Option<(Frame, usize)>, c| {
        if best.is_some_and(|b| b.1 >= c.1) { best } else { Some(c) }
    })?;
    (n >= MIN_REPEATS).then_some((frame, n))
}
