//! Demo data of the registry: Zonnedal's CBS code, its wijken and buurten with simple outlines,
//! the profiles of the four demo initiatives, a sports club mapped by the facilitator that has
//! not claimed its profile yet, and the facilitator working in Zonnedal.

use anyhow::Context;
use samenspel_domain::areas::{
    AreaName, AreaRecord, DistrictCode, MunicipalityCode, NeighbourhoodCode,
};
use samenspel_domain::initiatives::{
    Character, CoreRole, LegalForm, Profile, Project, SupportNeed, Theme,
};
use samenspel_domain::organisations::{OrgKind, OrgName};
use samenspel_store::sql::Sql;
use samenspel_store::{AreaId, OrgId, UserId, areas, initiatives, organisations};
use time::OffsetDateTime;

pub const MUNICIPALITY_CODE: &str = "GM9901";

/// (code, name, south-west corner as longitude/latitude); each district is a small square.
const DISTRICTS: &[(&str, &str, (f64, f64))] = &[
    ("WK990101", "Zonnedal-Centrum", (5.900, 52.200)),
    ("WK990102", "Zonnedal-Noord", (5.900, 52.220)),
    ("WK990103", "Beekveld", (5.930, 52.200)),
];
const NEIGHBOURHOODS: &[(&str, &str)] = &[
    ("BU99010101", "Oude Kern"),
    ("BU99010102", "De Linde"),
    ("BU99010103", "Stationskwartier"),
    ("BU99010201", "Populierenbuurt"),
    ("BU99010202", "Vogelwijk"),
    ("BU99010301", "Beekveld-dorp"),
    ("BU99010302", "Buitengebied Beekveld"),
];

/// A rectangular outline as GeoJSON geometry.
fn rectangle(west: f64, south: f64, width: f64, height: f64) -> String {
    let (east, north) = (west + width, south + height);
    format!(
        r#"{{"type":"Polygon","coordinates":[[[{west:.4},{south:.4}],[{east:.4},{south:.4}],[{east:.4},{north:.4}],[{west:.4},{north:.4}],[{west:.4},{south:.4}]]]}}"#
    )
}

fn name(text: &str) -> anyhow::Result<AreaName> {
    AreaName::parse(text).map_err(|e| anyhow::anyhow!("{text}: {}", e.key))
}

fn records() -> anyhow::Result<Vec<AreaRecord>> {
    let mut records = Vec::new();
    for (code, district, (west, south)) in DISTRICTS {
        records.push(AreaRecord::District {
            code: DistrictCode::parse(code).map_err(|e| anyhow::anyhow!("{code}: {}", e.key))?,
            name: name(district)?,
            geometry: Some(rectangle(*west, *south, 0.02, 0.02)),
        });
        let inside: Vec<_> = NEIGHBOURHOODS
            .iter()
            .filter(|(b, _)| b[2..8] == code[2..8])
            .collect();
        for (i, (b, buurt)) in inside.iter().enumerate() {
            // Neighbourhoods side by side, filling their district.
            let width = 0.02 / inside.len() as f64;
            records.push(AreaRecord::Neighbourhood {
                code: NeighbourhoodCode::parse(b).map_err(|e| anyhow::anyhow!("{b}: {}", e.key))?,
                name: name(buurt)?,
                geometry: Some(rectangle(west + width * i as f64, *south, width, 0.02)),
            });
        }
    }
    Ok(records)
}

/// One demo initiative's profile; `mapped_by` names the facilitator that mapped it when it has
/// no account of its own.
struct Demo {
    name: &'static str,
    profile: Profile,
    areas: &'static [&'static str],
    projects: &'static [(i32, &'static str, &'static str)],
    verified: bool,
    mapped: bool,
}

fn text(s: &str) -> String {
    s.to_owned()
}

fn demos() -> Vec<Demo> {
    vec![
        Demo {
            name: "Energiecoöperatie Zonnedal Energie",
            profile: Profile {
                description: text(
                    "Coöperatie van en voor inwoners van Zonnedal. We wekken samen zonnestroom op, helpen buren met besparen en onderzoeken met de gemeente een warmtenet voor de Oude Kern.",
                ),
                legal_form: LegalForm::Cooperative,
                character: Character::Both,
                has_volunteers: true,
                has_paid_staff: true,
                member_count: Some(240),
                themes: vec![Theme::Heat, Theme::Solar, Theme::Saving],
                core_roles: vec![
                    CoreRole::Entrepreneurs,
                    CoreRole::Technical,
                    CoreRole::Finance,
                ],
                support_needed: vec![SupportNeed::Knowledge, SupportNeed::Budget],
                support_note: text(
                    "Juridisch advies over het eigendom van een toekomstig warmtenet.",
                ),
                does_not_do: text(
                    "We worden geen energieleverancier en nemen geen beslissingen over de warmtevisie; dat blijft bij de gemeente.",
                ),
                contact_name: text("Joris Haverkamp"),
                contact_email: text("kernteam@zonnedalenergie.example"),
                contact_phone: String::new(),
                website: text("https://zonnedalenergie.example"),
                founded_year: Some(2014),
                public: true,
            },
            areas: &["WK990101"],
            projects: &[
                (
                    2016,
                    "Zonnedak op sporthal De Kuil",
                    "412 panelen, 160 leden deden mee",
                ),
                (
                    2021,
                    "Energiecoaches in de Oude Kern",
                    "90 huisbezoeken, gemiddeld 8% minder gas",
                ),
            ],
            verified: true,
            mapped: false,
        },
        Demo {
            name: "Buurtvereniging De Linde",
            profile: Profile {
                description: text(
                    "Buurtvereniging die al ruim veertig jaar de buurt samenbrengt: straatfeesten, een moestuin en sinds kort een werkgroep over het aardgasvrij maken van de buurt.",
                ),
                legal_form: LegalForm::Association,
                character: Character::Participation,
                has_volunteers: true,
                has_paid_staff: false,
                member_count: Some(85),
                themes: vec![Theme::Social, Theme::Greenery, Theme::Saving],
                core_roles: vec![CoreRole::Connectors, CoreRole::Organisers],
                support_needed: vec![SupportNeed::Knowledge, SupportNeed::Premises],
                support_note: String::new(),
                does_not_do: text("We geven geen technisch advies aan bewoners."),
                contact_name: text("Fatima el Idrissi"),
                contact_email: text("secretaris@delinde.example"),
                contact_phone: String::new(),
                website: String::new(),
                founded_year: Some(1982),
                public: false,
            },
            areas: &["BU99010102"],
            projects: &[(2023, "Buurtmoestuin", "30 huishoudens doen mee")],
            verified: true,
            mapped: false,
        },
        Demo {
            name: "Dorpsraad Beekveld",
            profile: Profile {
                description: text(
                    "De dorpsraad behartigt de belangen van Beekveld en het buitengebied bij de gemeente, ook bij de keuze voor een warmtealternatief voor het dorp.",
                ),
                legal_form: LegalForm::Foundation,
                character: Character::Participation,
                has_volunteers: true,
                has_paid_staff: false,
                member_count: Some(9),
                themes: vec![Theme::Heat, Theme::Mobility, Theme::Social],
                core_roles: vec![CoreRole::Connectors, CoreRole::Communicators],
                support_needed: vec![SupportNeed::Capacity, SupportNeed::Process],
                support_note: text(
                    "Een buurtbegeleider voor de eerste gesprekken met de gemeente.",
                ),
                does_not_do: String::new(),
                contact_name: text("Gerrit Wolters"),
                contact_email: text("dorpsraad@beekveld.example"),
                contact_phone: text("0577 123 456"),
                website: String::new(),
                founded_year: Some(1999),
                public: true,
            },
            areas: &["WK990103"],
            projects: &[],
            verified: false,
            mapped: false,
        },
        Demo {
            name: "Warmtegroep Populierenbuurt",
            profile: Profile {
                description: text(
                    "A group of neighbours exploring heat pumps together: we share what we learn, organise information evenings and collect quotes as a group.",
                ),
                legal_form: LegalForm::None,
                character: Character::Technical,
                has_volunteers: true,
                has_paid_staff: false,
                member_count: Some(14),
                themes: vec![Theme::Heat, Theme::Saving],
                core_roles: vec![CoreRole::Technical, CoreRole::Communicators],
                support_needed: vec![SupportNeed::Knowledge, SupportNeed::Contacts],
                support_note: String::new(),
                does_not_do: text("We do not sell or install anything."),
                contact_name: text("Emma Clarke"),
                contact_email: text("warmtegroep@populierenbuurt.example"),
                contact_phone: String::new(),
                website: String::new(),
                founded_year: Some(2024),
                public: true,
            },
            areas: &["BU99010201"],
            projects: &[],
            verified: false,
            mapped: false,
        },
        Demo {
            name: "Sportvereniging ZVV Zonnedal",
            profile: Profile {
                description: text(
                    "Voetbalclub met een actieve kantinecommissie die zonnepanelen en een warmtepomp voor het clubhuis wil.",
                ),
                legal_form: LegalForm::Association,
                character: Character::Technical,
                has_volunteers: true,
                has_paid_staff: false,
                member_count: Some(410),
                themes: vec![Theme::Sport, Theme::Solar],
                core_roles: vec![CoreRole::Organisers],
                support_needed: vec![SupportNeed::Budget, SupportNeed::Knowledge],
                support_note: String::new(),
                does_not_do: String::new(),
                contact_name: text("Kantinecommissie"),
                contact_email: text("bestuur@zvvzonnedal.example"),
                contact_phone: String::new(),
                website: String::new(),
                founded_year: Some(1931),
                public: false,
            },
            areas: &["BU99010202"],
            projects: &[],
            verified: false,
            mapped: true,
        },
    ]
}

/// Loads the registry's demo data; safe to run again.
pub fn load(
    c: &mut Sql<'_>,
    org_of: &dyn Fn(&str) -> Option<OrgId>,
    facilitator_user: UserId,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let zonnedal = org_of("Gemeente Zonnedal").context("demo municipality")?;
    let buurtkracht = org_of("Stichting Buurtkracht").context("demo facilitator")?;
    let code =
        MunicipalityCode::parse(MUNICIPALITY_CODE).map_err(|e| anyhow::anyhow!("{}", e.key))?;
    if areas::municipality_code(c, zonnedal)?.is_none() {
        areas::set_municipality_code(c, zonnedal, &code)?;
    }
    areas::upsert(c, zonnedal, &records()?, now)?;
    organisations::add_facilitator(c, zonnedal, buurtkracht, now)?;

    let stored = areas::list(c, zonnedal)?;
    let area_id = |code: &str| stored.iter().find(|a| a.code == code).map(|a| a.id);
    for demo in demos() {
        let area_ids: Vec<AreaId> = demo.areas.iter().filter_map(|c| area_id(c)).collect();
        let org = match org_of(demo.name) {
            Some(org) => org,
            None => match organisations::find_by_name(c, OrgKind::Initiative, demo.name)? {
                Some(org) => org,
                None if demo.mapped => {
                    let name = OrgName::parse(demo.name)
                        .map_err(|e| anyhow::anyhow!("{}: {}", demo.name, e.key))?;
                    let mapping = initiatives::Mapping {
                        name: &name,
                        municipality: zonnedal,
                        mapped_by: buurtkracht,
                        creator: facilitator_user,
                        profile: &demo.profile,
                        areas: &area_ids,
                    };
                    // Mapped when the work in Zonnedal began, before the logbook's history.
                    initiatives::map(c, &mapping, now - time::Duration::days(400))?
                }
                None => continue,
            },
        };
        if initiatives::profile(c, org)?.is_none() {
            initiatives::save(c, org, zonnedal, &demo.profile, &area_ids, now)?;
        }
        if initiatives::projects(c, org)?.is_empty() {
            for (year, title, result) in demo.projects {
                let project = Project::parse(&year.to_string(), title, result, now.year())
                    .map_err(|_| anyhow::anyhow!("demo project {title}"))?;
                initiatives::add_project(c, org, &project, now)?;
            }
        }
        let unverified = initiatives::profile(c, org)?.is_some_and(|p| p.verified_at.is_none());
        if demo.verified && unverified {
            initiatives::verify(c, org, zonnedal, now)?;
        }
    }
    Ok(())
}
