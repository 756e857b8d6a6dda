//! Samenspel's rules with no I/O: validated values ("parse, don't validate"), the kinds of
//! organisation, roles and the permissions they grant, areas and the initiative registry.
//!
//! Validation errors carry a message key from the `locales/` files rather than a sentence, so
//! the web layer can tell the user what is wrong in their own language.

/// Declares a closed set of values with stable keys, `ALL`, `as_str` and `parse`.
macro_rules! keyed {
    ($(#[$doc:meta])* $name:ident, $error:literal { $($(#[$vdoc:meta])* $variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn parse(input: &str) -> Result<Self, Invalid> {
                match input.trim() {
                    $($key => Ok($name::$variant),)+
                    _ => Err(Invalid::new($error)),
                }
            }
        }

        /// Writes the key, as forms post it and the database keeps it.
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod accounts;
pub mod agreements;
pub mod approaches;
pub mod areas;
pub mod initiatives;
pub mod logbook;
pub mod method;
pub mod organisations;
pub mod permissions;

/// A value that failed validation. The key names a message in `locales/{nl,en}/*.ftl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("invalid input: {key}")]
pub struct Invalid {
    pub key: &'static str,
}

impl Invalid {
    pub const fn new(key: &'static str) -> Self {
        Self { key }
    }
}

/// The languages Samenspel speaks. Dutch is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Nl, Language::En];

    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    /// Parses a language code; `None` for anything we do not speak.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Language::Nl),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// Picks the best language from an `Accept-Language` header, honouring q-values.
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        let mut best: Option<(f32, Language)> = None;
        for part in accept_language.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let primary = tag.split('-').next().unwrap_or("");
            let Some(lang) = Language::from_code(primary) else {
                continue;
            };
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_by_quality() {
        assert_eq!(
            Language::negotiate("en-GB,en;q=0.9,nl;q=0.8"),
            Some(Language::En)
        );
        assert_eq!(
            Language::negotiate("de,nl-BE;q=0.5,en;q=0.4"),
            Some(Language::Nl)
        );
        assert_eq!(Language::negotiate("fr,de"), None);
        assert_eq!(Language::negotiate("en;q=0"), None);
        assert_eq!(Language::negotiate(""), None);
    }

    #[test]
    fn parses_codes() {
        assert_eq!(Language::from_code(" EN "), Some(Language::En));
        assert_eq!(Language::from_code("fy"), None);
    }
}
