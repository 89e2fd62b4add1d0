//! The window's words in English and Arabic, from Fluent catalogues (`assets/i18n/*.ftl`,
//! embedded): the `fluent` crates carry CLDR plural rules, so "N entities" takes Arabic's six
//! forms (zero, one, two, few, many, other). The command line stays English.
//!
//! The language in use is per thread (the window's frames run on one thread; each test's
//! window on its own), set by the app at every frame from its settings: widgets ask for
//! [`t!`](crate::t) text without being handed a catalogue. Work on other threads is given a
//! [`Lang`] and uses [`tr_in`].

mod lang;

pub use lang::{Lang, system_language};

use std::cell::Cell;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English catalogue (the reference: every key is here).
pub const EN_FTL: &str = include_str!("../../../assets/i18n/en.ftl");
/// The Arabic catalogue.
pub const AR_FTL: &str = include_str!("../../../assets/i18n/ar.ftl");

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::English) };
}

/// Makes `lang` the language of this thread's window text.
pub fn set_language(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language of this thread's window text.
pub fn language() -> Lang {
    CURRENT.with(Cell::get)
}

/// A value put into a message: a number (which picks the plural form) or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A count or another number.
    Num(f64),
    /// A name, a path, a technical detail: shown as it is.
    Str(String),
}

macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Num(n as f64)
            }
        }
    )*};
}
num_arg!(usize, u64, u32, u16, i32, i64, f32, f64);

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<std::path::Display<'_>> for Arg {
    fn from(d: std::path::Display<'_>) -> Self {
        Arg::Str(d.to_string())
    }
}

impl Arg {
    /// A value given as text by a lower layer: a number when it reads as one.
    pub fn from_value(value: &str) -> Self {
        value.parse::<f64>().map_or_else(|_| Arg::from(value), Arg::Num)
    }
}

/// The window's text for `key` with `args`, in this thread's language.
pub fn tr(key: &str, args: &[(&str, Arg)]) -> String {
    tr_in(language(), key, args)
}

/// The window's text for `key` with `args` in `lang`; the key itself if no catalogue has it
/// (a test keeps the catalogues complete).
pub fn tr_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let bundle = catalogue(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
            Arg::Str(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
        }
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}

/// What a notice says in this thread's language: its catalogue message when the lower layer
/// gave one (values that are numbers pick plural forms), else its text as written.
pub fn notice_text(notice: &crate::editor::Notice) -> String {
    let Some((key, args)) = &notice.message else { return notice.text.clone() };
    let args: Vec<(&str, Arg)> = args.iter().map(|(name, value)| (*name, Arg::from_value(value))).collect();
    tr(key, &args)
}

/// The catalogue of `lang`, parsed once.
fn catalogue(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::English, EN_FTL));
    static AR: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::Arabic, AR_FTL));
    match lang {
        Lang::English => &EN,
        Lang::Arabic => &AR,
    }
}

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
    // Arabic sentences isolate what is put into them (U+2068 … U+2069), so a path or a Latin
    // name keeps its own order inside right-to-left text (cosmic-text applies UAX #9 isolates).
    // English text is drawn by egui, which has no bidi and would show the marks as boxes.
    bundle.set_use_isolating(lang.is_rtl());
    // A broken catalogue is caught by the catalogue tests; here its good messages still load.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The window's text for a catalogue key, in this thread's language:
/// `t!("menu-file")`, `t!("status-entities", n = count)`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::app::i18n::tr($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::app::i18n::tr($key, &[$((stringify!($name), $crate::app::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests;
