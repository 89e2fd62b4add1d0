//! The two languages of the window and the one the system asks for.

use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// A language of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// English, left to right.
    #[default]
    English,
    /// Modern Standard Arabic, right to left.
    Arabic,
}

impl Lang {
    /// Both languages, in menu order.
    pub const ALL: [Lang; 2] = [Lang::English, Lang::Arabic];

    /// True for a right-to-left language (the layout is mirrored).
    pub fn is_rtl(self) -> bool {
        self == Lang::Arabic
    }

    /// The language's name in itself (for the View > Language menu).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::Arabic => "العربية",
        }
    }

    /// The BCP 47 identifier (plural rules come from it).
    pub fn langid(self) -> LanguageIdentifier {
        let code = match self {
            Lang::English => "en",
            Lang::Arabic => "ar",
        };
        code.parse().unwrap_or_default()
    }

    /// The language of a POSIX locale name (`ar_EG.UTF-8`, `ar`, `en_US`); `None` when it
    /// names neither (`C`, `POSIX`, `fr_FR`).
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let lang = locale.split(['_', '.', '@', '-']).next().unwrap_or("").to_ascii_lowercase();
        match lang.as_str() {
            "ar" => Some(Lang::Arabic),
            "en" => Some(Lang::English),
            _ => None,
        }
    }
}

/// The window's language from the environment the way POSIX reads it: the first of
/// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides; Arabic if it names
/// Arabic, English otherwise.
pub fn system_language() -> Lang {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    language_of(var("LC_ALL"), var("LC_MESSAGES"), var("LANG"))
}

/// [`system_language`] from the three variables' values.
pub fn language_of(lc_all: Option<String>, lc_messages: Option<String>, lang: Option<String>) -> Lang {
    lc_all.or(lc_messages).or(lang).and_then(|l| Lang::from_locale(&l)).unwrap_or(Lang::English)
}
