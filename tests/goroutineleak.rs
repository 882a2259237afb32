//! Go's own leak detector (issue 12): the goroutineleak profile of programs/goleak, written
//! by Go 1.27 and by Go 1.26 built with GOEXPERIMENT=goroutineleakprofile, in its three forms
//! (debug=0 protobuf, debug=1 text, debug=2 dump with "(leaked)" states), reads as goroutine
//! groups whose planted group is a suspect "confirmed by the runtime", ranked first; the
//! goroutines blocked on a reachable channel are not.

use std::path::Path;

use serde_json::Value;

fn report(path: &Path) -> Value {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: true, fail_on_leaks: true };
    let code = goroscope::report::run(&[path.to_path_buf()], &opts, &mut out, &mut err);
    assert_eq!(code, 1, "{}: --fail-on-leaks: {}", path.display(), String::from_utf8_lossy(&err));
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn leak_profiles_in_three_forms_give_the_planted_group() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let exp: Value =
        serde_json::from_slice(&std::fs::read(root.join("programs/goleak/expect.json")).unwrap()).unwrap();
    let g = &exp["groups"][0];
    let mut checked = 0;
    for v in ["go1.26", "go1.27"] {
        for form in ["goroutineleak.pb.gz", "goroutineleak-1.txt", "goroutineleak-2.txt"] {
            let path = root.join(v).join(format!("goleak.{form}"));
            let j = report(&path);
            let name = path.display();
            let s = j["suspects"].as_array().unwrap();
            assert_eq!(s.len(), 1, "{name}: only the leak, not the watchers of a reachable channel: {s:?}");
            let s = &s[0];
            assert_eq!(
                (s["rank"].as_u64(), s["count"].as_u64()),
                (Some(1), g["count_min"].as_u64()),
                "{name}"
            );
            assert_eq!(s["confirmed_by_runtime"], true, "{name}");
            assert_eq!(s["state"], "leaked", "{name}");
            let at = s["blocking_stack"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["function"] == g["blocking_function"] && f["line"] == g["blocking_line"]);
            assert!(at, "{name}: {s}");
            if form.ends_with("-2.txt") {
                // The dump names the wait and the go statement, and holds the others too.
                assert_eq!(s["reason"], g["reason"], "{name}");
                assert_eq!(s["created_at"]["line"], g["created_line"], "{name}");
                assert!(j["goroutines"]["total"].as_u64().unwrap() > 25 + 3, "{name}");
            }
            if form.ends_with(".pb.gz") {
                assert_eq!(s["reason"], g["reason"], "{name}: from the runtime frames");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 6);
}
