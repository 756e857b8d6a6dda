//! Every message the product shows exists in Dutch and in English, and every key the code or
//! a template uses is defined.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn keys(language: &str) -> BTreeSet<String> {
    let dir = root().join("locales").join(language);
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("locales dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ftl") {
            for line in std::fs::read_to_string(&path).expect("ftl").lines() {
                if let Some((key, _)) = line.split_once('=') {
                    let key = key.trim();
                    if !line.starts_with([' ', '#', '.'])
                        && !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        keys.insert(key.to_owned());
                    }
                }
            }
        }
    }
    keys
}

fn files(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

/// Every double-quoted literal in `text` that looks like a message key: lower-case words
/// joined by hyphens.
fn key_like_literals(text: &str) -> Vec<&str> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|lit| {
            lit.contains('-')
                && !lit.starts_with('-')
                && !lit.ends_with('-')
                && lit
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .collect()
}

#[test]
fn dutch_and_english_have_the_same_keys() {
    let nl = keys("nl");
    let en = keys("en");
    assert!(nl.len() > 100);
    let only_nl: Vec<_> = nl.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&nl).collect();
    assert!(
        only_nl.is_empty() && only_en.is_empty(),
        "only in nl: {only_nl:?}\nonly in en: {only_en:?}"
    );
}

#[test]
fn every_key_in_use_is_defined() {
    let nl = keys("nl");
    // The first words of our keys ("error", "flash", "org", …): a literal that starts with one
    // of them is taken to be a key.
    let namespaces: BTreeSet<&str> = nl.iter().filter_map(|k| k.split('-').next()).collect();
    let mut sources = Vec::new();
    files(&root().join("crates/web/templates"), "html", &mut sources);
    for crate_dir in ["crates/web/src", "crates/domain/src", "crates/store/src"] {
        files(&root().join(crate_dir), "rs", &mut sources);
    }
    // The agreements pack's module names the pack's own keys (sections, knooppunten), which
    // are content, not messages.
    sources.retain(|path| !path.ends_with("crates/domain/src/agreements.rs"));
    let mut used = BTreeSet::new();
    let mut prefixes = BTreeSet::new();
    for path in &sources {
        let text = std::fs::read_to_string(path).expect("source");
        for (at, _) in text.match_indices("t_of(\"") {
            let rest = &text[at + 6..];
            prefixes.insert(rest[..rest.find('"').unwrap_or(0)].to_owned());
        }
        for literal in key_like_literals(&text) {
            if namespaces.contains(literal.split('-').next().unwrap_or("")) {
                used.insert(literal.to_owned());
            }
        }
    }
    // Prefixes of keys built from a value, and the values they take.
    for prefix in &prefixes {
        used.remove(prefix);
    }
    let values: &[(&str, &[&str])] = &[
        (
            "org-kind",
            &["municipality", "initiative", "partner", "facilitator"],
        ),
        (
            "org-kind-hint",
            &["municipality", "initiative", "partner", "facilitator"],
        ),
        ("role", &["admin", "member"]),
        ("ended", &["removed", "left"]),
        (
            "invitation-status",
            &["open", "accepted", "revoked", "expired", "unknown"],
        ),
        (
            "theme",
            &[
                "heat", "solar", "wind", "saving", "mobility", "greenery", "care", "sport",
                "culture", "social",
            ],
        ),
        (
            "legal-form",
            &[
                "none",
                "association",
                "cooperative",
                "foundation",
                "owners-association",
                "company",
                "other",
            ],
        ),
        ("character", &["technical", "participation", "both"]),
        (
            "core-role",
            &[
                "entrepreneurs",
                "connectors",
                "technical",
                "communicators",
                "organisers",
                "finance",
            ],
        ),
        (
            "support",
            &[
                "knowledge",
                "budget",
                "capacity",
                "premises",
                "contacts",
                "communication",
                "process",
            ],
        ),
        ("sort", &["name", "newest", "founded", "members"]),
        ("area-kind", &["district", "neighbourhood"]),
    ];
    // The approach's closed sets come from the domain, so a new value needs its label.
    use samenspel_domain::approaches as ap;
    use samenspel_domain::logbook as lb;
    let entry_kinds: Vec<&str> = lb::EntryKind::ALL.iter().map(|v| v.as_str()).collect();
    let visibilities: Vec<&str> = lb::Visibility::ALL.iter().map(|v| v.as_str()).collect();
    let domain: Vec<(&str, Vec<&str>)> = vec![
        (
            "node-status",
            ap::NodeStatus::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        (
            "party-role",
            ap::PartyRole::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        (
            "steering-form",
            ap::SteeringForm::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        (
            "director-role",
            ap::DirectorRole::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        (
            "intensity",
            ap::Intensity::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        (
            "approach-status",
            ap::ApproachStatus::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        (
            "horizon",
            ap::Horizon::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        (
            "position-kind",
            ap::PositionKind::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        ("entry-kind", entry_kinds.clone()),
        ("logbook-new", entry_kinds.clone()),
        ("logbook-edit", entry_kinds.clone()),
        ("logbook-submit", entry_kinds.clone()),
        ("label-entry-title", entry_kinds.clone()),
        ("label-entry-body", entry_kinds),
        (
            "meeting-kind",
            lb::MeetingKind::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        (
            "action-status",
            lb::ActionStatus::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        ("visibility", visibilities.clone()),
        ("visibility-hint", visibilities.clone()),
        ("visibility-badge", visibilities),
        (
            "notification-event",
            vec!["added", "changed", "moved", "overdue", "review"],
        ),
        (
            "mail-frequency",
            lb::MailFrequency::ALL.iter().map(|v| v.as_str()).collect(),
        ),
    ];
    let values: Vec<(&str, &[&str])> = values
        .iter()
        .map(|(p, v)| (*p, *v))
        .chain(domain.iter().map(|(p, v)| (*p, v.as_slice())))
        .collect();
    for (prefix, values) in &values {
        assert!(
            prefixes.contains(*prefix),
            "{prefix} is no longer used with t_of"
        );
        for value in *values {
            used.insert(format!("{prefix}-{value}"));
        }
    }
    assert_eq!(
        prefixes.len(),
        values.len(),
        "every t_of prefix has its values listed here: {prefixes:?}"
    );
    for month in 1..=12 {
        used.insert(format!("month-{month}"));
    }
    for action in samenspel_web::audit::Action::NAMES {
        used.insert(samenspel_web::admin::action_key(action));
    }
    let missing: Vec<_> = used.iter().filter(|k| !nl.contains(*k)).collect();
    assert!(missing.is_empty(), "used but not defined: {missing:?}");
    assert!(
        used.len() > 150,
        "the scan found the keys in use ({})",
        used.len()
    );
}
