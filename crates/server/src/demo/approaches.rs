//! Demo data of the wijkaanpak workspace: three approaches of Zonnedal in different phases of
//! the method, with their parties, a sub-project, knooppunten under way and done, needs and
//! notes, each party's perspective and position, a shared ambition and goals.
//!
//! Which nodes are done follows the method pack (every node of an earlier phase, the first
//! ones of the current phase), so the demo keeps working when the pack's content changes.

use anyhow::Context;
use samenspel_domain::approaches::{Horizon, Intensity, NodeStatus, PartyRole, PositionKind};
use samenspel_domain::method::Pack;
use samenspel_store::approaches::{self, NewParty, Settings};
use samenspel_store::sql::Sql;
use samenspel_store::{OrgId, UserId, ambition, areas, audit, kompas, method};
use time::{Duration, OffsetDateTime};

struct Demo {
    name: &'static str,
    description: &'static str,
    areas: &'static [&'static str],
    /// Index of the phase the approach is in.
    phase: usize,
    intensity: Intensity,
    steering_form: &'static str,
    director_role: &'static str,
    /// (organisation, role, sub-project index)
    parties: &'static [(&'static str, PartyRole, Option<usize>)],
    subprojects: &'static [(&'static str, &'static str, &'static str)],
    /// The person who does the work in the demo, and the organisation they act for.
    worker: (&'static str, &'static str),
    ambition: &'static str,
    /// Parties that agreed to the ambition.
    agreed: &'static [&'static str],
    positions: &'static [(
        &'static str,
        PositionKind,
        &'static str,
        &'static [&'static str],
    )],
    goals: &'static [(
        Horizon,
        &'static str,
        &'static str,
        &'static str,
        i64,
        &'static str,
    )],
    /// (party, tracks by index, believed phase index, next year)
    perspectives: &'static [(&'static str, &'static [usize], usize, &'static str)],
}

const MUNICIPALITY: &str = "Gemeente Zonnedal";
const ENERGY: &str = "Energiecoöperatie Zonnedal Energie";
const LINDE: &str = "Buurtvereniging De Linde";
const BEEKVELD: &str = "Dorpsraad Beekveld";
const POPULIEREN: &str = "Warmtegroep Populierenbuurt";
const HOUSING: &str = "Woonstichting Zonnedal";
const GRID: &str = "RegioNet netbeheer";
const FACILITATOR: &str = "Stichting Buurtkracht";

fn demos() -> Vec<Demo> {
    vec![
        Demo {
            name: "Wijkaanpak Zonnedal-Centrum",
            description: "Oude Kern en De Linde samen van het aardgas af, met een warmtenet voor de kern en warmtepompen waar dat beter past.",
            areas: &["BU99010101", "BU99010102"],
            phase: 1,
            intensity: Intensity::Project,
            steering_form: "networking",
            director_role: "process",
            parties: &[
                (ENERGY, PartyRole::ProjectTeam, None),
                (LINDE, PartyRole::SubTeam, Some(0)),
                (HOUSING, PartyRole::Executor, None),
                (GRID, PartyRole::Adviser, None),
                (FACILITATOR, PartyRole::Adviser, None),
            ],
            subprojects: &[(
                "Warmtenet De Linde",
                "Onderzoek naar een klein warmtenet voor de huizen rond het Lindeplein.",
                LINDE,
            )],
            worker: ("kernteam@zonnedalenergie.example", ENERGY),
            ambition: "In 2035 verwarmen de bewoners van Oude Kern en De Linde hun huis zonder aardgas, tegen woonlasten die niet hoger zijn dan nu. Bewoners denken mee en beslissen mee over het warmtenet, en de coöperatie wordt mede-eigenaar.",
            agreed: &[MUNICIPALITY, ENERGY, LINDE],
            positions: &[
                (
                    ENERGY,
                    PositionKind::Goals,
                    "Een warmtenet in eigendom van bewoners",
                    &[LINDE],
                ),
                (
                    ENERGY,
                    PositionKind::Wishes,
                    "Vaste contactpersoon bij de gemeente",
                    &[LINDE, HOUSING],
                ),
                (
                    MUNICIPALITY,
                    PositionKind::Goals,
                    "Zonnedal-Centrum aardgasvrij in 2035",
                    &[ENERGY, HOUSING],
                ),
                (
                    MUNICIPALITY,
                    PositionKind::Interests,
                    "Betaalbaar voor huurders en eigenaren",
                    &[],
                ),
                (
                    HOUSING,
                    PositionKind::Expectations,
                    "Duidelijkheid over de planning vóór 2027",
                    &[],
                ),
                (
                    LINDE,
                    PositionKind::Wishes,
                    "Het Lindeplein blijft groen tijdens de werkzaamheden",
                    &[],
                ),
            ],
            goals: &[
                (
                    Horizon::Short,
                    "250 leden bij de coöperatie",
                    "Aantal leden",
                    "250",
                    -30,
                    "180",
                ),
                (
                    Horizon::Middle,
                    "Intentieovereenkomst warmtenet getekend",
                    "Getekende overeenkomst",
                    "1",
                    300,
                    "",
                ),
                (
                    Horizon::Long,
                    "Alle woningen aardgasvrij",
                    "Woningen zonder gasaansluiting",
                    "1.450",
                    3300,
                    "40",
                ),
            ],
            perspectives: &[
                (
                    MUNICIPALITY,
                    &[0, 1, 3],
                    1,
                    "Het plan van aanpak afronden en de gemeenteraad informeren.",
                ),
                (
                    ENERGY,
                    &[0, 2, 4, 5],
                    1,
                    "Ledenwerving en een haalbaarheidsstudie voor het warmtenet.",
                ),
                (
                    LINDE,
                    &[5],
                    0,
                    "Bewonersavonden over het warmtenet in De Linde.",
                ),
            ],
        },
        Demo {
            name: "Dorpskern Beekveld",
            description: "De dorpsraad en de gemeente verkennen samen wat Beekveld nodig heeft om van het aardgas af te gaan.",
            areas: &["WK990103"],
            phase: 0,
            intensity: Intensity::Light,
            steering_form: "participating",
            director_role: "waiting",
            parties: &[
                (BEEKVELD, PartyRole::ProjectTeam, None),
                (FACILITATOR, PartyRole::Adviser, None),
            ],
            subprojects: &[],
            worker: ("dorpsraad@beekveld.example", BEEKVELD),
            ambition: "",
            agreed: &[],
            positions: &[
                (
                    BEEKVELD,
                    PositionKind::Wishes,
                    "Eerst weten wat het kost voor oudere huizen",
                    &[],
                ),
                (
                    MUNICIPALITY,
                    PositionKind::Expectations,
                    "De dorpsraad haalt op wat het dorp wil",
                    &[BEEKVELD],
                ),
            ],
            goals: &[(
                Horizon::Short,
                "Eerste dorpsavond gehouden",
                "Dorpsavond",
                "1",
                60,
                "",
            )],
            perspectives: &[(
                BEEKVELD,
                &[0, 5],
                0,
                "Een dorpsavond en een enquête onder alle huishoudens.",
            )],
        },
        Demo {
            name: "Populierenbuurt en Vogelwijk",
            description: "Samen met de warmtegroep en de woonstichting naar een uitvoeringsplan voor Zonnedal-Noord.",
            areas: &["BU99010201", "BU99010202"],
            phase: 2,
            intensity: Intensity::Formal,
            steering_form: "performing",
            director_role: "integral",
            parties: &[
                (POPULIEREN, PartyRole::ProjectTeam, None),
                (HOUSING, PartyRole::ProjectTeam, None),
                (GRID, PartyRole::Executor, None),
            ],
            subprojects: &[],
            worker: ("warmtegroep@populierenbuurt.example", POPULIEREN),
            ambition: "Zonnedal-Noord is in 2030 aardgasvrij met all-electric woningen, en elke bewoner weet op tijd wat er gebeurt en wat het kost.",
            agreed: &[MUNICIPALITY, POPULIEREN, HOUSING],
            positions: &[(
                POPULIEREN,
                PositionKind::Goals,
                "Everyone can take part, including those who do not speak Dutch",
                &[MUNICIPALITY],
            )],
            goals: &[(
                Horizon::Middle,
                "Wijkuitvoeringsplan vastgesteld",
                "Besluit van de raad",
                "1",
                120,
                "",
            )],
            perspectives: &[
                (
                    POPULIEREN,
                    &[2, 5],
                    2,
                    "Kitchen-table talks in English and in Dutch.",
                ),
                (
                    HOUSING,
                    &[2, 3],
                    2,
                    "Investeringsbesluit voor 320 huurwoningen.",
                ),
            ],
        },
    ]
}

pub fn load(
    c: &mut Sql<'_>,
    org_of: &dyn Fn(&str) -> Option<OrgId>,
    user_of: &dyn Fn(&str) -> Option<UserId>,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let zonnedal = org_of(MUNICIPALITY).context("demo municipality")?;
    if approaches::count_of_municipality(c, zonnedal)? > 0 {
        return Ok(());
    }
    let pack = Pack::default_pack().map_err(|p| anyhow::anyhow!("method pack: {p:?}"))?;
    let pack_id = method::install(c, &pack, now)?;
    let leader = user_of("projectleider@zonnedal.example").context("demo project leader")?;
    let stored = areas::list(c, zonnedal)?;
    for demo in demos() {
        let org = |name: &str| org_of(name).with_context(|| format!("demo organisation {name}"));
        let phase = pack.phases.get(demo.phase).context("demo phase")?;
        let settings = Settings {
            name: demo.name.into(),
            description: demo.description.into(),
            phase_key: phase.key.clone(),
            steering_form: Some(demo.steering_form.into()),
            director_role: Some(demo.director_role.into()),
            intensity: demo.intensity,
            contact_user: Some(leader),
            contact_phone: "14 0999".into(),
            areas: stored
                .iter()
                .filter(|a| demo.areas.contains(&a.code.as_str()))
                .map(|a| a.id)
                .collect(),
        };
        let started = now - Duration::days(400 - 30 * demo.phase as i64);
        let id = approaches::create(c, zonnedal, pack_id, &settings, leader, started)?;
        let mut subprojects = Vec::new();
        for (name, description, lead) in demo.subprojects {
            let lead = org(lead)?;
            subprojects.push(approaches::add_subproject(
                c,
                id,
                name,
                description,
                Some(lead),
                started,
            )?);
        }
        for (name, role, subproject) in demo.parties {
            let party = NewParty {
                organisation: org(name)?,
                role: *role,
                subproject: subproject.and_then(|i| subprojects.get(i).copied()),
                since: Some(started.date()),
                until: None,
            };
            approaches::add_party(c, id, &party, started)?;
        }
        let (worker_email, worker_org) = demo.worker;
        let worker = user_of(worker_email).context("demo worker")?;
        // The English-speaking heat group writes its own words in English.
        let english = worker_org == POPULIEREN;
        let worker_org = org(worker_org)?;
        // Every node of an earlier phase is done (one did not apply); in the current phase the
        // first is done, the next two are under way, one is paused.
        let mut at = started;
        for node in &pack.nodes {
            let index = pack.phase_index(&node.phase).unwrap_or(usize::MAX);
            let position = pack
                .nodes
                .iter()
                .filter(|n| n.phase == node.phase)
                .position(|n| n.key == node.key)
                .unwrap_or(0);
            let path: &[NodeStatus] = if index < demo.phase {
                if position == 3 {
                    &[NodeStatus::NotApplicable]
                } else {
                    &[NodeStatus::Started, NodeStatus::Completed]
                }
            } else if index == demo.phase {
                match position {
                    0 => &[NodeStatus::Started, NodeStatus::Completed],
                    1 | 2 => &[NodeStatus::Started],
                    3 => &[NodeStatus::Started, NodeStatus::Paused],
                    _ => &[],
                }
            } else {
                &[]
            };
            // Work that only the municipality's own organisation can do is led by it.
            let municipal = node.tracks.iter().all(|t| t == "municipal-organisation");
            let (lead_user, lead_org) = if municipal {
                (leader, zonnedal)
            } else {
                (worker, worker_org)
            };
            for (step, to) in path.iter().enumerate() {
                at = (at + Duration::days(1)).min(now);
                let (user, party) = if step == 0 {
                    (leader, zonnedal)
                } else {
                    (lead_user, lead_org)
                };
                let note = match (*to, english && !municipal) {
                    (NodeStatus::Paused, false) => {
                        "Wacht op het besluit van de gemeenteraad over de Transitievisie Warmte."
                    }
                    (NodeStatus::Paused, true) => {
                        "Waiting for the council's decision on the heat transition vision."
                    }
                    _ => "",
                };
                let change = kompas::Move {
                    node: &node.key,
                    to: *to,
                    note,
                    user,
                    organisation: Some(party),
                };
                let from = kompas::move_node(c, id, &change, at)?;
                if index == demo.phase {
                    // Recent work shows under "what changed" on the project page.
                    let event = audit::NewEvent {
                        actor: Some(user),
                        ip: None,
                        action: "approach.node_moved",
                        subject_kind: "approach",
                        subject_id: Some(id.0),
                        organisation: Some(party),
                        changes: serde_json::json!({
                            "node": node.key, "from": from.as_str(), "to": to.as_str(),
                        }),
                    };
                    audit::record(c, &event, at)?;
                }
            }
            if !path.is_empty() {
                let involved = if municipal { worker_org } else { zonnedal };
                kompas::set_parties(c, id, &node.key, Some(lead_org), &[involved], at)?;
            }
            if index == demo.phase && position == 1 {
                let note = if english {
                    "Discussed in the core team; the next step is an evening for residents."
                } else {
                    "Besproken in het kernteam; de volgende stap is een avond voor bewoners."
                };
                kompas::add_note(c, id, &node.key, note, worker, Some(worker_org), at)?;
                if let Some((name, _, _)) = demo.parties.iter().find(|(_, r, _)| !r.works()) {
                    let need = kompas::NewNeed {
                        node: &node.key,
                        from: worker_org,
                        to: org(name)?,
                        note: if english {
                            "Knowledge and a second pair of eyes"
                        } else {
                            "Kennis en een tweede paar ogen"
                        },
                        user: worker,
                    };
                    kompas::add_need(c, id, &need, at)?;
                }
            }
        }
        if !demo.ambition.is_empty() {
            let version = ambition::set_ambition(c, id, demo.ambition, 0, at)?;
            for name in demo.agreed {
                ambition::agree(c, id, org(name)?, version, leader, at)?;
            }
        }
        for (owner, kind, body, sharers) in demo.positions {
            let item = ambition::add_position(c, id, org(owner)?, *kind, body, worker, at)?;
            for sharer in *sharers {
                ambition::share_position(c, id, item, org(sharer)?, true, at)?;
            }
        }
        for (horizon, title, indicator, target, days, value) in demo.goals {
            let goal = ambition::NewGoal {
                horizon: *horizon,
                title: (*title).into(),
                indicator: (*indicator).into(),
                target_value: (*target).into(),
                target_date: Some((now + Duration::days(*days)).date()),
                owner: Some(worker_org),
            };
            let goal_id = ambition::add_goal(c, id, &goal, leader, at)?;
            if !value.is_empty() {
                let update = ambition::GoalUpdate {
                    value,
                    note: "",
                    achieved: false,
                    user: worker,
                    organisation: Some(worker_org),
                };
                ambition::update_goal(c, id, goal_id, &update, at)?;
            }
        }
        for (name, tracks, phase, next_year) in demo.perspectives {
            let tracks: Vec<String> = tracks
                .iter()
                .filter_map(|i| pack.tracks.get(*i).map(|t| t.key.clone()))
                .collect();
            let believed = pack.phases.get(*phase).map(|p| p.key.as_str());
            approaches::set_perspective(c, id, org(name)?, &tracks, believed, next_year, at)?;
        }
    }
    Ok(())
}
