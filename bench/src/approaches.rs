//! Approaches at national scale: ~2,000 wijkaanpakken spread over the municipalities by their
//! number of areas (a few big cities with many, most municipalities with one or none), each with
//! parties, knooppunten done and under way with their history, notes, needs, positions and goals.

use crate::{bench_user, municipalities_with_areas};
use anyhow::Context;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use samenspel_domain::approaches::{Horizon, Intensity, NodeStatus, PartyRole, PositionKind};
use samenspel_domain::method::Pack;
use samenspel_domain::organisations::{OrgKind, OrgName};
use samenspel_store::approaches::{self, NewParty, Settings};
use samenspel_store::{ApproachId, Db, OrgId, ambition, kompas, method, organisations};
use std::collections::HashMap;
use std::time::Instant;
use time::Duration;

const PARTNERS: usize = 300;

/// Creates `count` approaches and returns the largest municipality and its first approach.
/// Initiatives already mapped into a municipality's registry join some of its approaches.
pub async fn generate(db: &Db, count: usize, seed: u64) -> anyhow::Result<(OrgId, ApproachId)> {
    let started = Instant::now();
    let user = bench_user(db).await?;
    let pack = Pack::default_pack().map_err(|p| anyhow::anyhow!("method pack: {p:?}"))?;
    let now = samenspel_store::now();
    let mut rng = StdRng::seed_from_u64(seed);

    // Municipalities with their areas; the weight of each is its number of areas.
    let (municipalities, registries) = db
        .read(|c| -> anyhow::Result<_> {
            let municipalities = municipalities_with_areas(c)?;
            let mut registries: HashMap<OrgId, Vec<OrgId>> = HashMap::new();
            let sql = "SELECT organisation_id, municipality_id FROM initiative_profiles \
                       ORDER BY organisation_id";
            let rows: Vec<(OrgId, OrgId)> = c.all(sql, &[])?;
            for (initiative, municipality) in rows {
                registries.entry(municipality).or_default().push(initiative);
            }
            Ok((municipalities, registries))
        })
        .await?;
    anyhow::ensure!(
        !municipalities.is_empty(),
        "no municipality has areas: run `registry --import-areas` first"
    );
    let largest = municipalities
        .iter()
        .max_by_key(|(_, a)| a.len())
        .map(|(org, _)| *org)
        .context("a municipality")?;

    let (first_of_largest, moves) = db
        .write(move |c| -> anyhow::Result<_> {
            let pack_id = method::install(c, &pack, now)?;
            let mut partners = Vec::with_capacity(PARTNERS);
            for i in 0..PARTNERS {
                let kind = if i % 5 == 0 {
                    OrgKind::Facilitator
                } else {
                    OrgKind::Partner
                };
                let name = OrgName::parse(&format!("Partner {}", i + 1))
                    .map_err(|e| anyhow::anyhow!(e.key))?;
                partners.push(organisations::create(c, kind, &name, user, now)?.0);
            }
            let mut first_of_largest = None;
            let mut moves = 0usize;
            for i in 0..count {
                // Skew: a municipality is drawn by its number of areas, so the largest city
                // (about a twelfth of the country's areas) gets about 170 approaches and most
                // get one or two. The first one is the largest city's, so that even a small set
                // has it.
                let (municipality, area_ids) = if i == 0 {
                    municipalities
                        .iter()
                        .find(|(org, _)| *org == largest)
                        .context("the largest municipality")?
                } else {
                    municipalities
                        .choose_weighted(&mut rng, |(_, a)| a.len() as f64)
                        .map_err(|e| anyhow::anyhow!("{e}"))?
                };
                let phase = *[0usize, 0, 0, 1, 1, 1, 2, 2, 3, 4]
                    .choose(&mut rng)
                    .unwrap_or(&0);
                let how_many = rng.random_range(1..=3).min(area_ids.len());
                let chosen: Vec<_> = area_ids
                    .choose_multiple(&mut rng, how_many)
                    .copied()
                    .collect();
                let settings = Settings {
                    name: format!("Wijkaanpak {}", i + 1),
                    description: "Samen van het aardgas af.".into(),
                    phase_key: pack.phases[phase].key.clone(),
                    steering_form: Some("networking".into()),
                    director_role: Some("process".into()),
                    intensity: *Intensity::ALL.choose(&mut rng).unwrap_or(&Intensity::Light),
                    contact_user: Some(user),
                    contact_phone: String::new(),
                    areas: chosen,
                };
                let begun = now - Duration::days(rng.random_range(30..1500));
                let id = approaches::create(c, *municipality, pack_id, &settings, user, begun)?;
                if *municipality == largest && first_of_largest.is_none() {
                    first_of_largest = Some(id);
                }
                let mut parties = vec![*municipality];
                let how_many = rng.random_range(1..=5);
                let mut chosen_partners: Vec<OrgId> = partners
                    .choose_multiple(&mut rng, how_many)
                    .copied()
                    .collect();
                // One to three of the municipality's initiatives take part too (when it has any).
                let registry = registries
                    .get(municipality)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                let how_many = rng.random_range(1..=3);
                chosen_partners.extend(registry.choose_multiple(&mut rng, how_many).copied());
                for partner in &chosen_partners {
                    let role = *PartyRole::ALL
                        .choose(&mut rng)
                        .unwrap_or(&PartyRole::Adviser);
                    let party = NewParty {
                        organisation: *partner,
                        role,
                        subproject: None,
                        since: Some(begun.date()),
                        until: None,
                    };
                    approaches::add_party(c, id, &party, begun)?;
                    parties.push(*partner);
                }
                let mut at = begun;
                for node in &pack.nodes {
                    let index = pack.phase_index(&node.phase).unwrap_or(usize::MAX);
                    let path: &[NodeStatus] = if index < phase {
                        &[NodeStatus::Started, NodeStatus::Completed]
                    } else if index == phase && rng.random_bool(0.4) {
                        &[NodeStatus::Started]
                    } else {
                        &[]
                    };
                    for to in path {
                        at = (at + Duration::hours(20)).min(now);
                        let party = *parties.choose(&mut rng).unwrap_or(municipality);
                        let change = kompas::Move {
                            node: &node.key,
                            to: *to,
                            note: "",
                            user,
                            organisation: Some(party),
                        };
                        kompas::move_node(c, id, &change, at)?;
                        moves += 1;
                    }
                    if !path.is_empty() && rng.random_bool(0.3) {
                        let lead = *parties.choose(&mut rng).unwrap_or(municipality);
                        kompas::set_parties(c, id, &node.key, Some(lead), &parties[..1], at)?;
                        kompas::add_note(c, id, &node.key, "Besproken.", user, Some(lead), at)?;
                    }
                }
                for kind in PositionKind::ALL {
                    let owner = *parties.choose(&mut rng).unwrap_or(municipality);
                    ambition::add_position(c, id, owner, *kind, "Een standpunt", user, at)?;
                }
                for horizon in Horizon::ALL {
                    let goal = ambition::NewGoal {
                        horizon: *horizon,
                        title: "Een doel".into(),
                        indicator: "Woningen".into(),
                        target_value: "100".into(),
                        target_date: Some(
                            (now + Duration::days(rng.random_range(-200..2000))).date(),
                        ),
                        owner: Some(*municipality),
                    };
                    ambition::add_goal(c, id, &goal, user, at)?;
                }
            }
            Ok((first_of_largest, moves))
        })
        .await?;
    eprintln!(
        "{count} approaches, {PARTNERS} partners, {moves} status moves in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let first = first_of_largest.context("no approach in the largest municipality")?;
    Ok((largest, first))
}
