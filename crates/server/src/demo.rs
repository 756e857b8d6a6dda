//! Demo data: a fictional municipality, its initiatives, partners and a facilitator, each with
//! people to log in as, and the registry with its areas. Loading it twice changes nothing.

use samenspel_domain::Language;
use samenspel_domain::accounts::{Email, PersonName};
use samenspel_domain::organisations::{OrgKind, OrgName, OrgRole};
use samenspel_store::sql::Sql;
use samenspel_store::{Db, OrgId, UserId, organisations, users};

mod approaches;
mod logbook;
mod registry;

/// The password of every demo account (the README lists the accounts).
pub const DEMO_PASSWORD: &str = "samen-aan-de-slag";

/// (e-mail, name, language, platform administrator)
const PEOPLE: &[(&str, &str, &str, bool)] = &[
    (
        "beheer@samenspel.example",
        "Beheerder Samenspel",
        "nl",
        true,
    ),
    (
        "projectleider@zonnedal.example",
        "Ilse Verbeek",
        "nl",
        false,
    ),
    ("beleid@zonnedal.example", "Ruben Aksoy", "nl", false),
    (
        "kernteam@zonnedalenergie.example",
        "Joris Haverkamp",
        "nl",
        false,
    ),
    (
        "secretaris@delinde.example",
        "Fatima el Idrissi",
        "nl",
        false,
    ),
    ("dorpsraad@beekveld.example", "Gerrit Wolters", "nl", false),
    (
        "warmtegroep@populierenbuurt.example",
        "Emma Clarke",
        "en",
        false,
    ),
    (
        "adviseur@woonstichtingzonnedal.example",
        "Sanne de Wit",
        "nl",
        false,
    ),
    (
        "wijkregisseur@regionet.example",
        "Karim Bouzid",
        "nl",
        false,
    ),
    (
        "begeleider@buurtkracht.example",
        "Marloes Hendriks",
        "nl",
        false,
    ),
];

/// Members of a demo organisation as (e-mail, role); the first creates it.
type Members = &'static [(&'static str, &'static str)];

/// (kind, name, members)
const ORGANISATIONS: &[(&str, &str, Members)] = &[
    (
        "municipality",
        "Gemeente Zonnedal",
        &[
            ("projectleider@zonnedal.example", "admin"),
            ("beleid@zonnedal.example", "member"),
        ],
    ),
    (
        "initiative",
        "Energiecoöperatie Zonnedal Energie",
        &[("kernteam@zonnedalenergie.example", "admin")],
    ),
    (
        "initiative",
        "Buurtvereniging De Linde",
        &[("secretaris@delinde.example", "admin")],
    ),
    (
        "initiative",
        "Dorpsraad Beekveld",
        &[("dorpsraad@beekveld.example", "admin")],
    ),
    (
        "initiative",
        "Warmtegroep Populierenbuurt",
        &[("warmtegroep@populierenbuurt.example", "admin")],
    ),
    (
        "partner",
        "Woonstichting Zonnedal",
        &[("adviseur@woonstichtingzonnedal.example", "admin")],
    ),
    (
        "partner",
        "RegioNet netbeheer",
        &[("wijkregisseur@regionet.example", "admin")],
    ),
    (
        "facilitator",
        "Stichting Buurtkracht",
        &[("begeleider@buurtkracht.example", "admin")],
    ),
];

/// How many accounts the database holds that are not demo accounts. The demo accounts share a
/// published password, so loading them next to real people's accounts needs a deliberate
/// `--force`.
pub async fn other_accounts(db: &Db) -> anyhow::Result<i64> {
    db.read(|c| {
        let mut demo = 0;
        for (email, ..) in PEOPLE {
            let email = Email::parse(email).map_err(|e| anyhow::anyhow!("{email}: {}", e.key))?;
            if users::by_email(c, &email)?.is_some() {
                demo += 1;
            }
        }
        Ok(users::count(c)? - demo)
    })
    .await
}

pub async fn load(db: &Db) -> anyhow::Result<()> {
    let hash = samenspel_web::http::hash_password(DEMO_PASSWORD.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    db.write(move |c| fill(c, &hash)).await
}

/// Writes the demo data, in the transaction of [`load`].
fn fill(c: &mut Sql<'_>, hash: &str) -> anyhow::Result<()> {
    let now = samenspel_store::now();
    // The people and organisations joined before the oldest approach started (400 days ago),
    // so "in Samenspel since" and "member since" fit the history the demo tells.
    let joined = now - time::Duration::days(430);

    let mut ids: Vec<(&str, UserId)> = Vec::new();
    for (email, name, language, platform_admin) in PEOPLE {
        let email_v = Email::parse(email).map_err(|e| anyhow::anyhow!("{email}: {}", e.key))?;
        let id = match users::by_email(c, &email_v)? {
            Some(user) => user.id,
            None => {
                let name =
                    PersonName::parse(name).map_err(|e| anyhow::anyhow!("{name}: {}", e.key))?;
                let new = users::NewUser {
                    email: &email_v,
                    name: &name,
                    password_hash: hash,
                    language: Language::from_code(language).unwrap_or_default(),
                    platform_admin: *platform_admin,
                };
                users::create(c, &new, joined)?
            }
        };
        ids.push((email, id));
    }
    let user = |email: &str| ids.iter().find(|(e, _)| *e == email).map(|(_, id)| *id);

    let mut orgs: Vec<(&str, OrgId)> = Vec::new();
    for (kind, name, members) in ORGANISATIONS {
        let kind = OrgKind::parse(kind).map_err(|e| anyhow::anyhow!("{kind}: {}", e.key))?;
        let name_v = OrgName::parse(name).map_err(|e| anyhow::anyhow!("{name}: {}", e.key))?;
        let Some((first_email, _)) = members.first() else {
            continue;
        };
        let creator = user(first_email)
            .ok_or_else(|| anyhow::anyhow!("unknown demo person {first_email}"))?;
        let existing = organisations::for_user(c, creator)?
            .into_iter()
            .find(|o| o.name == *name)
            .map(|o| o.id);
        let org: OrgId = match existing {
            Some(id) => id,
            None => organisations::create(c, kind, &name_v, creator, joined)?.0,
        };
        // The demo's organisations are real to the demo: verified, as a platform administrator
        // would have done.
        organisations::mark_verified(c, org, joined)?;
        orgs.push((name, org));
        for (email, role) in members.iter().skip(1) {
            let person =
                user(email).ok_or_else(|| anyhow::anyhow!("unknown demo person {email}"))?;
            let role = OrgRole::parse(role).map_err(|e| anyhow::anyhow!("{role}: {}", e.key))?;
            if organisations::role_of(c, org, person)?.is_none() {
                organisations::add_member(c, org, person, role, joined)?;
            }
        }
    }
    let org_of = |name: &str| orgs.iter().find(|(n, _)| *n == name).map(|(_, id)| *id);
    let facilitator = user("begeleider@buurtkracht.example")
        .ok_or_else(|| anyhow::anyhow!("unknown demo facilitator"))?;
    registry::load(c, &org_of, facilitator, now)?;
    approaches::load(c, &org_of, &user, now)?;
    logbook::load(c, &org_of, &user, now)?;
    Ok(())
}
