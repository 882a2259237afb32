//! Every integration test, in one test binary. Each `tests/*.rs` is a module of it, declared
//! below (`autotests = false` in Cargo.toml). As 99 binaries of their own, each linked egui
//! and wgpu (~100 MB apiece) and `cargo test` ran them one after another, a core idle while
//! a single slow test ran; as one, they link once and run side by side on every core.
//! `cargo test --test suite MODULE::` runs one file's tests.

mod common;

mod capture_bad;
mod capture_live;
mod catalog_fields;
mod cli;
mod cli_args;
mod cli_terminal;
mod creation_groups;
mod diff_builds;
mod diff_cli;
mod diff_grew_most;
mod diff_groups;
mod diff_heap_verdict;
mod diff_memory;
mod diff_once;
mod diff_pprof;
mod dump_broken;
mod dump_cgo_wait;
mod dump_crash;
mod dump_cut_verdict;
mod dump_deadlock;
mod dump_formats;
mod dump_labels;
mod dump_leak_marks;
mod dump_lock_cycle;
mod dump_not_judged;
mod dump_races;
mod dump_same_leak;
mod dump_samples;
mod dump_stalemate;
mod dump_wait_words;
mod end_states;
mod expectations;
mod filter_samples;
mod findings_heap;
mod findings_spin_call;
mod findings_spinning;
mod fuzz_regressions;
mod gctrace;
mod goroutineleak;
mod hostile_costs;
mod hostile_lengths;
mod memory_bound;
mod memory_gc_off;
mod memory_log_broken;
mod memstats_expvar;
mod pprof_broken;
mod pprof_list;
mod pprof_peek;
mod pprof_tags;
mod pprof_text;
mod pprof_top;
mod pprof_views;
mod proc_lanes;
mod screenshot_cli;
mod services_at_rest;
mod services_background;
mod services_backlog;
mod services_body_leak;
mod services_bounded_cache;
mod services_busy_pool;
mod services_child_wait;
mod services_compare;
mod services_conn_pool;
mod services_context_watch;
mod services_coroutine;
mod services_dns;
mod services_exec_wait;
mod services_finalizer;
mod services_flock;
mod services_gc_floors;
mod services_gc_thrashing;
mod services_generics;
mod services_goroutine_pile;
mod services_heap_retention;
mod services_heap_steps;
mod services_http2_idle;
mod services_http_wait;
mod services_init_pool;
mod services_library_leak;
mod services_listeners;
mod services_lock_contention;
mod services_lock_cycle;
mod services_lock_holder;
mod services_lockleft;
mod services_main_wait;
mod services_nil_channel;
mod services_old_leak;
mod services_oncereenter;
mod services_parked;
mod services_pipe_queue;
mod services_prometheus;
mod services_proxy_hang;
mod services_quiet_main;
mod services_relock;
mod services_signal_wait;
mod services_sleepers;
mod services_stalled_read;
mod services_stalled_write;
mod services_stdlib;
mod services_stuck_broker;
mod services_synctest;
mod services_table_leak;
mod services_test_hang;
mod services_testchild;
mod services_testretry;
mod services_tick_poll;
mod services_timer_callbacks;
mod services_tls_stall;
mod services_transport;
mod services_wait_group;
mod services_waits;
mod suspects_piling;
mod text_variants;
mod trace_broken;
mod trace_counts;
mod trace_cut_boundaries;
mod trace_cut_suspects;
mod trace_damaged_tables;
mod trace_digest;
mod trace_many_lives;
mod trace_midlife;
mod trace_runtime_count;
mod trace_stream;
mod trace_v1_broken;
mod trace_wakeups;
mod ui_app;
mod ui_capture;
mod ui_capture_trace;
mod ui_cgo_wait;
mod ui_compare;
mod ui_cut_trace;
mod ui_dump_inspector;
mod ui_dump_selected;
mod ui_errors;
mod ui_findings;
mod ui_group_labels;
mod ui_group_pprof_labels;
mod ui_i18n;
mod ui_inspector_verdict;
mod ui_markdown;
mod ui_not_judged;
mod ui_order_errors;
mod ui_pile_notes;
mod ui_pprof;
mod ui_pprof_butterfly;
mod ui_pprof_labels;
mod ui_pprof_source;
mod ui_present_fit;
mod ui_progressive;
mod ui_races;
mod ui_scripts;
mod ui_session_fixtures;
mod ui_session_panes;
mod ui_sharing;
mod ui_snapshot;
mod ui_suspect_notes;
mod ui_views;
mod ui_wakeups;
mod ui_warnings;

/// A test file not declared above would never be compiled: none may be left out.
#[test]
fn every_test_file_is_a_module_of_the_suite() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let suite = include_str!("suite.rs");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(module) = name.strip_suffix(".rs") else { continue };
        if module == "suite" {
            continue;
        }
        files += 1;
        assert!(
            suite.contains(&format!("\nmod {module};\n")),
            "tests/{name} is not declared in tests/suite.rs"
        );
    }
    assert!(files >= 90, "only {files} test files found in {}", dir.display());
}
