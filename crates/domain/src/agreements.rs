//! The agreements parties make, as data: a content pack of kinds (intentieverklaring,
//! samenwerkingsovereenkomst, wijkuitvoeringsplan …) and the sections their text is made of,
//! each section with a heading, a hint and a starter text, every text in Dutch and in English.
//!
//! The default pack lives in `content/agreements/agreements.toml` and is compiled into the
//! program. Like the method pack, it is identified by the hash of its contents: the same texts
//! always make the same version, and any change makes a new one. Nothing in the code knows the
//! names of kinds or sections, except the few sections the workspace fills in (see
//! [`FILLED_FROM_THE_WORKSPACE`]).

use crate::method::{Pack as MethodPack, Text, check_keys, check_text};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// The sections a new agreement's text starts from what the workspace knows: the parties and
/// their roles, the shared ambition and goals, and what each initiative says it does not do.
pub const FILLED_FROM_THE_WORKSPACE: [&str; 3] =
    ["parties", "ambition-and-goals", "roles-and-tasks"];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    pub key: String,
    pub version: String,
    pub name: Text,
}

/// A part of an agreement's text: its heading, what to write in it, and a Markdown starter
/// text the parties replace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub key: String,
    pub title: Text,
    pub guidance: Text,
    pub template: Text,
}

/// A kind of agreement: its name, when to use it, whether it binds in practice, the sections
/// its text has (in order), and the knooppunt of the method it completes once signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    pub key: String,
    pub name: Text,
    pub summary: Text,
    pub binding: bool,
    pub sections: Vec<String>,
    #[serde(default)]
    pub node: Option<String>,
}

/// The kinds and sections of agreements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub pack: PackInfo,
    pub sections: Vec<Section>,
    pub kinds: Vec<Kind>,
}

const DEFAULT: &str = include_str!("../../../content/agreements/agreements.toml");

/// Longest name, title or hint, in characters.
const MAX_TITLE: usize = 80;
const MAX_TEXT: usize = 600;
/// Longest starter text, in characters.
const MAX_TEMPLATE: usize = 2_000;

impl Pack {
    /// The pack that ships with Samenspel, checked against the method pack that ships with it.
    pub fn default_pack() -> Result<Pack, Vec<String>> {
        let method = MethodPack::default_pack()?;
        Pack::from_toml(DEFAULT, &method)
    }

    /// Reads a pack and checks it; every problem found is returned, each naming the item.
    pub fn from_toml(contents: &str, method: &MethodPack) -> Result<Pack, Vec<String>> {
        let pack: Pack = toml::from_str(contents).map_err(|e| vec![e.to_string()])?;
        let problems = pack.problems(method);
        if problems.is_empty() {
            Ok(pack)
        } else {
            Err(problems)
        }
    }

    /// Everything that is wrong with the pack: empty or overlong texts, markup or placeholders
    /// in a starter text, unknown or repeated keys, and knooppunten the method does not have.
    pub fn problems(&self, method: &MethodPack) -> Vec<String> {
        let mut problems = Vec::new();
        let mut text = |place: &str, field: &str, value: &Text, max: usize| {
            check_text(&mut problems, place, field, value, max);
        };
        text("pack", "name", &self.pack.name, MAX_TITLE);
        for s in &self.sections {
            let place = format!("section {}", s.key);
            text(&place, "title", &s.title, MAX_TITLE);
            text(&place, "guidance", &s.guidance, MAX_TEXT);
            text(&place, "template", &s.template, MAX_TEMPLATE);
        }
        for k in &self.kinds {
            let place = format!("kind {}", k.key);
            text(&place, "name", &k.name, MAX_TITLE);
            text(&place, "summary", &k.summary, MAX_TEXT);
        }
        for s in &self.sections {
            for (lang, template) in [("nl", &s.template.nl), ("en", &s.template.en)] {
                if template.contains(['<', '{', '}']) {
                    problems.push(format!(
                        "section {}: template.{lang} holds markup or a placeholder",
                        s.key
                    ));
                }
            }
        }
        check_keys(
            &mut problems,
            "section",
            self.sections.iter().map(|s| s.key.as_str()),
        );
        check_keys(
            &mut problems,
            "kind",
            self.kinds.iter().map(|k| k.key.as_str()),
        );
        for key in FILLED_FROM_THE_WORKSPACE {
            if self.section(key).is_none() {
                problems.push(format!("no section {key}, which the workspace fills in"));
            }
        }
        if self.kinds.is_empty() {
            problems.push("a pack needs kinds".into());
        }
        for k in &self.kinds {
            if k.sections.first().map(String::as_str) != Some("parties") {
                problems.push(format!("kind {}: the parties come first", k.key));
            }
            let mut seen = HashSet::new();
            for s in &k.sections {
                if self.section(s).is_none() {
                    problems.push(format!("kind {}: unknown section {s}", k.key));
                }
                if !seen.insert(s.as_str()) {
                    problems.push(format!("kind {}: section {s} appears twice", k.key));
                }
            }
            if let Some(node) = &k.node
                && method.node(node).is_none()
            {
                problems.push(format!(
                    "kind {}: the method has no knooppunt {node}",
                    k.key
                ));
            }
        }
        problems
    }

    /// The pack's version: a hash of its contents.
    pub fn hash(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        let digest = Sha256::digest(json.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn kind(&self, key: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.key == key)
    }

    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// A kind's sections, in its order.
    pub fn sections_of<'a>(&'a self, kind: &'a Kind) -> impl Iterator<Item = &'a Section> + 'a {
        kind.sections.iter().filter_map(|key| self.section(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> Pack {
        match Pack::default_pack() {
            Ok(pack) => pack,
            Err(problems) => panic!("the agreements pack has problems:\n{}", problems.join("\n")),
        }
    }

    #[test]
    fn the_default_pack_is_complete_in_both_languages() {
        let pack = pack();
        assert_eq!(pack.sections.len(), 13);
        assert_eq!(pack.kinds.len(), 9);
        // A samenwerkingsovereenkomst covers everything, and says what a party does not do,
        // that no money changing hands is an answer, and that ending together is an outcome.
        let sok = pack.kind("cooperation-agreement").expect("a SOK");
        assert_eq!(sok.sections.len(), pack.sections.len());
        assert!(sok.binding);
        assert_eq!(sok.node.as_deref(), Some("sign-cooperation-agreement"));
        // Every section is used by some kind.
        for section in &pack.sections {
            assert!(
                pack.kinds.iter().any(|k| k.sections.contains(&section.key)),
                "{}",
                section.key
            );
        }
    }

    #[test]
    fn a_pack_with_mistakes_names_each_of_them() {
        let method = MethodPack::default_pack().expect("method pack");
        let mut broken = pack();
        broken.kinds[0].sections.push("no-such-section".into());
        broken.kinds[1].node = Some("no-such-node".into());
        broken.sections[2].template.en = "Fill in {party}".into();
        broken.sections[3].title.nl = " ".into();
        let problems = broken.problems(&method);
        for expected in [
            "unknown section no-such-section",
            "no knooppunt no-such-node",
            "markup or a placeholder",
            "title.nl is empty",
        ] {
            assert!(
                problems.iter().any(|p| p.contains(expected)),
                "{expected} in {problems:?}"
            );
        }
    }

    #[test]
    fn the_same_texts_make_the_same_version() {
        let (a, b) = (pack(), pack());
        assert_eq!(a.hash(), b.hash());
        let mut changed = pack();
        changed.sections[0].guidance.en.push('!');
        assert_ne!(a.hash(), changed.hash());
    }
}
