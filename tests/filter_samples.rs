//! The goroutine filter on real traces (issue 12): a wait reason typed in Go's words matches
//! the reason of the wait a goroutine ends in, never a file path that happens to hold the
//! words; `state:exited` and `state:running` split what exited from what runs; a malformed
//! term is an error that matches nothing rather than everything.

use std::path::Path;

use goroscope::analysis::filter::Filter;
use goroscope::model::{SpanState, TraceModel};

fn model(rel: &str) -> TraceModel {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel);
    goroscope::load::load_file(&p, &Default::default()).unwrap().trace.unwrap()
}

fn count(m: &TraceModel, q: &str) -> usize {
    let f = Filter::parse(q);
    m.goroutines.iter().filter(|g| f.matches(m, g)).count()
}

#[test]
fn reasons_states_and_errors_on_samples() {
    let mut checked = 0;
    for v in ["1.21", "1.22", "1.27"] {
        // leakgrow: 1200 handlers end in chan send, 1200 from the same go statement returned.
        let m = model(&format!("go{v}/leakgrow.trace"));
        assert_eq!(count(&m, "chan send"), 1200, "go{v}");
        assert_eq!(count(&m, "chan send main.serve"), 1200, "go{v}");
        assert_eq!(count(&m, "state:exited main.serve"), 1200, "go{v}");
        assert_eq!(count(&m, "state:waiting main.serve"), 1200, "go{v}");
        let running = m.goroutines.iter().filter(|g| g.state_at_end() == Some(SpanState::Running)).count();
        assert_eq!(count(&m, "state:running"), running, "go{v}");
        assert!(running <= 2, "go{v}: GOMAXPROCS=2, {running} running");
        // chansend_fixed: its 2000 senders were created in chansend_fixed/main.go, sent and
        // exited: "chan send" as a reason matches none of them (as words it matched the path).
        let m = model(&format!("go{v}/chansend_fixed.trace"));
        assert_eq!(count(&m, "chan send"), 0, "go{v}");
        assert!(count(&m, "chansend") >= 2000, "go{v}: the word still finds the file");
        // A malformed query matches nothing and says why.
        for q in ["state:sleeping", "blocked>soon"] {
            assert!(Filter::parse(q).error.is_some(), "{q}");
            assert_eq!(count(&m, q), 0, "go{v} {q}");
        }
        checked += 1;
    }
    assert_eq!(checked, 3);
}
