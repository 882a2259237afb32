//! The goroutine filter: a query over id, function, state, creation site and minimum blocked
//! time. Words are ANDed: a number matches a goroutine id, `state:waiting` (or `running`,
//! `runnable`, `syscall`) the state at the end, `blocked>1s` the final wait's length, and
//! any other word a substring of the entry function, a frame of the creation site or of the
//! final blocking stack.

use crate::model::{Goroutine, SpanState, TraceModel};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub ids: Vec<u64>,
    pub state: Option<SpanState>,
    pub min_blocked_ns: i64,
    pub words: Vec<String>,
}

impl Filter {
    /// Parses the filter box; unknown syntax falls back to substring words.
    pub fn parse(text: &str) -> Filter {
        let mut f = Filter::default();
        for w in text.split_whitespace() {
            let lower = w.to_lowercase();
            if let Ok(id) = w.trim_start_matches(['g', 'G']).parse::<u64>() {
                f.ids.push(id);
            } else if let Some(s) = lower.strip_prefix("state:") {
                f.state = [SpanState::Running, SpanState::Runnable, SpanState::Waiting, SpanState::Syscall]
                    .into_iter()
                    .find(|st| st.name().starts_with(s));
            } else if let Some(d) = lower.strip_prefix("blocked>").and_then(parse_duration) {
                f.min_blocked_ns = d;
            } else {
                f.words.push(lower);
            }
        }
        f
    }

    pub fn is_empty(&self) -> bool {
        self == &Filter::default()
    }

    pub fn matches(&self, m: &TraceModel, g: &Goroutine) -> bool {
        if !self.ids.is_empty() && !self.ids.contains(&g.id) {
            return false;
        }
        let last = g.last_span().map(|(_, s)| *s);
        if let Some(st) = self.state
            && last.map(|s| s.state()) != Some(st)
        {
            return false;
        }
        if self.min_blocked_ns > 0 {
            let blocked = match last {
                Some(s) if s.state() == SpanState::Waiting => {
                    g.end_ns.unwrap_or(m.duration_ns) - s.start_ns()
                }
                _ => 0,
            };
            if blocked < self.min_blocked_ns {
                return false;
            }
        }
        self.words.iter().all(|w| {
            let hit = |s: &str| s.to_lowercase().contains(w.as_str());
            hit(m.func_name(g))
                || m.stacks.frames(g.creation_stack).iter().take(1).any(|f| {
                    hit(m.strings.get(f.func)) || hit(&format!("{}:{}", m.strings.get(f.file), f.line))
                })
                || last.is_some_and(|s| m.stacks.frames(s.stack).iter().any(|f| hit(m.strings.get(f.func))))
                || hit(m.reason(last.map_or(0, |s| s.reason())))
        })
    }
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
        assert_eq!(f.state, Some(SpanState::Waiting));
        assert_eq!(f.min_blocked_ns, 1_500_000_000);
        assert_eq!(f.words, vec!["main.sender".to_string()]);
        assert!(Filter::parse("  ").is_empty());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("250ms"), Some(250_000_000));
        assert_eq!(parse_duration("10us"), Some(10_000));
        assert_eq!(parse_duration("3"), Some(3_000_000));
        assert_eq!(parse_duration("x"), None);
    }
}
