//! A goroutine that spins calling a method of its own each time round (`for !q.hasWork() {}`,
//! programs/helperspin): the `spinning` finding must say it loops in `main.waitWork`, at a
//! line of its `for` loop (expect.json, from the program's markers), not in the method the
//! scheduler mostly preempted it in (Go 1.21+), which locks, looks and returns. Checked against
//! Go's own records of the same run: the stacks Go's trace reader prints for the spinner's
//! preemptions (`parsed.tsv.gz`) end in the method and pass through the loop's line, and
//! Go's goroutine dump of the same moment (debug=2, Go 1.27) shows the loop's frame at it.

use crate::common;
use common::report_json::{expect_of, report};

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn samples() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|d| d.path().join("helperspin.trace"))
        .filter(|p| p.exists())
        .collect();
    out.sort();
    out
}

/// The `main.*` frames (`function:line`, leaf first) of the stacks Go's reader printed when
/// goroutine `id` went from running to runnable: where the scheduler took the CPU from it.
fn go_preemption_stacks(trace: &Path, id: u64) -> Vec<Vec<String>> {
    let mut text = String::new();
    let tsv = trace.with_extension("parsed.tsv.gz");
    flate2::read::GzDecoder::new(std::fs::File::open(tsv).unwrap()).read_to_string(&mut text).unwrap();
    let prefix = format!("G{id} Running->Runnable");
    text.lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() == 8 && c[0] == "StateTransition" && c[5].starts_with(&prefix))
        .map(|c| c[7].split('|').filter(|f| f.starts_with("main.")).map(str::to_string).collect::<Vec<_>>())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn a_spin_that_calls_a_method_each_time_round_is_placed_at_the_loop() {
    let exp = expect_of("helperspin");
    let want = exp["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "spinning").unwrap();
    let func = want["function"].as_str().unwrap();
    let (first, last) = (want["loop_lines"][0].as_u64().unwrap(), want["loop_lines"][1].as_u64().unwrap());
    let samples = samples();
    assert!(samples.len() >= 3, "helperspin traces of Go 1.19, 1.21 and 1.27: {samples:?}");
    let (mut dumps, mut insides) = (0, 0);
    for t in &samples {
        let name = t.display();
        let rep = report(t);
        let spins: Vec<&Value> =
            rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "spinning").collect();
        assert_eq!(spins.len(), 1, "{name}: {spins:?}");
        let s = spins[0];
        assert_eq!(s["function"], func, "{name}: {s}");
        let line = s["line"].as_u64().unwrap();
        assert!((first..=last).contains(&line), "{name}: line {line} outside the loop {first}..={last}");
        assert_eq!(s["created_at"]["line"], want["created_line"], "{name}: {s}");
        let id = s["goroutine_ids"][0].as_u64().unwrap();

        // Go's reader: nearly all the preemption stacks that reach the loop's function pass
        // through the line we name.
        let stacks = go_preemption_stacks(t, id);
        assert!(stacks.len() >= 10, "{name}: {} named preemption stacks of G{id}", stacks.len());
        let at = format!("{func}:{line}");
        let reached: Vec<&Vec<String>> =
            stacks.iter().filter(|s| s.len() > 1 || s[0].starts_with(func)).collect();
        let through = reached.iter().filter(|s| s.contains(&at)).count();
        assert!(10 * through >= 9 * reached.len(), "{name}: {through} of {} stacks pass {at}", reached.len());
        // Where it names the callee (Go 1.21+ record the preemptions inside the method; Go
        // 1.19's old format mostly at the loop's own line), it is the one Go's stacks end in.
        if let Some(inside) = s.get("inside") {
            insides += 1;
            let callee = inside["function"].as_str().unwrap();
            assert_ne!(callee, func, "{name}: {s}");
            let ends = stacks.iter().filter(|s| s[0].split(':').next() == Some(callee)).count();
            assert!(2 * ends > stacks.len(), "{name}: {ends} of {} stacks end in {callee}", stacks.len());
        }

        // Go's dump of the same moment, where the release wrote one.
        let dump = t.with_extension("goroutine-2.txt");
        if let Ok(text) = std::fs::read_to_string(&dump) {
            dumps += 1;
            let record = text
                .split("\n\n")
                .find(|r| r.starts_with(&format!("goroutine {id} ")))
                .unwrap_or_else(|| panic!("{name}: goroutine {id} not in Go's dump"));
            let frame = format!("\n{func}(");
            let after = &record[record.find(&frame).unwrap_or_else(|| panic!("{name}: {record}"))..];
            let file_line = after.lines().nth(2).unwrap_or("").trim().split(" +0x").next().unwrap_or("");
            assert!(file_line.ends_with(&format!("helperspin/main.go:{line}")), "{name}: {record}");
        }
    }
    assert!(dumps >= 1, "Go 1.27's dump of helperspin");
    assert!(insides >= 2, "Go 1.21's and 1.27's traces, preempted inside the method: {insides}");
}
