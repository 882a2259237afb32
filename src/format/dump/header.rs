//! The goroutine header line of a traceback, every form Go 1.19 to 1.27 prints
//! (`runtime.goroutineheader`):
//!
//! ```text
//! goroutine 18 [chan send]:
//! goroutine 18 [chan send, 12 minutes]:
//! goroutine 7 [syscall, 3 minutes, locked to thread]:
//! goroutine 5 [GC worker (idle) (scan)]:
//! goroutine 1 gp=0xc000002380 m=0 mp=0x5a8e20 [running]:       Go 1.22+, GOTRACEBACK=system
//! goroutine 21 gp=0xc000102a80 m=nil [chan send]:               Go 1.22+, no M
//! goroutine 25 [chan send (durable), synctest bubble 1]:       Go 1.25+ inside synctest
//! goroutine 9 [sleep (durable), synctest bubble 1]:             its suffix or the reason's
//! goroutine 9 [chan receive (synctest), synctest group 7]:      Go 1.24, GOEXPERIMENT=synctest
//! ```
//!
//! Unknown parts after the state (newer runtimes add some) are ignored, and so is anything
//! between `]` and the final `:`.

/// A parsed header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header<'a> {
    pub id: u64,
    /// State words without `(leaked)`, `(scan)` and synctest's `(durable)` (`(synctest)` in
    /// Go 1.24): a wait inside a bubble is the same wait.
    pub state: &'a str,
    pub minutes: u32,
    pub locked: bool,
    pub scan: bool,
    /// `(leaked)` after the state: the GC proved it can never be woken (Go 1.26+ with the
    /// goroutineleakprofile experiment, 1.27+; a `goroutineleak?debug=2` dump).
    pub leaked: bool,
    /// `synctest bubble N` (`synctest group N` in Go 1.24): the goroutine runs in a
    /// `testing/synctest` bubble.
    pub in_bubble: bool,
}

/// Parses a header line; `None` when the line is not one.
pub fn parse_header(line: &str) -> Option<Header<'_>> {
    let rest = line.trim_end().strip_prefix("goroutine ")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let id: u64 = rest.get(..digits)?.parse().ok()?;
    let mut rest = rest.get(digits..)?.strip_suffix(':')?;
    // Go 1.22+ `gp=0x… m=… mp=0x…` before the bracket.
    loop {
        rest = rest.trim_start();
        if rest.starts_with('[') {
            break;
        }
        let (word, after) = rest.split_once(' ')?;
        if !(word.starts_with("gp=") || word.starts_with("m=") || word.starts_with("mp=")) {
            return None;
        }
        rest = after;
    }
    let close = rest.rfind(']')?;
    let inner = rest.get(1..close)?;
    let mut parts = inner.split(", ");
    let mut state = parts.next()?.trim();
    let mut h = Header { id, state, minutes: 0, locked: false, scan: false, leaked: false, in_bubble: false };
    // The runtime prints `(leaked)`, then `(scan)`, then `(durable)` unless the reason's own
    // words end with it (`chan send (durable)`): strip them in any order.
    loop {
        if let Some(s) = state.strip_suffix(" (scan)") {
            h.scan = true;
            state = s;
        } else if let Some(s) = state.strip_suffix(" (leaked)") {
            h.leaked = true;
            state = s;
        } else if let Some(s) = state.strip_suffix(" (durable)").or_else(|| state.strip_suffix(" (synctest)"))
        {
            state = s;
        } else {
            break;
        }
    }
    if state.is_empty() {
        return None;
    }
    h.state = state;
    for p in parts {
        if let Some(m) = p.strip_suffix(" minutes") {
            // Saturate: a header's minutes are untrusted.
            h.minutes = m.trim().parse::<u64>().map_or(0, |v| u32::try_from(v).unwrap_or(u32::MAX));
        } else if p == "locked to thread" {
            h.locked = true;
        } else if p.starts_with("synctest bubble ") || p.starts_with("synctest group ") {
            h.in_bubble = true;
        }
    }
    Some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant() {
        let h = parse_header("goroutine 18 [chan send]:").unwrap();
        assert_eq!((h.id, h.state, h.minutes, h.locked), (18, "chan send", 0, false));
        let h = parse_header("goroutine 7 [syscall, 3 minutes, locked to thread]:").unwrap();
        assert_eq!((h.id, h.state, h.minutes, h.locked), (7, "syscall", 3, true));
        let h = parse_header("goroutine 1 gp=0xc000002380 m=0 mp=0x5a8e20 [running]:").unwrap();
        assert_eq!((h.id, h.state), (1, "running"));
        let h = parse_header("goroutine 21 gp=0xc000102a80 m=nil [chan send, 2 minutes]:").unwrap();
        assert_eq!((h.id, h.state, h.minutes), (21, "chan send", 2));
        let h = parse_header("goroutine 5 [GC worker (idle) (scan)]:").unwrap();
        assert_eq!((h.state, h.scan), ("GC worker (idle)", true));
        let h = parse_header("goroutine 21 [chan send (leaked)]:").unwrap();
        assert_eq!((h.state, h.leaked, h.scan), ("chan send", true, false));
        let h = parse_header("goroutine 9 [select (no cases), 99999999999 minutes]:").unwrap();
        assert_eq!((h.state, h.minutes), ("select (no cases)", u32::MAX));
        let h = parse_header("goroutine 25 [chan send (durable), synctest bubble 1]:").unwrap();
        assert_eq!((h.state, h.in_bubble), ("chan send", true));
        let h = parse_header("goroutine 9 [sleep (leaked) (scan) (durable), 2 minutes, synctest bubble 1]:")
            .unwrap();
        assert_eq!((h.state, h.leaked, h.scan, h.minutes, h.in_bubble), ("sleep", true, true, 2, true));
        let h = parse_header("goroutine 9 [chan receive (synctest), synctest group 7]:").unwrap();
        assert_eq!((h.state, h.in_bubble), ("chan receive", true));
        assert!(!parse_header("goroutine 9 [chan receive]:").unwrap().in_bubble);
    }

    #[test]
    fn not_headers() {
        for l in [
            "goroutine profile: total 3",
            "goroutine 1 [running]",
            "goroutine x [running]:",
            "goroutine 1 foo [running]:",
            "goroutine 1 []:",
            "goroutine 18446744073709551616 [running]:",
        ] {
            assert_eq!(parse_header(l), None, "{l}");
        }
    }
}
