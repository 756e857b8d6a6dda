//! Translations: `locales/{nl,en}/*.ftl`, looked up per request in the reader's language.
//! Dutch is the default and the fallback.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::static_loader;
use samenspel_domain::Language;
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "nl",
        // Unicode isolation marks around arguments would end up in e-mail subjects and
        // attribute values; our arguments are plain names and numbers.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static NL: LanguageIdentifier = langid!("nl");
static EN: LanguageIdentifier = langid!("en");

fn langid(language: Language) -> &'static LanguageIdentifier {
    match language {
        Language::Nl => &NL,
        Language::En => &EN,
    }
}

/// The message `key` in `language`. A missing key shows as the key itself (and a test keeps
/// that from happening).
pub fn t(language: Language, key: &str) -> String {
    lookup(language, key, None).unwrap_or_else(|| key.to_owned())
}

type Args<'a> = HashMap<Cow<'static, str>, FluentValue<'a>>;

/// The message in the reader's language, else in Dutch. Both languages are loaded under their
/// own names, so this asks the two bundles directly: the loader's own lookup negotiates the
/// language again on every call, which a page with hundreds of labels pays for.
fn lookup(language: Language, key: &str, args: Option<&Args>) -> Option<String> {
    LOCALES
        .lookup_single_language(langid(language), key, args)
        .ok()
        .or_else(|| {
            (language != Language::Nl)
                .then(|| LOCALES.lookup_single_language(&NL, key, args).ok())
                .flatten()
        })
}

/// The message `key` with named arguments, e.g. `t_args(lang, "welcome", &[("name", "Sanne")])`.
/// `$count` is the one argument messages choose a plural form by, so it goes to Fluent as a
/// number (as text, "1" would fall through to the `other` form); every other argument is
/// text, so codes such as "0363" keep their zeros.
pub fn t_args(language: Language, key: &str, args: &[(&'static str, String)]) -> String {
    let args: Args = args
        .iter()
        .map(|(name, value)| {
            let value = match value.parse::<i64>() {
                Ok(number) if *name == "count" => FluentValue::from(number),
                _ => FluentValue::from(value.clone()),
            };
            (Cow::Borrowed(*name), value)
        })
        .collect();
    lookup(language, key, Some(&args)).unwrap_or_else(|| key.to_owned())
}

/// True when `key` exists in `language`, without falling back to another language.
pub fn has_key(language: Language, key: &str) -> bool {
    LOCALES
        .lookup_single_language::<&str>(langid(language), key, None)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_choose_their_plural_form() {
        let one = t_args(Language::Nl, "admin-users-found", &[("count", "1".into())]);
        let two = t_args(Language::Nl, "admin-users-found", &[("count", "2".into())]);
        assert_eq!(one, "Eén gebruiker gevonden");
        assert_eq!(two, "2 gebruikers gevonden");
        let en = t_args(Language::En, "admin-users-found", &[("count", "1".into())]);
        assert_eq!(en, "One user found");
    }
}
