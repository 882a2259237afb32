//! Goroutines grouped by their `go` statement, checked against what each sample program did
//! (its expect.json): the planted goroutines all land in the group of the `go` statement the
//! program names, and at least as many of them as the program guarantees end the trace
//! waiting for the reason it names.

use crate::common;
use common::report_json::expect_for;

use goroscope::analysis::classify::wait_family;
use goroscope::analysis::creation_groups;
use goroscope::load::{Progress, load_trace};
use goroscope::model::SpanState;

#[test]
fn planted_goroutines_group_at_their_go_statement() {
    let (mut checked, mut leakgrow) = (0, 0);
    for trace in common::all_traces() {
        let exp = expect_for(&trace);
        let dir = trace.parent().and_then(|d| d.file_name()).and_then(|d| d.to_str()).unwrap_or("");
        let version = dir.trim_start_matches("go");
        let m = load_trace(&std::fs::read(&trace).unwrap(), &Progress::default()).unwrap();
        let (groups, group_of) = creation_groups(&m);
        assert_eq!(group_of.len(), m.goroutines.len());
        for (gi, grp) in groups.iter().enumerate() {
            assert!(grp.members.iter().all(|&g| group_of[g as usize] == gi as u32), "{}", trace.display());
        }
        for g in exp["groups"].as_array().unwrap() {
            let line =
                g.get("created_line_by_version").and_then(|r| r.get(version)).unwrap_or(&g["created_line"]);
            let (func, file) = (g["created_function"].as_str().unwrap(), g["created_file"].as_str().unwrap());
            // The alive group of that `go` statement; its exited twin is a group of its own.
            let grp = groups.iter().find(|c| {
                !c.exited
                    && c.site.is_some_and(|f| {
                        m.strings.get(f.func) == func
                            && m.strings.get(f.file).ends_with(file)
                            && Some(u64::from(f.line)) == line.as_u64()
                    })
            });
            let Some(grp) = grp else {
                panic!("{}: no group created at {func} {file}:{line}", trace.display());
            };
            assert!(
                grp.members.iter().all(|&i| m.goroutines[i as usize].end_ns().is_none()),
                "{}",
                trace.display()
            );
            if exp["program"] == "leakgrow" {
                // The 1200 handlers that returned, from the same `go` statement, apart.
                let twin =
                    groups.iter().find(|c| c.exited && c.site == grp.site).expect("the exited handlers");
                assert_eq!((twin.members.len(), grp.members.len()), (1200, 1200), "{}", trace.display());
                leakgrow += 1;
            }
            let reason = g.get("reason_by_version").and_then(|r| r.get(version)).unwrap_or(&g["reason"]);
            let family = wait_family(reason.as_str().unwrap());
            let waiting = grp
                .members
                .iter()
                .filter_map(|&i| m.goroutines[i as usize].last_span())
                .filter(|(_, s)| {
                    s.state() == SpanState::Waiting && wait_family(m.reason(s.reason())) == family
                })
                .count() as u64;
            let min = g["count_min"].as_u64().unwrap();
            assert!(
                waiting >= min,
                "{}: {waiting} members of {func}:{line} end waiting ({reason}), the program leaves {min}",
                trace.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} planted groups checked");
    // Go 1.19, 1.21, 1.22, 1.27: Go 1.23–1.26 keep no leakgrow sample (room under 30 MB).
    assert!(leakgrow >= 4, "leakgrow checked on {leakgrow} releases");
}
