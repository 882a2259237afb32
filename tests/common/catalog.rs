//! Checks of a reader's message kind against the Fluent catalogs: the English the report
//! prints must be en.ftl's text word for word, and zh-CN.ftl must translate it and keep
//! every value.

use goroscope::i18n;

/// Distinct placeholder values for each `{name}` (or `{name|one|other}`) of an English text
/// (each name once), so a swapped or missing value shows.
pub fn placeholder_values(english: &'static str) -> Vec<(&'static str, String)> {
    let mut names: Vec<&'static str> =
        english.split('{').skip(1).filter_map(|s| s.split(['}', '|']).next()).collect();
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(*n));
    names.into_iter().enumerate().map(|(i, n)| (n, format!("V{i}x"))).collect()
}

/// Renders message `id` with `args` in English and Chinese, as the window does
/// ([`i18n::reader_text`]): the English must equal `english` (the report's text), the Chinese
/// must differ from it and contain every placeholder value of `values`.
pub fn check_both_languages(
    id: &str,
    args: &[(&'static str, String)],
    english: &str,
    values: &[(&'static str, String)],
) {
    i18n::set_language(i18n::language_for(Some("en")));
    let en = i18n::reader_text(id, args, str::to_string);
    assert_eq!(en, english, "{id}: en.ftl and the report's English differ");
    i18n::set_language(i18n::language_for(Some("zh-CN")));
    let zh = i18n::reader_text(id, args, str::to_string);
    assert_ne!(zh, en, "{id}: not translated");
    for (_, v) in values {
        assert!(zh.contains(v.as_str()), "{id}: the Chinese text lacks a value: {zh}");
    }
}

/// Each value of an English text's placeholders set to `count`, for a check that the report
/// and en.ftl choose the same singular or plural words.
pub fn counts(english: &'static str, count: &str) -> Vec<(&'static str, String)> {
    placeholder_values(english).into_iter().map(|(n, _)| (n, count.to_string())).collect()
}
