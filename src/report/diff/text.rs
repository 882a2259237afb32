//! `goroscope diff` as a table for a terminal or a CI log: the files, then one row per group
//! (or function), biggest change first. Names from the files are printed with control
//! characters escaped, so a crafted dump cannot move the cursor or forge lines.

use std::fmt::Write;

use super::Diff;
use crate::analysis::FrameText;
use crate::analysis::classify::{is_runtime_frame, is_std_func};
use crate::analysis::group_diff::GroupChange;
use crate::analysis::profile_diff::{DiffTop, HeapVerdict, heap_verdict, levelled_off};
use crate::report::terminal::safe;
use crate::units;

/// Rows shown; the JSON has them all.
const MAX_ROWS: usize = 40;

/// A name from a file with its control characters escaped.
fn clean(s: &str) -> String {
    safe(s).into_owned()
}

fn signed(n: i64) -> String {
    let sign = if n < 0 {
        "-"
    } else if n > 0 {
        "+"
    } else {
        ""
    };
    format!("{sign}{}", units::count(n.unsigned_abs()))
}

fn unsigned(n: i64) -> String {
    if n < 0 { format!("-{}", units::count(n.unsigned_abs())) } else { units::count(n.unsigned_abs()) }
}

fn frame(f: &FrameText) -> String {
    match f.is_not_traced() {
        true => format!("somewhere in {} (no stack in this trace format)", clean(&f.function)),
        false => format!("{} {}:{}", clean(&f.function), clean(&f.file), f.line),
    }
}

/// Where the user's code blocked: the innermost frame outside Go's standard library, else
/// outside the runtime, else the leaf (as the report's suspects show it).
fn blocked_at(stack: &[FrameText]) -> String {
    stack
        .iter()
        .find(|f| !is_std_func(&f.function))
        .or_else(|| stack.iter().find(|f| !is_runtime_frame(&f.function)))
        .or(stack.first())
        .map_or_else(|| "(no stack)".to_string(), frame)
}

/// Rows of cells printed in columns padded to their widest cell.
pub(super) fn table(o: &mut String, rows: &[Vec<String>], right: &[bool]) {
    let mut widths = vec![0; rows.first().map_or(0, Vec::len)];
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    for r in rows {
        let mut line = String::from(" ");
        for (i, (c, w)) in r.iter().zip(&widths).enumerate() {
            let pad = w - c.chars().count();
            line.push(' ');
            if right.get(i) == Some(&true) {
                line.push_str(&" ".repeat(pad));
                line.push_str(c);
            } else {
                line.push_str(c);
                line.push_str(&" ".repeat(pad));
            }
        }
        let _ = writeln!(o, "{}", line.trim_end());
    }
}

/// How long the group's members had waited in the last file that says, in Go's words
/// (`, 2 minutes`), when a minute or more: a group the same in every file is then stuck.
fn minutes(g: &GroupChange) -> String {
    match g.wait_minutes.iter().rev().flatten().next() {
        Some(&(lo, hi)) if hi >= 1 && lo == hi => format!(", {hi} minutes"),
        Some(&(lo, hi)) if hi >= 1 => format!(", {lo}-{hi} minutes"),
        _ => String::new(),
    }
}

fn groups_text(o: &mut String, groups: &[GroupChange], series: bool) {
    let changed = groups.iter().filter(|g| g.delta != 0).count();
    let _ = writeln!(o, "  {} goroutine groups, {changed} changed", units::count(groups.len() as u64));
    let mut rows = vec![
        ["change", "delta", "counts", "state [reason]", "where", "created at"].map(String::from).to_vec(),
    ];
    for g in groups.iter().take(MAX_ROWS) {
        let change = if g.churn {
            format!("{} (churn)", g.change.word())
        } else if g.moved {
            format!("{} (moved)", g.change.word())
        } else if g.once {
            format!("{} (once)", g.change.word())
        } else if series && g.growing {
            format!("{} (growing)", g.change.word())
        } else {
            g.change.word().into()
        };
        let counts: Vec<String> = g.counts.iter().map(|&c| units::count(c as u64)).collect();
        let state = if g.reason.is_empty() {
            clean(&g.state)
        } else {
            format!("{} [{}{}]", clean(&g.state), clean(&g.reason), minutes(g))
        };
        rows.push(vec![
            change,
            signed(g.delta),
            counts.join(" → "),
            state,
            blocked_at(&g.blocking_stack),
            g.created_at.as_ref().map_or_else(|| "-".to_string(), frame),
        ]);
    }
    table(o, &rows, &[false, true, false, false, false, false]);
    if groups.len() > MAX_ROWS {
        let _ = writeln!(o, "  ... {} more groups (see --json)", groups.len() - MAX_ROWS);
    }
    if groups.iter().any(|g| g.moved) {
        let _ = writeln!(
            o,
            "  moved: every goroutine the group gained was in the first file already, in another \
             group (same id, same creation site): goroutines changing state, none made, not growth"
        );
    }
    if groups.iter().any(|g| g.once) {
        let _ = writeln!(
            o,
            "  once: rose in one step of the series only, by fewer than 10: a goroutine caught at \
             one moment (a request in flight, a keep-alive connection); a leak keeps what it takes \
             and rises again, so not growth"
        );
    }
    if groups.iter().any(|g| g.churn && g.delta != 0) {
        let _ = writeln!(
            o,
            "  churn: goroutines that come and go (no goroutine id in two files in a row); their \
             count moves by chance, not growth"
        );
    }
}

fn profile_text(o: &mut String, p: &DiffTop) {
    let totals: Vec<String> = p.totals.iter().map(|&t| unsigned(t)).collect();
    let delta = p.totals.last().copied().unwrap_or(0).wrapping_sub(p.totals.first().copied().unwrap_or(0));
    let _ = writeln!(
        o,
        "  {} ({}), last minus first as `go tool pprof -diff_base`: total {} ({})",
        clean(&p.sample_type),
        clean(&p.unit),
        totals.join(" → "),
        signed(delta)
    );
    let mut rows = vec![
        ["flat before", "flat after", "flat delta", "cum before", "cum after", "cum delta", "function"]
            .map(String::from)
            .to_vec(),
    ];
    for e in p.entries.iter().take(MAX_ROWS) {
        let ((fb, cb), (fa, ca)) = (e.before(), e.after());
        rows.push(vec![
            unsigned(fb),
            unsigned(fa),
            signed(e.flat_delta),
            unsigned(cb),
            unsigned(ca),
            signed(e.cum_delta),
            clean(&e.name),
        ]);
    }
    table(o, &rows, &[true, true, true, true, true, true, false]);
    if p.entries.len() > MAX_ROWS {
        let _ = writeln!(o, "  ... {} more functions (see --json)", p.entries.len() - MAX_ROWS);
    }
    if let Some(g) = &p.grew_most {
        let inside =
            g.allocated_in.as_ref().map(|a| format!(", allocated in {}", frame(a))).unwrap_or_default();
        let _ = writeln!(
            o,
            "  grew most at {}: {} ({} → {}){inside}",
            frame(&g.at),
            signed(g.after.saturating_sub(g.before)),
            unsigned(g.before),
            unsigned(g.after)
        );
    }
    if let Some(HeapVerdict::WithinScatter { bar }) = heap_verdict(p) {
        let every = if p.sample_type.ends_with("_space") && p.period > 0 {
            format!(", one sample every {} allocated", units::bytes(p.period as u64))
        } else {
            String::new()
        };
        let _ = writeln!(
            o,
            "  within the sampling's scatter: {} is no more than the sampling alone can change it ({}: three standard \
             deviations of a heap profile's estimate{every}, or a hundredth of the heap), so not growth for \
             --fail-on-growth; more profiles over a longer time, or a lower runtime.MemProfileRate, would tell",
            signed(delta),
            unsigned(bar),
        );
    }
    if let Some((step, mean)) = levelled_off(&p.totals).filter(|_| p.sample_type.starts_with("inuse_")) {
        let n = p.totals.len();
        let _ = writeln!(
            o,
            "  levelled off: [{}] → [{n}] {}, against {} a step on average over the series: growth that stopped, \
             not a leak",
            n - 1,
            signed(step),
            signed(mean)
        );
    }
}

pub fn diff_text(d: &Diff) -> String {
    let mut o = String::new();
    let what = if d.files.len() == 2 { "before and after" } else { "a series, in order" };
    let _ = writeln!(o, "goroscope diff of {} files ({what}):", d.files.len());
    for (i, f) in d.files.iter().enumerate() {
        let _ = writeln!(o, "  [{}] {}", i + 1, clean(&f.display().to_string()));
    }
    if let Some(g) = &d.groups {
        groups_text(&mut o, g, d.files.len() > 2);
    }
    if let Some(p) = &d.profile {
        profile_text(&mut o, p);
    }
    if let Some(m) = &d.memory {
        super::memory::memory_text(&mut o, m);
    }
    for w in &d.warnings {
        let _ = writeln!(o, "  warning: {}", clean(w));
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::group_diff::{GoroutineGroup, diff_groups};

    #[test]
    fn names_from_files_cannot_drive_the_terminal() {
        let frame = |function: &str| FrameText { function: function.into(), file: "x.go".into(), line: 3 };
        let g = GoroutineGroup {
            state: "waiting".into(),
            reason: "chan send\r  #1 forged".into(),
            blocking_stack: vec![frame("main.\u{1b}[2Jevil")],
            created_at: Some(frame("main.main")),
            goroutine_ids: vec![7],
            count: 1,
            wait_minutes: None,
        };
        let d = Diff {
            files: vec!["a\u{1b}.txt".into(), "b.txt".into()],
            snapshot_ns: vec![None, None],
            groups: Some(diff_groups(&[vec![], vec![g]])),
            profile: None,
            memory: None,
            warnings: vec![],
        };
        let text = diff_text(&d);
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
        assert!(text.contains("main.\\u{1b}[2Jevil x.go:3") && text.contains("a\\u{1b}.txt"), "{text}");
        // One header and one row, aligned: the delta column ends at the same place.
        let rows: Vec<&str> = text.lines().filter(|l| l.contains("main.") || l.contains("delta")).collect();
        assert_eq!(rows.len(), 2, "{text}");
        assert_eq!(rows[0].find("delta").map(|i| i + 5), rows[1].find("+1").map(|i| i + 2), "{text}");
    }
}
