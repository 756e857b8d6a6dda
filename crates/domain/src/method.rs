//! The method as data: a content pack of phases, tracks, knooppunten (nodes) and the
//! facilitator's steps, every text in Dutch and in English.
//!
//! The default pack lives in `content/method/*.toml` and is compiled into the program. A pack
//! is identified by the hash of its contents, so the same texts always make the same version
//! and any change makes a new one. Nothing in the code knows the names of phases, tracks or
//! nodes: they come from the pack.

use crate::Language;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::borrow::Borrow;
use std::collections::HashSet;

/// A text in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: impl Borrow<Language>) -> &str {
        match lang.borrow() {
            Language::Nl => &self.nl,
            Language::En => &self.en,
        }
    }
}

/// A list of texts in both languages, item by item in the same order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextList {
    pub nl: Vec<String>,
    pub en: Vec<String>,
}

impl TextList {
    pub fn get(&self, lang: impl Borrow<Language>) -> &[String] {
        match lang.borrow() {
            Language::Nl => &self.nl,
            Language::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    pub key: String,
    pub version: String,
    pub name: Text,
    pub summary: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub key: String,
    pub name: Text,
    /// The typical result of the phase, e.g. a letter of intent.
    pub result: Text,
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    pub key: String,
    pub name: Text,
    pub description: Text,
}

/// A track of the Wijkkompas grid (A–F), for teams who know that grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WijkkompasTrack {
    pub letter: String,
    pub name: Text,
}

/// A kind of party that a node involves (municipality, initiative, grid operator, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyKind {
    pub key: String,
    pub name: Text,
}

/// A knooppunt: a piece of work in the method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub key: String,
    pub phase: String,
    pub tracks: Vec<String>,
    #[serde(default)]
    pub wijkkompas: Vec<String>,
    #[serde(default)]
    pub politically_sensitive: bool,
    pub parties: Vec<String>,
    pub title: Text,
    pub goal: Text,
    pub approach: TextList,
    pub tips: TextList,
}

/// One of the facilitator's five steps towards agreements with the municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacilitatorStep {
    pub key: String,
    pub number: u32,
    pub title: Text,
    pub summary: Text,
    pub recommendations: TextList,
    pub attention: TextList,
}

/// A whole content pack.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub pack: PackInfo,
    pub phases: Vec<Phase>,
    pub tracks: Vec<Track>,
    pub wijkkompas_tracks: Vec<WijkkompasTrack>,
    pub party_kinds: Vec<PartyKind>,
    pub nodes: Vec<Node>,
    pub facilitator_steps: Vec<FacilitatorStep>,
}

/// One file of a pack: any of the sections, the rest left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    pack: Option<PackInfo>,
    #[serde(default)]
    phases: Vec<Phase>,
    #[serde(default)]
    tracks: Vec<Track>,
    #[serde(default)]
    wijkkompas_tracks: Vec<WijkkompasTrack>,
    #[serde(default)]
    party_kinds: Vec<PartyKind>,
    #[serde(default)]
    nodes: Vec<Node>,
    #[serde(default)]
    facilitator_steps: Vec<FacilitatorStep>,
}

/// The default pack's files, compiled in.
const DEFAULT_FILES: [(&str, &str); 3] = [
    (
        "method.toml",
        include_str!("../../../content/method/method.toml"),
    ),
    (
        "nodes.toml",
        include_str!("../../../content/method/nodes.toml"),
    ),
    (
        "facilitator.toml",
        include_str!("../../../content/method/facilitator.toml"),
    ),
];

/// Longest text a pack may hold, in characters.
const MAX_TEXT: usize = 600;
/// Longest title or name, in characters.
const MAX_TITLE: usize = 80;

impl Pack {
    /// The pack that ships with Samenspel.
    pub fn default_pack() -> Result<Pack, Vec<String>> {
        Pack::from_files(&DEFAULT_FILES)
    }

    /// Reads a pack from its files (name, contents), in order, and checks it. Every problem
    /// found is returned, each naming the file or the item.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Pack, Vec<String>> {
        let mut pack = Pack::default();
        let mut info = None;
        let mut problems = Vec::new();
        for (name, contents) in files {
            match toml::from_str::<PackFile>(contents) {
                Ok(file) => {
                    if file.pack.is_some() {
                        if info.is_some() {
                            problems.push(format!("{name}: a second [pack] section"));
                        }
                        info = file.pack;
                    }
                    pack.phases.extend(file.phases);
                    pack.tracks.extend(file.tracks);
                    pack.wijkkompas_tracks.extend(file.wijkkompas_tracks);
                    pack.party_kinds.extend(file.party_kinds);
                    pack.nodes.extend(file.nodes);
                    pack.facilitator_steps.extend(file.facilitator_steps);
                }
                Err(error) => problems.push(format!("{name}: {error}")),
            }
        }
        match info {
            Some(info) => pack.pack = info,
            None => problems.push("no [pack] section".into()),
        }
        problems.extend(pack.problems());
        if problems.is_empty() {
            Ok(pack)
        } else {
            Err(problems)
        }
    }

    /// Everything that is wrong with the pack: unknown references, duplicate keys, empty or
    /// overlong texts, lists whose languages differ in length.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut text = |place: &str, field: &str, value: &Text, max: usize| {
            check_text(&mut problems, place, field, value, max);
        };
        text("pack", "name", &self.pack.name, MAX_TITLE);
        text("pack", "summary", &self.pack.summary, MAX_TEXT);
        for p in &self.phases {
            let place = format!("phase {}", p.key);
            text(&place, "name", &p.name, MAX_TITLE);
            text(&place, "result", &p.result, MAX_TEXT);
            text(&place, "description", &p.description, MAX_TEXT);
        }
        for t in &self.tracks {
            let place = format!("track {}", t.key);
            text(&place, "name", &t.name, MAX_TITLE);
            text(&place, "description", &t.description, MAX_TEXT);
        }
        for w in &self.wijkkompas_tracks {
            text(
                &format!("wijkkompas {}", w.letter),
                "name",
                &w.name,
                MAX_TITLE,
            );
        }
        for k in &self.party_kinds {
            text(&format!("party kind {}", k.key), "name", &k.name, MAX_TITLE);
        }
        for n in &self.nodes {
            let place = format!("node {}", n.key);
            text(&place, "title", &n.title, MAX_TITLE);
            text(&place, "goal", &n.goal, MAX_TEXT);
        }
        for s in &self.facilitator_steps {
            let place = format!("facilitator step {}", s.key);
            text(&place, "title", &s.title, MAX_TITLE);
            text(&place, "summary", &s.summary, MAX_TEXT);
        }
        let mut list = |place: &str, field: &str, value: &TextList| {
            if value.nl.len() != value.en.len() {
                problems.push(format!(
                    "{place}: {field} has {} items in nl, {} in en",
                    value.nl.len(),
                    value.en.len()
                ));
            }
            if value.nl.is_empty() {
                problems.push(format!("{place}: {field} is empty"));
            }
            for (lang, items) in [("nl", &value.nl), ("en", &value.en)] {
                for (i, s) in items.iter().enumerate() {
                    if s.trim().is_empty() {
                        problems.push(format!("{place}: {field}.{lang}[{i}] is empty"));
                    } else if s.chars().count() > MAX_TEXT {
                        problems.push(format!("{place}: {field}.{lang}[{i}] is too long"));
                    }
                }
            }
        };
        for n in &self.nodes {
            let place = format!("node {}", n.key);
            list(&place, "approach", &n.approach);
            list(&place, "tips", &n.tips);
        }
        for s in &self.facilitator_steps {
            let place = format!("facilitator step {}", s.key);
            list(&place, "recommendations", &s.recommendations);
            list(&place, "attention", &s.attention);
        }
        if self.phases.is_empty() || self.tracks.is_empty() || self.nodes.is_empty() {
            problems.push("a pack needs phases, tracks and nodes".into());
        }
        let unique = |what: &str, keys: Vec<&str>, problems: &mut Vec<String>| {
            check_keys(problems, what, keys);
        };
        unique(
            "phase",
            self.phases.iter().map(|p| p.key.as_str()).collect(),
            &mut problems,
        );
        unique(
            "track",
            self.tracks.iter().map(|t| t.key.as_str()).collect(),
            &mut problems,
        );
        unique(
            "party kind",
            self.party_kinds.iter().map(|k| k.key.as_str()).collect(),
            &mut problems,
        );
        unique(
            "node",
            self.nodes.iter().map(|n| n.key.as_str()).collect(),
            &mut problems,
        );
        unique(
            "facilitator step",
            self.facilitator_steps
                .iter()
                .map(|s| s.key.as_str())
                .collect(),
            &mut problems,
        );
        let letters: HashSet<&str> = self
            .wijkkompas_tracks
            .iter()
            .map(|w| w.letter.as_str())
            .collect();
        for n in &self.nodes {
            if self.phase(&n.phase).is_none() {
                problems.push(format!("node {}: unknown phase {}", n.key, n.phase));
            }
            if n.tracks.is_empty() {
                problems.push(format!("node {}: no track", n.key));
            }
            for t in &n.tracks {
                if self.track(t).is_none() {
                    problems.push(format!("node {}: unknown track {t}", n.key));
                }
            }
            if n.parties.is_empty() {
                problems.push(format!("node {}: no party", n.key));
            }
            for p in &n.parties {
                if self.party_kind(p).is_none() {
                    problems.push(format!("node {}: unknown party kind {p}", n.key));
                }
            }
            for l in &n.wijkkompas {
                if !letters.contains(l.as_str()) {
                    problems.push(format!("node {}: unknown Wijkkompas track {l}", n.key));
                }
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

    pub fn phase(&self, key: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.key == key)
    }

    pub fn track(&self, key: &str) -> Option<&Track> {
        self.tracks.iter().find(|t| t.key == key)
    }

    pub fn node(&self, key: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.key == key)
    }

    pub fn party_kind(&self, key: &str) -> Option<&PartyKind> {
        self.party_kinds.iter().find(|k| k.key == key)
    }

    pub fn wijkkompas_track(&self, letter: &str) -> Option<&WijkkompasTrack> {
        self.wijkkompas_tracks.iter().find(|w| w.letter == letter)
    }

    /// The position of a phase in the method (0 for the first), for ordering.
    pub fn phase_index(&self, key: &str) -> Option<usize> {
        self.phases.iter().position(|p| p.key == key)
    }

    /// The nodes of one cell of the matrix, in the pack's order.
    pub fn nodes_in<'a>(
        &'a self,
        phase: &'a str,
        track: &'a str,
    ) -> impl Iterator<Item = &'a Node> {
        self.nodes
            .iter()
            .filter(move |n| n.phase == phase && n.tracks.iter().any(|t| t == track))
    }
}

/// Records a problem when a text is empty, or longer than `max` characters, in either language.
pub(crate) fn check_text(
    problems: &mut Vec<String>,
    place: &str,
    field: &str,
    value: &Text,
    max: usize,
) {
    for (lang, s) in [("nl", &value.nl), ("en", &value.en)] {
        if s.trim().is_empty() {
            problems.push(format!("{place}: {field}.{lang} is empty"));
        } else if s.chars().count() > max {
            problems.push(format!("{place}: {field}.{lang} is longer than {max}"));
        }
    }
}

/// Records a problem for each key that is not lowercase-kebab-case or appears twice.
pub(crate) fn check_keys<'a>(
    problems: &mut Vec<String>,
    what: &str,
    keys: impl IntoIterator<Item = &'a str>,
) {
    let mut seen = HashSet::new();
    for key in keys {
        if !valid_key(key) {
            problems.push(format!("{what} key {key:?} is not lowercase-kebab-case"));
        }
        if !seen.insert(key) {
            problems.push(format!("{what} key {key} appears twice"));
        }
    }
}

fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_pack_is_complete_in_both_languages() {
        let pack = match Pack::default_pack() {
            Ok(pack) => pack,
            Err(problems) => panic!("the default pack has problems:\n{}", problems.join("\n")),
        };
        assert_eq!(pack.phases.len(), 5);
        assert_eq!(pack.tracks.len(), 6);
        assert!(
            (30..=50).contains(&pack.nodes.len()),
            "{} nodes",
            pack.nodes.len()
        );
        assert_eq!(pack.facilitator_steps.len(), 5);
        // Every phase and every track has work in it.
        for phase in &pack.phases {
            assert!(
                pack.nodes.iter().any(|n| n.phase == phase.key),
                "{}",
                phase.key
            );
        }
        for track in &pack.tracks {
            assert!(
                pack.nodes.iter().any(|n| n.tracks.contains(&track.key)),
                "{}",
                track.key
            );
        }
    }

    #[test]
    fn the_hash_follows_the_contents() {
        let pack = Pack::default_pack().unwrap_or_default();
        let mut changed = pack.clone();
        assert_eq!(pack.hash(), changed.hash());
        changed.nodes[0].title.en.push('!');
        assert_ne!(pack.hash(), changed.hash());
    }

    const SMALL: &str = r#"
[pack]
key = "test"
version = "1"
name.nl = "Test"
name.en = "Test"
summary.nl = "Een test."
summary.en = "A test."

[[phases]]
key = "one"
name.nl = "Een"
name.en = "One"
result.nl = "Iets"
result.en = "Something"
description.nl = "De eerste."
description.en = "The first."

[[tracks]]
key = "only"
name.nl = "Enig"
name.en = "Only"
description.nl = "Het enige spoor."
description.en = "The only track."

[[party_kinds]]
key = "municipality"
name.nl = "Gemeente"
name.en = "Municipality"

[[nodes]]
key = "a"
phase = "one"
tracks = ["only"]
parties = ["municipality"]
title.nl = "A"
title.en = "A"
goal.nl = "Doel"
goal.en = "Goal"
approach.nl = ["Stap"]
approach.en = ["Step"]
tips.nl = ["Tip"]
tips.en = ["Tip"]
"#;

    #[test]
    fn a_small_pack_reads() {
        let pack = Pack::from_files(&[("small.toml", SMALL)]).expect("valid");
        assert_eq!(pack.nodes_in("one", "only").count(), 1);
        assert_eq!(
            pack.node("a").map(|n| n.goal.get(Language::En)),
            Some("Goal")
        );
    }

    #[test]
    fn every_problem_is_named() {
        let broken = SMALL
            .replace("phase = \"one\"", "phase = \"two\"")
            .replace("tracks = [\"only\"]", "tracks = [\"only\", \"nope\"]")
            .replace("tips.en = [\"Tip\"]", "tips.en = [\"Tip\", \"\"]")
            .replace("goal.en = \"Goal\"", "goal.en = \" \"");
        let problems = Pack::from_files(&[("broken.toml", &broken)]).expect_err("invalid");
        let all = problems.join("\n");
        for expected in [
            "unknown phase two",
            "unknown track nope",
            "tips has 1 items in nl, 2 in en",
            "goal.en is empty",
            "tips.en[1] is empty",
        ] {
            assert!(all.contains(expected), "{expected} missing from:\n{all}");
        }
        let twice = format!(
            "{SMALL}\n{}",
            &SMALL[SMALL.find("[[nodes]]").unwrap_or(0)..]
        );
        let problems = Pack::from_files(&[("twice.toml", &twice)]).expect_err("duplicate");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("node key a appears twice"))
        );
        let unknown = format!("{SMALL}\nextra = 1\n");
        assert!(Pack::from_files(&[("x.toml", &unknown)]).is_err());
    }
}
