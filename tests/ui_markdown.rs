//! "Copy as Markdown" of a finding and of a goroutine dump's group (issue 13), on real samples
//! and against what their programs planted (`sample-traces/programs/*/expect.json`): the
//! count, reason or state, where it loops or blocks, the creation site, and the stack as a
//! fenced code block in Go's traceback layout.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::ui::{labels, open};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

fn expect(program: &str) -> serde_json::Value {
    let p = sample(&format!("programs/{program}/expect.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// What the last frame put on the clipboard.
fn copied(h: &Harness<'_, GoroscopeApp>) -> String {
    let text = h.output().platform_output.commands.iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(t) => Some(t.clone()),
        _ => None,
    });
    text.expect("nothing copied")
}

/// The lines between the first pair of fences.
fn code_block(lines: &[String]) -> Vec<String> {
    let fence: Vec<usize> = (0..lines.len()).filter(|&i| lines[i] == "```").collect();
    assert_eq!(fence.len(), 2, "{lines:#?}");
    lines[fence[0] + 1..fence[1]].to_vec()
}

#[test]
fn a_spinning_finding_copies_as_markdown_with_its_count_loop_site_and_creator() {
    let exp = &expect("selectspin")["findings"][0];
    let (count, function, file) = (
        exp["count_min"].as_u64().unwrap(),
        exp["function"].as_str().unwrap(),
        exp["file"].as_str().unwrap(),
    );
    // The loop's first and last lines: the site is a line inside.
    let (first, last) = (exp["loop_lines"][0].as_u64().unwrap(), exp["loop_lines"][1].as_u64().unwrap());
    let h = &mut open(sample("go1.27/selectspin.trace"));
    h.get_by_label("Copy finding 1 as Markdown").click();
    h.step();
    let md = copied(h);
    let lines: Vec<String> = md.lines().map(str::to_string).collect();
    assert!(lines[0].starts_with(&format!("### Finding: {count} spinning: running or runnable")), "{md}");
    // The window keeps numbers with their units by no-break spaces; pasted text has plain ones.
    assert!(goroscope::units::duration(1_500).contains('\u{a0}'), "the window's locale");
    assert!(md.contains(" ms") || md.contains(" s") || md.contains(" µs"), "a duration: {md}");
    assert!(!md.contains('\u{a0}'), "{md:?}");
    assert!(lines.contains(&format!("- count: {count}")), "{md}");
    let looping = format!("- looping in: `{function}` ");
    let at_loop = |l: &str| (first..=last).any(|n| l.ends_with(&format!("{file}:{n}")));
    assert!(lines.iter().any(|l| l.starts_with(&looping) && at_loop(l)), "{md}");
    let created = format!("- created at: `{}` ", exp["created_function"].as_str().unwrap());
    let created_at = format!("{file}:{}", exp["created_line"]);
    assert!(lines.iter().any(|l| l.starts_with(&created) && l.ends_with(&created_at)), "{md}");
    let ids = lines.iter().find(|l| l.starts_with("- goroutines: ") && l.contains(',')).expect("the ids");
    assert_eq!(ids.matches(',').count() as u64, count - 1, "{ids}");
    let block = code_block(&lines);
    assert_eq!(block.len(), 2, "{md}");
    assert_eq!(block[0], function);
    assert!(block[1].starts_with('\t') && at_loop(&block[1]), "{md}");
}

#[test]
fn a_dump_group_copies_as_markdown_with_its_count_state_sites_and_printed_stack() {
    let exp = &expect("httpleak")["groups"][0];
    let (count, reason) = (exp["count_min"].as_u64().unwrap(), exp["reason"].as_str().unwrap());
    let blocking = exp["blocking_function"].as_str().unwrap();
    let blocking_at = format!("{}:{}", exp["blocking_file"].as_str().unwrap(), exp["blocking_line"]);
    let h = &mut open(sample("go1.27/httpleak.goroutine-2.txt"));
    // The group's row of the dump table ("Group 1: 50 × chan receive …").
    let row =
        labels(h).into_iter().find(|l| l.starts_with("Group ") && l.contains(&format!("{count} × {reason}")));
    let row = row.unwrap_or_else(|| panic!("no group of {count} × {reason} in {:#?}", labels(h)));
    h.get_by_label(&row).click();
    h.run_steps(3);
    h.get_by_label("Copy group as Markdown").click();
    h.step();
    let md = copied(h);
    let lines: Vec<String> = md.lines().map(str::to_string).collect();
    assert_eq!(lines[0], format!("### Group: {count} × {reason}"), "{md}");
    assert!(lines.iter().any(|l| l.starts_with(&format!("- state: {reason}, "))), "waited minutes: {md}");
    let at = format!("- blocked at: `{blocking}` ");
    assert!(lines.iter().any(|l| l.starts_with(&at) && l.ends_with(&blocking_at)), "{md}");
    let created = format!("- created at: `{}` ", exp["created_function"].as_str().unwrap());
    let created_at =
        format!("{}:{}", exp["created_file"].as_str().unwrap(), exp["created_line_by_version"]["1.27"]);
    assert!(lines.iter().any(|l| l.starts_with(&created) && l.ends_with(&created_at)), "{md}");
    let ids = lines.iter().find(|l| l.starts_with("- goroutines: ")).expect("the ids");
    assert!(ids.contains(", … (+30)"), "50 ids, the first 20 listed: {ids}");
    // Go's traceback layout, arguments included: `function(args)`, then `\tfile:line`.
    let block = code_block(&lines);
    let i = block.iter().position(|l| l.starts_with(&format!("{blocking}("))).expect("the blocking frame");
    assert!(block[i + 1].starts_with('\t') && block[i + 1].ends_with(&blocking_at), "{md}");
    assert!(block.len() >= 8 && block.len().is_multiple_of(2), "{md}");
}
