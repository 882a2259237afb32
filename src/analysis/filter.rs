//! The goroutine filter: a query over id, function, state, wait reason, creation site and
//! minimum blocked time. Terms are ANDed: a number matches a goroutine id, `state:waiting`
//! (or `running`, `runnable`, `syscall`, `exited`) the state at the end, `blocked>1s` the
//! final wait's length, a wait reason in Go's words (`chan send`, `select`, or
//! `reason:WORDS`) the reason of the final wait, and any other word a substring of the entry
//! function, a frame of the creation site or of the final blocking stack.
//!
//! A term that looks like syntax but does not parse (`state:sleeping`, `blocked>soon`) makes
//! the whole query an error: the box says so instead of silently matching everything.

use crate::model::{Goroutine, SpanState, TraceModel};

/// What `state:` asks for: a state at the end of the trace, or having exited before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndState {
    Alive(SpanState),
    Exited,
}

impl EndState {
    pub fn name(self) -> &'static str {
        match self {
            EndState::Alive(s) => s.name(),
            EndState::Exited => "exited",
        }
    }
}

const END_STATES: [EndState; 5] = [
    EndState::Alive(SpanState::Running),
    EndState::Alive(SpanState::Runnable),
    EndState::Alive(SpanState::Waiting),
    EndState::Alive(SpanState::Syscall),
    EndState::Exited,
];

/// Wait reasons of more than one word, as the runtime prints them (`waitReasonStrings`):
/// typed into the box they mean the reason, not two words to find in names and paths.
const REASON_PHRASES: &[&str] = &[
    "chan send (nil chan)",
    "chan receive (nil chan)",
    "chan send",
    "chan receive",
    "select (no cases)",
    "io wait",
    "gc assist marking",
    "gc assist wait",
    "gc sweep wait",
    "gc scavenge wait",
    "gc worker (idle)",
    "finalizer wait",
    "force gc (idle)",
    "wait for gc cycle",
    "trace reader (blocked)",
    "garbage collection",
    "stopping the world",
];

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub ids: Vec<u64>,
    pub state: Option<EndState>,
    pub min_blocked_ns: i64,
    /// Wait reasons (lower case) the final wait's reason must contain, all of them.
    pub reasons: Vec<String>,
    pub words: Vec<String>,
    /// Why the query does not parse; such a filter matches nothing.
    pub error: Option<String>,
}

impl Filter {
    /// Parses the filter box. A malformed term sets [`Filter::error`].
    pub fn parse(text: &str) -> Filter {
        let mut f = Filter::default();
        let mut rest = text.to_lowercase();
        // Multi-word reasons first, so their words do not become name words.
        for phrase in REASON_PHRASES {
            while let Some(at) = find_phrase(&rest, phrase) {
                f.reasons.push(phrase.to_string());
                rest.replace_range(at..at + phrase.len(), " ");
            }
        }
        for w in rest.split_whitespace() {
            if let Ok(id) = w.trim_start_matches('g').parse::<u64>() {
                f.ids.push(id);
            } else if let Some(s) = w.strip_prefix("state:") {
                let found: Vec<EndState> =
                    END_STATES.into_iter().filter(|st| !s.is_empty() && st.name().starts_with(s)).collect();
                match found.as_slice() {
                    [one] => f.state = Some(*one),
                    _ => {
                        let names: Vec<&str> = END_STATES.iter().map(|s| s.name()).collect();
                        f.error
                            .get_or_insert(format!("unknown state {s:?}: use one of {}", names.join(", ")));
                    }
                }
            } else if let Some(d) = w.strip_prefix("blocked>") {
                match parse_duration(d) {
                    Some(ns) => f.min_blocked_ns = ns,
                    None => {
                        f.error.get_or_insert(format!("{d:?} is not a duration (blocked>1s, 250ms, 2m)"));
                    }
                }
            } else if w.starts_with("blocked") && w.contains(['<', '>', '=']) {
                f.error.get_or_insert(format!("{w:?}: only blocked>DURATION is understood"));
            } else if let Some(r) = w.strip_prefix("reason:") {
                if r.is_empty() {
                    f.error.get_or_insert("reason: needs a wait reason (reason:select)".to_string());
                } else {
                    f.reasons.push(r.replace('_', " "));
                }
            } else {
                f.words.push(w.to_string());
            }
        }
        f
    }

    pub fn is_empty(&self) -> bool {
        self == &Filter::default()
    }

    pub fn matches(&self, m: &TraceModel, g: &Goroutine) -> bool {
        if self.error.is_some() {
            return false;
        }
        if !self.ids.is_empty() && !self.ids.contains(&g.id) {
            return false;
        }
        let end = g.state_at_end();
        if let Some(want) = self.state {
            let got = if g.end_ns().is_some() { Some(EndState::Exited) } else { end.map(EndState::Alive) };
            if got != Some(want) {
                return false;
            }
        }
        // The final wait, for goroutines still waiting at the end.
        let wait = g.last_span().map(|(_, s)| *s).filter(|_| end == Some(SpanState::Waiting));
        if self.min_blocked_ns > 0 {
            let blocked = wait.map_or(0, |s| m.duration_ns - s.start_ns());
            if blocked < self.min_blocked_ns {
                return false;
            }
        }
        if !self.reasons.is_empty() {
            let reason = wait.map_or(String::new(), |s| m.reason(s.reason()).to_lowercase());
            if !self.reasons.iter().all(|r| reason.contains(r.as_str())) {
                return false;
            }
        }
        let last = g.last_span().map(|(_, s)| *s);
        self.words.iter().all(|w| {
            let hit = |s: &str| s.to_lowercase().contains(w.as_str());
            hit(m.func_name(g))
                || m.stacks.frames(g.creation_stack).iter().take(1).any(|f| {
                    hit(m.strings.get(f.func)) || hit(&format!("{}:{}", m.strings.get(f.file), f.line))
                })
                || last.is_some_and(|s| m.stacks.frames(s.stack).iter().any(|f| hit(m.strings.get(f.func))))
                || wait.is_some_and(|s| hit(m.reason(s.reason())))
        })
    }
}

/// Where `phrase` occurs in `text` as whole words.
fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = text.get(from..)?.find(phrase) {
        let at = from + k;
        let before = text[..at].chars().next_back().is_none_or(char::is_whitespace);
        let after = text[at + phrase.len()..].chars().next().is_none_or(char::is_whitespace);
        if before && after {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `1s`, `250ms`, `10us`, `5µs`, `100ns`, `2m`; a bare number is milliseconds.
pub fn parse_duration(s: &str) -> Option<i64> {
    let s = s.trim();
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let v: f64 = num.parse().ok()?;
    let mul = match unit {
        "ns" => 1.0,
        "us" | "µs" => 1e3,
        "" | "ms" => 1e6,
        "s" => 1e9,
        "m" | "min" => 60e9,
        _ => return None,
    };
    Some((v * mul) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_query_words() {
        let f = Filter::parse("g42 state:wait blocked>1.5s main.sender");
        assert_eq!(f.ids, vec![42]);
        assert_eq!(f.state, Some(EndState::Alive(SpanState::Waiting)));
        assert_eq!(f.min_blocked_ns, 1_500_000_000);
        assert_eq!(f.words, vec!["main.sender".to_string()]);
        assert_eq!(f.error, None);
        assert!(Filter::parse("  ").is_empty());
        assert_eq!(Filter::parse("state:exited").state, Some(EndState::Exited));
    }

    #[test]
    fn reason_phrases_are_reasons_not_words() {
        let f = Filter::parse("Chan Send main.serve");
        assert_eq!(f.reasons, vec!["chan send".to_string()]);
        assert_eq!(f.words, vec!["main.serve".to_string()]);
        // Inside a longer word it is not the phrase.
        assert!(Filter::parse("xchan sendy").reasons.is_empty());
        assert_eq!(Filter::parse("reason:chan_receive").reasons, vec!["chan receive".to_string()]);
    }

    #[test]
    fn malformed_terms_are_errors() {
        for q in ["state:sleeping", "state:", "state:r", "blocked>soon", "blocked<1s", "reason:"] {
            assert!(Filter::parse(q).error.is_some(), "{q}");
        }
        assert!(!Filter::parse("state:sleeping").is_empty());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("250ms"), Some(250_000_000));
        assert_eq!(parse_duration("10us"), Some(10_000));
        assert_eq!(parse_duration("3"), Some(3_000_000));
        assert_eq!(parse_duration("x"), None);
    }
}
