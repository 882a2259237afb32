//! A generic fan-out's leak (`sample-traces/programs/services/generics`, Go 1.21 and 1.27,
//! by `generate-services.sh`): 40 senders, 20 of each of two instantiations. Go's traceback
//! prints them as one function, `main.Scatter[...].func1`; its goroutine profile names each
//! instantiation (`[go.shape.int]`, `[go.shape.string]`). Every form of the same moment is
//! one group of 40 to `goroscope diff`, as Go's dump counts them.

use crate::common;
use common::services::{records, runs};

use goroscope::analysis::group_diff::{Change, diff_groups};
use goroscope::load::{Progress, load_file};

#[test]
fn a_generic_functions_instantiations_are_one_group_across_forms() {
    let mut checked = 0;
    for (minor, dir) in runs("generics", &["1.21", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("generics.goroutine-2.txt")).unwrap();
        let senders = records(&dump, "chan send", "main.Scatter[...].func1").len();
        assert_eq!(senders, 40, "{minor}: Go's dump");
        let groups = |f: &str| {
            let l = load_file(&dir.join(f), &Progress::default()).unwrap_or_else(|e| panic!("{e}"));
            l.goroutine_groups().unwrap_or_else(|| panic!("{minor}/{f}: no goroutine groups"))
        };
        let base = groups("generics.goroutine-2.txt");
        for other in ["generics.goroutine.pb.gz", "generics.goroutine-1.txt", "generics.trace"] {
            let rows = diff_groups(&[base.clone(), groups(other)]);
            let sends: Vec<_> = rows.iter().filter(|r| r.reason == "chan send").collect();
            assert_eq!(sends.len(), 1, "{minor}/{other}: one group: {sends:#?}");
            assert_eq!(
                (sends[0].change, &sends[0].counts[..]),
                (Change::Same, &[senders, senders][..]),
                "{minor}/{other}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 6, "expected generics of Go 1.21 and 1.27");
}
