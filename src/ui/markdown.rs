//! "Copy as Markdown": a suspect or a goroutine as a few lines ready for a chat or an issue —
//! counts, state and reason, how long blocked, the creation site, and the stack as a code block
//! in Go's traceback layout (function, then the file:line indented). Headings and labels come
//! from the catalog, so a Chinese window copies Chinese.

use crate::analysis::suspects::{FrameText, Suspect};
use crate::model::{Goroutine, TraceModel};
use crate::tr;
use crate::units;

/// Frames as Go prints them in a traceback, in a fenced block.
fn stack_block(frames: &[FrameText]) -> String {
    let mut out = String::from("```\n");
    for f in frames {
        out.push_str(&f.function);
        out.push('\n');
        out.push_str(&format!("\t{}:{}\n", f.file, f.line));
    }
    out.push_str("```\n");
    out
}

fn frame_inline(f: &FrameText) -> String {
    format!("`{}` {}:{}", f.function, f.file, f.line)
}

/// Ids, the first twenty and how many more.
fn ids_text(ids: &[u64]) -> String {
    let shown: Vec<String> = ids.iter().take(20).map(|id| id.to_string()).collect();
    let more = if ids.len() > 20 {
        format!(", … (+{})", units::count(ids.len() as u64 - 20))
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(", "))
}

pub fn suspect(s: &Suspect) -> String {
    let mut out = format!(
        "### {}\n\n",
        tr!(
            "md-suspect-title",
            rank = s.rank,
            count = units::count(s.count as u64),
            reason = s.reason.clone()
        )
    );
    out.push_str(&format!("- {}: {} ({})\n", tr!("md-state"), s.state, s.reason));
    if let Some((lo, hi)) = s.blocked_ns {
        let t = if lo == hi {
            units::duration(lo)
        } else {
            format!("{} – {}", units::duration(lo), units::duration(hi))
        };
        out.push_str(&format!("- {}: {t}\n", tr!("md-blocked")));
    }
    if let Some((lo, hi)) = s.wait_minutes {
        out.push_str(&format!("- {}: {lo}–{hi} min\n", tr!("md-blocked")));
    }
    if let Some(f) =
        s.blocking_stack.iter().find(|f| !crate::analysis::classify::is_runtime_frame(&f.function))
    {
        out.push_str(&format!("- {}: {}\n", tr!("md-blocked-at"), frame_inline(f)));
    }
    if let Some(c) = &s.created_at {
        out.push_str(&format!("- {}: {}\n", tr!("md-created-at"), frame_inline(c)));
    }
    out.push_str(&format!("- {}: {}\n\n", tr!("md-goroutine-ids"), ids_text(&s.goroutine_ids)));
    out.push_str(&format!("{}:\n\n", tr!("stack-blocking")));
    out.push_str(&stack_block(&s.blocking_stack));
    out
}

/// A trace's goroutine: id, function, its state at the end and the stack of its last span.
pub fn goroutine(m: &TraceModel, g: &Goroutine, stack: &[FrameText], creation: &[FrameText]) -> String {
    let mut out =
        format!("### {}\n\n", tr!("md-goroutine-title", id = g.id, function = m.func_name(g).to_string()));
    if let Some(c) = creation.first() {
        out.push_str(&format!("- {}: {}\n\n", tr!("md-created-at"), frame_inline(c)));
    }
    out.push_str(&format!("{}:\n\n", tr!("stack-plain")));
    out.push_str(&stack_block(stack));
    out
}
