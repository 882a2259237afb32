//! The window's message catalog: every user-facing text, in Project Fluent files
//! (`assets/i18n/LANG.ftl`, embedded). Adding a language = adding its file and one line to
//! [`LANGUAGES`]. Go's own words (goroutine, chan receive, GC, STW, wait reasons) stay as
//! Go prints them in every language; traces, dumps and profiles are shown as they are.
//!
//! The current language is per thread, like `units`' locale: the window's labels are drawn
//! on one thread, passing a catalog into every draw function would touch every signature,
//! and parallel tests (one harness per thread) must not switch each other's language.

use std::cell::RefCell;

pub use fluent_bundle::FluentValue;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

/// A language the window speaks.
#[derive(Debug)]
pub struct Language {
    /// BCP 47 tag: `en`, `zh-CN`.
    pub id: &'static str,
    /// Its own name for itself, shown in the language menu.
    pub name: &'static str,
    pub source: &'static str,
}

/// English first: it is the fallback for a message another language lacks.
pub const LANGUAGES: &[Language] = &[
    Language { id: "en", name: "English", source: include_str!("../../assets/i18n/en.ftl") },
    Language { id: "zh-CN", name: "简体中文", source: include_str!("../../assets/i18n/zh-CN.ftl") },
];

/// The messages of one language, with English behind them.
pub struct Catalog {
    language: &'static Language,
    bundle: FluentBundle<FluentResource>,
    english: FluentBundle<FluentResource>,
}

fn bundle(lang: &Language) -> FluentBundle<FluentResource> {
    let id = lang.id.parse().unwrap_or_default();
    let mut b = FluentBundle::new(vec![id]);
    // Fluent wraps arguments in Unicode isolation marks for bidi text; egui draws them as
    // boxes, and none of our languages is right-to-left.
    b.set_use_isolating(false);
    // The files are part of the binary and checked by tests: a parse error is a bug there.
    let res = FluentResource::try_new(lang.source.to_string()).unwrap_or_else(|(res, _)| res);
    b.add_resource_overriding(res);
    b
}

impl Catalog {
    pub fn new(language: &'static Language) -> Catalog {
        Catalog { language, bundle: bundle(language), english: bundle(&LANGUAGES[0]) }
    }

    pub fn language(&self) -> &'static Language {
        self.language
    }

    /// The message `key` with `args`; English when this language lacks it, the key itself
    /// when no language has it (visible, so a missing message is noticed).
    pub fn text(&self, key: &str, args: Option<&FluentArgs>) -> String {
        for b in [&self.bundle, &self.english] {
            if let Some(p) = b.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return b.format_pattern(p, args, &mut errors).into_owned();
            }
        }
        key.to_string()
    }

    /// Every message id of this language's file, in file order.
    pub fn keys(&self) -> Vec<String> {
        message_ids(self.language)
    }
}

/// Message ids of a language's file: the lines `id = ...` at the start of a line (Fluent's
/// message syntax; terms start with `-`, comments with `#`, continuations with a space).
pub fn message_ids(lang: &Language) -> Vec<String> {
    lang.source
        .lines()
        .filter_map(|l| {
            let (id, _) = l.split_once('=')?;
            let id = id.trim_end();
            let ok = id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            ok.then(|| id.to_string())
        })
        .collect()
}

/// Parse errors of a language's file (tests: every file must parse cleanly).
pub fn parse_errors(lang: &Language) -> Vec<String> {
    match FluentResource::try_new(lang.source.to_string()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

/// The language for a locale tag (`zh_CN.UTF-8`, `zh-Hans`, `en-US`): an exact match, else
/// the first with the same language subtag; `None` when the window does not speak it.
/// Traditional-Chinese locales get the simplified catalog: closer to them than English.
pub fn negotiate(tag: &str) -> Option<&'static Language> {
    let norm = tag.split(['.', '@']).next().unwrap_or("").replace('_', "-").to_ascii_lowercase();
    let lang = norm.split('-').next().unwrap_or("");
    LANGUAGES
        .iter()
        .find(|l| l.id.to_ascii_lowercase() == norm)
        .or_else(|| LANGUAGES.iter().find(|l| l.id.split('-').next() == Some(lang)))
}

/// The system's locale tag (`LC_ALL`, `LC_MESSAGES`, `LANG` on Unix, the user's setting
/// elsewhere), if any.
pub fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

/// The language of a language id, else of the system locale, else English.
pub fn language_for(id: Option<&str>) -> &'static Language {
    id.and_then(negotiate).or_else(|| system_locale().as_deref().and_then(negotiate)).unwrap_or(&LANGUAGES[0])
}

thread_local! {
    static CURRENT: RefCell<Option<Catalog>> = const { RefCell::new(None) };
}

/// Sets the calling thread's language.
pub fn set_language(language: &'static Language) {
    CURRENT.with(|c| *c.borrow_mut() = Some(Catalog::new(language)));
}

/// The calling thread's language (English until set).
pub fn language() -> &'static Language {
    CURRENT.with(|c| c.borrow().as_ref().map_or(&LANGUAGES[0], Catalog::language))
}

/// A message in the calling thread's language; use [`crate::tr!`].
pub fn text(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let fargs = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, v.clone());
        }
        a
    });
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        c.get_or_insert_with(|| Catalog::new(&LANGUAGES[0])).text(key, fargs.as_ref())
    })
}

/// A reader's warning or error (message `id`, values by name as the reader wrote them) in the
/// calling thread's language: each value as `shown` writes it, and each whole number also as
/// a number under `NAME-n`, on which the message chooses a count's plural form.
pub fn reader_text(id: &str, args: &[(&'static str, String)], shown: impl Fn(&str) -> String) -> String {
    let counts: Vec<(String, u64)> =
        args.iter().filter_map(|(k, v)| Some((format!("{k}-n"), v.parse::<u64>().ok()?))).collect();
    let value = |k: &str, v: &str| if k == "what" { field(v) } else { shown(v) };
    let mut fluent: Vec<(&str, FluentValue<'_>)> =
        args.iter().map(|(k, v)| (*k, FluentValue::from(value(k, v)))).collect();
    fluent.extend(counts.iter().map(|(k, n)| (k.as_str(), FluentValue::from(*n))));
    text(id, &fluent)
}

/// `tr!("menu-file")`, `tr!("status-events", count = units::count(n))`: a message of the
/// catalog in the thread's language. Numbers meant for display are passed formatted (by
/// `units`); raw numbers only choose plural forms.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($key, &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+])
    };
}

/// The catalog id of what a reader was reading (an error's `what`, such as "batch size"):
/// `field-` and its words in lower case, each run of other characters one hyphen.
pub fn field_key(what: &str) -> String {
    let mut key = String::from("field-");
    for c in what.chars().map(|c| c.to_ascii_lowercase()) {
        match c.is_ascii_alphanumeric() {
            true => key.push(c),
            false if !key.ends_with('-') => key.push('-'),
            false => {}
        }
    }
    key.trim_end_matches('-').to_string()
}

/// What a reader was reading, in the calling thread's language; wire-format names the
/// catalog does not list (`fixed32`, `drop_frames`) as they are.
fn field(what: &str) -> String {
    let key = field_key(what);
    match text(&key, &[]) {
        t if t == key => what.to_string(),
        t => t,
    }
}
