//! The window in two languages: the catalogs are complete and really translated, switching
//! to Simplified Chinese changes menus, panels and the suspects panel and leaves no English
//! label behind, switching back restores English; the 国际化 sample's Chinese and Japanese
//! strings reach the labels.
#![cfg(feature = "gui")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use goroscope::i18n::{self, Catalog, LANGUAGES};

use crate::common;
use common::ui::{labels, open};

/// Messages whose Chinese text is the English one on purpose: Go's own words and symbols.
const SAME_IN_EVERY_LANGUAGE: &[&str] = &["inspector-log"];

fn sample(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(dir).join(name)
}

/// Every message of a language, formatted with no arguments (placeables show as `{$x}`).
fn messages(lang: &'static i18n::Language) -> BTreeMap<String, String> {
    let c = Catalog::new(lang);
    c.keys().into_iter().map(|k| (k.clone(), c.text(&k, None))).collect()
}

#[test]
fn every_catalog_parses_and_has_every_key() {
    let en = messages(&LANGUAGES[0]);
    assert!(en.len() > 150, "the English catalog has {} messages", en.len());
    for lang in LANGUAGES {
        assert_eq!(i18n::parse_errors(lang), Vec::<String>::new(), "{} does not parse", lang.id);
        let keys: BTreeSet<String> = messages(lang).into_keys().collect();
        let want: BTreeSet<String> = en.keys().cloned().collect();
        assert_eq!(
            keys.difference(&want).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "{}: unknown keys",
            lang.id
        );
        assert_eq!(
            want.difference(&keys).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "{}: missing keys",
            lang.id
        );
    }
}

#[test]
fn every_key_the_code_uses_is_in_the_catalog() {
    let en = messages(&LANGUAGES[0]);
    let mut missing = Vec::new();
    for p in common::rust_files("src/ui") {
        let text = std::fs::read_to_string(&p).unwrap();
        for pat in ["tr!(\"", "tr!(\n", "text(\"", "text: \"", "help: \""] {
            for (i, _) in text.match_indices(pat) {
                let rest = text[i + pat.len()..].trim_start().trim_start_matches('"');
                let key: String =
                    rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
                if key.contains('-') && !en.contains_key(&key) {
                    missing.push(format!("{}: {key}", p.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "keys used in the code but not in en.ftl: {missing:#?}");
}

#[test]
fn chinese_is_translated_except_go_terms() {
    let en = messages(&LANGUAGES[0]);
    let zh = messages(i18n::negotiate("zh-CN").expect("a Chinese catalog"));
    let same: Vec<&String> = zh
        .iter()
        .filter(|(k, v)| en.get(*k) == Some(v) && !SAME_IN_EVERY_LANGUAGE.contains(&k.as_str()))
        .map(|(k, _)| k)
        .collect();
    assert!(same.is_empty(), "untranslated Chinese messages: {same:?}");
}

#[test]
fn locale_tags_pick_the_language() {
    assert_eq!(i18n::negotiate("zh_CN.UTF-8").map(|l| l.id), Some("zh-CN"));
    assert_eq!(i18n::negotiate("zh-Hans").map(|l| l.id), Some("zh-CN"));
    assert_eq!(i18n::negotiate("en_US.UTF-8").map(|l| l.id), Some("en"));
    assert_eq!(i18n::negotiate("de_DE").map(|l| l.id), None);
    assert_eq!(i18n::language_for(Some("zh-CN")).id, "zh-CN");
}

#[test]
fn switching_to_chinese_and_back() {
    let h = &mut open(sample("go1.27", "chansend.trace"));
    h.state_mut().set_language(Some("en".into()));
    h.run_steps(2);
    h.get_by_label_contains("× chan send").click();
    h.run_steps(3);
    for english in
        ["File", "View", "Settings", "Help", "Filter", "Suspects (1)", "Blocking stack", "Creation site"]
    {
        assert!(h.query_by_label(english).is_some(), "no {english:?} in {:#?}", labels(h));
    }
    // Settings > 简体中文: the language's own name, the same in every language.
    h.get_by_label("Settings").click();
    h.run_steps(2);
    h.get_by_label("简体中文").click();
    h.run_steps(3);
    for chinese in ["文件", "视图", "设置", "帮助", "过滤", "嫌疑分组（1）", "阻塞栈", "创建位置"]
    {
        assert!(h.query_by_label(chinese).is_some(), "no {chinese:?} in {:#?}", labels(h));
    }
    let entry = labels(h).into_iter().find(|l| l.contains("× chan send")).expect("the suspect");
    assert!(entry.contains("阻塞") && entry.contains("创建于"), "suspect entry not in Chinese: {entry:?}");
    // No label of the Chinese window is an English message (Go's words excepted).
    let en = messages(&LANGUAGES[0]);
    let zh = messages(&LANGUAGES[1]);
    let english: BTreeSet<&String> =
        en.iter().filter(|(k, v)| zh.get(*k) != Some(v) && !v.contains('{')).map(|(_, v)| v).collect();
    let left: Vec<String> = labels(h).into_iter().filter(|l| english.contains(l)).collect();
    assert!(left.is_empty(), "English labels in the Chinese window: {left:?}");
    // And back.
    h.get_by_label("设置").click();
    h.run_steps(2);
    h.get_by_label("English").click();
    h.run_steps(3);
    for english in ["File", "Settings", "Suspects (1)", "Blocking stack"] {
        assert!(h.query_by_label(english).is_some(), "no {english:?} after switching back: {:#?}", labels(h));
    }
}

#[test]
fn chinese_and_japanese_strings_of_the_sample_reach_the_window() {
    let h = &mut open(sample("go1.27", "国际化.trace"));
    h.state_mut().set_language(Some("zh-CN".into()));
    h.get_by_label_contains("× chan receive").click();
    h.run_steps(3);
    let all = labels(h);
    for want in [
        "main.等待银行回复 samples/国际化/main.go:28",
        "main.处理订单 samples/国际化/main.go:45",
        "区域“等待银行回复”",
        "属于任务“处理订单”",
        "[支付] 订单",
    ] {
        assert!(all.iter().any(|l| l.contains(want)), "no {want:?} in {all:#?}");
    }
}

/// Every English message with each of its values one: no "1 cycles". Counts select a plural
/// form on `$n`. The readers' warnings and errors are left out: many of their values are
/// limits or sizes that are never one; their counts choose on `$NAME-n` as the report's
/// English does (tests/ui_warnings.rs, tests/ui_errors.rs).
#[test]
fn a_count_of_one_reads_singular_in_english() {
    let en = &LANGUAGES[0];
    let mut names: Vec<&str> =
        en.source.split("{ $").skip(1).filter_map(|s| s.split([' ', '}']).next()).collect();
    names.sort_unstable();
    names.dedup();
    assert!(names.len() > 30 && names.contains(&"n"), "variables {names:?}");
    let ones: Vec<(&str, i18n::FluentValue<'_>)> =
        names.iter().map(|&n| (n, i18n::FluentValue::from(1))).collect();
    i18n::set_language(en);
    let mut checked = 0;
    let mut plural = Vec::new();
    for key in i18n::message_ids(en) {
        if key.starts_with("warning-") || key.starts_with("error-") {
            continue;
        }
        let text = i18n::text(&key, &ones);
        let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || "(),;:".contains(c)).collect();
        for pair in words.windows(2) {
            let noun = pair[1];
            // A word in -s after a one: a plural noun, but for the verbs that follow a count.
            let verb = ["holds", "waits", "loops", "calls", "runs"].contains(&noun);
            if pair[0] == "1"
                && !verb
                && noun.len() > 2
                && noun.ends_with('s')
                && noun.chars().all(char::is_alphabetic)
            {
                plural.push(format!("{key}: {text}"));
            }
        }
        checked += usize::from(text.contains('1'));
    }
    assert!(checked > 50, "only {checked} messages show a value");
    assert!(plural.is_empty(), "plural nouns after a count of one: {plural:#?}");
}
