//! The national data set of QUALITY.md in one database: 342 municipalities with their areas,
//! ~4,000 initiatives in the registries, ~2,000 approaches with parties and kompas progress,
//! their logbooks (150,000 meetings, 300,000 decisions, 600,000 actions), notifications and
//! 5,000,000 audit events; and the accounts the load benchmark logs in with, one per role.
//!
//! Municipalities, initiatives and approaches are made through the store functions the
//! application uses. The logbook and the audit log are too large for that, so they are written
//! in bulk here, as multi-row inserts of the same columns; each entry's search words are made
//! by the domain's [`search_document`], as the application makes them.

use crate::{account, approaches, initiative_name, municipalities_with_areas, profile, registry};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use samenspel_domain::logbook::{ActionStatus, MeetingKind, Visibility, search_document};
use samenspel_domain::method::Pack;
use samenspel_domain::organisations::{OrgName, OrgRole};
use samenspel_store::sql::Sql;
use samenspel_store::{ApproachId, Backend, Db, OrgId, UserId, approaches as store_approaches};
use samenspel_store::{initiatives, organisations, params};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::Instant;
use time::{Date, Duration, OffsetDateTime};

/// The national volumes, multiplied by `scale` (1.0 for the real run).
#[derive(Clone, Copy)]
pub struct Volumes {
    pub initiatives: usize,
    pub approaches: usize,
    pub meetings: usize,
    pub decisions: usize,
    pub actions: usize,
    pub audit_events: usize,
}

impl Volumes {
    pub fn national(scale: f64) -> Self {
        let n = |count: f64| ((count * scale).round() as usize).max(1);
        Volumes {
            initiatives: n(4_000.0),
            approaches: n(2_000.0),
            meetings: n(150_000.0),
            decisions: n(300_000.0),
            actions: n(600_000.0),
            audit_events: n(5_000_000.0),
        }
    }
}

/// The accounts of the load benchmark; all log in with [`crate::BENCH_PASSWORD`].
pub const LEADER: &str = "projectleider@bench.samenspel.example";
pub const VOLUNTEER: &str = "vrijwilliger@bench.samenspel.example";
pub const PARTNER: &str = "partner@bench.samenspel.example";
pub const ADMIN: &str = "beheerder@bench.samenspel.example";

pub async fn generate(
    db: &Db,
    areas_csv: &str,
    volumes: &Volumes,
    seed: u64,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut steps: Vec<(&str, f64)> = Vec::new();
    let mut step = Instant::now();
    let mut lap = |name: &'static str, steps: &mut Vec<(&str, f64)>| {
        steps.push((name, step.elapsed().as_secs_f64()));
        eprintln!("{name}: {:.1} s", step.elapsed().as_secs_f64());
        step = Instant::now();
    };
    registry(db, areas_csv, true, 0, seed).await?;
    lap("municipalities_and_areas_s", &mut steps);
    spread_initiatives(db, volumes.initiatives, seed).await?;
    lap("initiatives_s", &mut steps);
    let (municipality, approach) = approaches::generate(db, volumes.approaches, seed).await?;
    lap("approaches_s", &mut steps);
    let people = db.work(move |c| roles(c, municipality, approach)).await?;
    lap("accounts_s", &mut steps);
    let (counts, of_logbook) = (*volumes, people.clone());
    let entries = db
        .work(move |c| logbook(c, &counts, approach, &of_logbook, seed))
        .await?;
    lap("logbook_s", &mut steps);
    let (count, of_audit) = (volumes.audit_events, people.clone());
    db.work(move |c| audit(c, count, &of_audit, seed)).await?;
    lap("audit_s", &mut steps);
    // Fresh planner statistics for the tables just filled. On PostgreSQL also what autovacuum
    // would have done by the time a real installation held this much: the visibility map, so
    // that index-only scans need not visit the table (SQLite has no such thing).
    db.work(|c| {
        c.batch(match c.backend() {
            samenspel_store::Backend::Postgres => "VACUUM ANALYZE",
            samenspel_store::Backend::Sqlite => "ANALYZE",
        })
    })
    .await?;
    lap("analyze_s", &mut steps);

    // What the load benchmark needs to know, as JSON on standard output.
    let mut json = String::from("{");
    let _ = write!(
        json,
        "\"municipality\": {}, \"approach\": {}, \"initiative\": {}, \"partner\": {}, \
         \"leader\": {}, \"entries\": [{}], \"seconds\": {:.1}, \"steps\": {{{}}}}}",
        municipality.0,
        approach.0,
        people.initiative.0,
        people.partner.0,
        people.leader.0,
        entries
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        started.elapsed().as_secs_f64(),
        steps
            .iter()
            .map(|(name, s)| format!("\"{name}\": {s:.2}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("{json}");
    Ok(())
}

/// Initiatives over the registries of all municipalities, weighted by their number of areas
/// (a big city has a few hundred, most municipalities a handful).
async fn spread_initiatives(db: &Db, count: usize, seed: u64) -> anyhow::Result<()> {
    let user = crate::bench_user(db).await?;
    let municipalities = db.read(municipalities_with_areas).await?;
    let now = samenspel_store::now();
    let mut rng = StdRng::seed_from_u64(seed ^ 0x1417);
    db.write(move |c| -> anyhow::Result<()> {
        for i in 0..count {
            let (municipality, area_ids) = municipalities
                .choose_weighted(&mut rng, |(_, a)| a.len() as f64)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let name = OrgName::parse(&initiative_name(&mut rng, i))
                .map_err(|e| anyhow::anyhow!(e.key))?;
            let profile = profile(&mut rng);
            let how_many = rng.random_range(0..=3).min(area_ids.len());
            let chosen: Vec<_> = area_ids
                .choose_multiple(&mut rng, how_many)
                .copied()
                .collect();
            let mapping = initiatives::Mapping {
                name: &name,
                municipality: *municipality,
                mapped_by: *municipality,
                creator: user,
                profile: &profile,
                areas: &chosen,
            };
            let org = initiatives::map(c, &mapping, now)?;
            if rng.random_bool(0.4) {
                initiatives::verify(c, org, *municipality, now)?;
            }
        }
        Ok(())
    })
    .await
}

/// The people of the benchmark and the organisations they act for.
#[derive(Clone)]
pub struct People {
    pub leader: UserId,
    pub volunteer: UserId,
    pub partner_user: UserId,
    pub admin: UserId,
    /// Colleagues whose work fills the audit log.
    pub colleagues: Vec<UserId>,
    pub municipality: OrgId,
    pub initiative: OrgId,
    pub partner: OrgId,
}

/// One account per role: a project leader of the largest municipality, a volunteer of an
/// initiative and an employee of a partner that take part in its first approach, and a
/// platform administrator. That approach's public page is on. The accounts are saved one by
/// one, the memberships and the public page in one transaction.
fn roles(c: &mut Sql<'_>, municipality: OrgId, approach: ApproachId) -> anyhow::Result<People> {
    let leader = account(c, LEADER, "Projectleider Bench", false)?;
    let volunteer = account(c, VOLUNTEER, "Vrijwilliger Bench", false)?;
    let partner_user = account(c, PARTNER, "Partner Bench", false)?;
    let admin = account(c, ADMIN, "Beheerder Bench", true)?;
    let mut colleagues = vec![leader, volunteer, partner_user, admin];
    for i in 0..60 {
        let email = format!("collega{i}@bench.samenspel.example");
        colleagues.push(account(c, &email, &format!("Collega {i}"), false)?);
    }
    let now = samenspel_store::now();
    let (initiative, partner) = c.transaction(|c| -> anyhow::Result<_> {
        let parties = store_approaches::parties(c, approach)?;
        let sql = "SELECT p.organisation_id FROM approach_parties p JOIN initiative_profiles i \
                   ON i.organisation_id = p.organisation_id WHERE p.approach_id = $1 ORDER BY p.id";
        let initiative: Option<OrgId> = c.optional_scalar(sql, params![approach])?;
        let initiative = initiative.ok_or_else(|| anyhow::anyhow!("no initiative takes part"))?;
        let partner = parties
            .iter()
            .map(|p| p.organisation_id)
            .find(|org| *org != municipality && *org != initiative)
            .ok_or_else(|| anyhow::anyhow!("no partner takes part"))?;
        organisations::add_member(c, municipality, leader, OrgRole::Admin, now)?;
        organisations::add_member(c, initiative, volunteer, OrgRole::Admin, now)?;
        organisations::add_member(c, partner, partner_user, OrgRole::Member, now)?;
        for (i, colleague) in colleagues.iter().enumerate().skip(4) {
            let org = [municipality, initiative, partner][i % 3];
            organisations::add_member(c, org, *colleague, OrgRole::Member, now)?;
        }
        store_approaches::set_public_page(c, approach, true, now)?;
        Ok((initiative, partner))
    })?;
    Ok(People {
        leader,
        volunteer,
        partner_user,
        admin,
        colleagues,
        municipality,
        initiative,
        partner,
    })
}

/// The columns of `log_entries` between `happened_at` and `created_by`, which depend on the
/// entry's kind: each kind sets its own and leaves the others empty.
#[derive(Default)]
struct KindColumns {
    meeting_kind: Option<MeetingKind>,
    ends_at: Option<OffsetDateTime>,
    place: String,
    agenda: String,
    review_on: Option<Date>,
    supersedes: Option<i64>,
    owner_org: Option<i64>,
    owner_user: Option<i64>,
    due_on: Option<Date>,
    action_status: Option<ActionStatus>,
    meeting: Option<i64>,
    decision: Option<i64>,
}

impl KindColumns {
    /// In the order of the entry columns, empty as the store writes them (NULL, or "" for
    /// texts a form always has).
    fn values(self) -> [V; 12] {
        [
            V::K(self.meeting_kind.map(MeetingKind::as_str)),
            V::T(self.ends_at),
            V::S(self.place),
            V::S(self.agenda),
            V::D(self.review_on),
            V::I(self.supersedes),
            V::I(self.owner_org),
            V::I(self.owner_user),
            V::D(self.due_on),
            V::K(self.action_status.map(ActionStatus::as_str)),
            V::I(self.meeting),
            V::I(self.decision),
        ]
    }
}

/// A value of a bulk insert.
enum V {
    I(Option<i64>),
    S(String),
    /// A keyword of the domain (a kind, a status), or NULL.
    K(Option<&'static str>),
    T(Option<OffsetDateTime>),
    D(Option<Date>),
}

/// Rows for one table, written as multi-row inserts of at most `per_statement` rows.
struct Bulk {
    head: String,
    width: usize,
    values: Vec<V>,
    per_statement: usize,
}

impl Bulk {
    fn new(table: &str, columns: &[&str], postgres_identity: bool) -> Self {
        let overriding = if postgres_identity {
            " OVERRIDING SYSTEM VALUE"
        } else {
            ""
        };
        Bulk {
            head: format!(
                "INSERT INTO {table} ({}){overriding} VALUES ",
                columns.join(", ")
            ),
            width: columns.len(),
            values: Vec::new(),
            // About 800 values per statement: SQLite's binding slows down with many more
            // (and allows at most 32,766), PostgreSQL allows 65,535.
            per_statement: 800 / columns.len(),
        }
    }

    fn row(&mut self, row: impl IntoIterator<Item = V>) {
        self.values.extend(row);
    }

    fn rows(&self) -> usize {
        self.values.len() / self.width
    }

    fn flush(&mut self, c: &mut Sql<'_>) -> anyhow::Result<()> {
        let values = std::mem::take(&mut self.values);
        for chunk in values.chunks(self.per_statement * self.width) {
            let mut sql = self.head.clone();
            for (row, _) in chunk.chunks(self.width).enumerate() {
                sql.push_str(if row == 0 { "(" } else { ", (" });
                for column in 0..self.width {
                    let n = row * self.width + column + 1;
                    let _ = write!(sql, "{}${n}", if column == 0 { "" } else { ", " });
                }
                sql.push(')');
            }
            let values: Vec<samenspel_store::sql::Value<'_>> = chunk
                .iter()
                .map(|value| match value {
                    V::I(v) => (*v).into(),
                    V::S(v) => v.as_str().into(),
                    V::K(v) => (*v).into(),
                    V::T(v) => (*v).into(),
                    V::D(v) => (*v).into(),
                })
                .collect();
            c.execute(&sql, &values)?;
        }
        Ok(())
    }
}

const TOPICS: &[&str] = &[
    "warmtenet",
    "isolatie",
    "zonnepanelen",
    "warmtepomp",
    "buurtbijeenkomst",
    "energiecoach",
    "draagvlak",
    "subsidie",
    "collectieve inkoop",
    "huurwoningen",
    "monumenten",
    "netcongestie",
    "warmtebron",
    "keukentafelgesprek",
    "wijkuitvoeringsplan",
    "bodemenergie",
];
const PLACES: &[&str] = &[
    "Buurthuis",
    "Dorpshuis",
    "Bibliotheek",
    "Gemeentehuis",
    "Online",
];

fn words(rng: &mut StdRng, count: usize) -> String {
    (0..count)
        .map(|_| *TOPICS.choose(rng).unwrap_or(&"buurt"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The logbooks: the national numbers of meetings, decisions and actions over the approaches,
/// each approach's share by its age and a random weight (the benchmark's approach gets the
/// largest), with parties, knooppunten, links between entries and search words; then
/// notifications for the benchmark's people. Returns some entry ids of the benchmark approach.
/// Commits every 20,000 entries or so, and the rest with the notifications.
fn logbook(
    c: &mut Sql<'_>,
    volumes: &Volumes,
    bench_approach: ApproachId,
    people: &People,
    seed: u64,
) -> anyhow::Result<Vec<i64>> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x10b0);
    let pack = Pack::default_pack().map_err(|p| anyhow::anyhow!("method pack: {p:?}"))?;
    let node_keys: Vec<&str> = pack.nodes.iter().map(|n| n.key.as_str()).collect();
    let postgres = c.backend() == Backend::Postgres;
    let sql = "SELECT id, created_at FROM approaches ORDER BY id";
    let approach_rows: Vec<(ApproachId, OffsetDateTime)> = c.all(sql, &[])?;
    let sql = "SELECT approach_id, organisation_id FROM approach_parties ORDER BY id";
    let party_rows: Vec<(ApproachId, OrgId)> = c.all(sql, &[])?;
    let sql = "SELECT COALESCE(MAX(id), 0) FROM log_entries";
    let mut next_id: i64 = c.scalar(sql, &[])?;
    let mut parties: HashMap<ApproachId, Vec<OrgId>> = HashMap::new();
    for (approach, org) in party_rows {
        parties.entry(approach).or_default().push(org);
    }
    // An action is found by its owners' names too, as the application writes its words.
    let sql = "SELECT id, name FROM organisations";
    let org_names: HashMap<OrgId, String> =
        c.all::<(OrgId, String)>(sql, &[])?.into_iter().collect();
    let sql = "SELECT name FROM users WHERE id = $1";
    let volunteer_name: String = c.scalar(sql, params![people.volunteer])?;

    let now = samenspel_store::now();
    let weights: Vec<f64> = approach_rows
        .iter()
        .map(|(id, begun)| {
            let days = (now - *begun).whole_days().max(30) as f64;
            let weight = days * rng.random_range(0.2..1.8);
            if *id == bench_approach {
                days * 4.0
            } else {
                weight
            }
        })
        .collect();
    let total_weight: f64 = weights.iter().sum();
    let entry_columns = [
        "id",
        "approach_id",
        "kind",
        "organisation_id",
        "visibility",
        "title",
        "body",
        "happened_at",
        "meeting_kind",
        "ends_at",
        "place",
        "agenda",
        "review_on",
        "supersedes_id",
        "owner_org_id",
        "owner_user_id",
        "due_on",
        "action_status",
        "meeting_id",
        "decision_id",
        "created_by",
        "created_at",
        "updated_by",
        "updated_at",
    ];
    let mut entries = Bulk::new("log_entries", &entry_columns, postgres);
    let mut entry_parties = Bulk::new("log_entry_parties", &["entry_id", "organisation_id"], false);
    let mut entry_nodes = Bulk::new("log_entry_nodes", &["entry_id", "node_key"], false);
    let mut search = Bulk::new("log_search", &["entry_id", "document"], false);
    let mut sample = Vec::new();
    let mut bench_entries = Vec::new();
    let kinds = [
        MeetingKind::Acquaintance,
        MeetingKind::InDepth,
        MeetingKind::ProjectTeam,
        MeetingKind::Neighbourhood,
        MeetingKind::CoCreation,
        MeetingKind::Learning,
        MeetingKind::Other,
    ];
    let statuses = [
        ActionStatus::Done,
        ActionStatus::Done,
        ActionStatus::Done,
        ActionStatus::Cancelled,
        ActionStatus::InProgress,
        ActionStatus::Open,
    ];
    let visibilities = [
        Visibility::Parties,
        Visibility::Parties,
        Visibility::Parties,
        Visibility::Parties,
        Visibility::Public,
        Visibility::Own,
    ];
    let (mut meetings_made, mut decisions_made, mut actions_made) = (0usize, 0usize, 0usize);
    c.begin()?;
    for ((approach, begun), weight) in approach_rows.iter().zip(&weights) {
        let share = weight / total_weight;
        let count = |total: usize| (total as f64 * share).round() as usize;
        let (meetings, decisions, actions) = (
            count(volumes.meetings),
            count(volumes.decisions),
            count(volumes.actions),
        );
        let orgs = parties.get(approach).cloned().unwrap_or_default();
        if orgs.is_empty() {
            continue;
        }
        let span = (now - *begun).whole_seconds().max(3600);
        // Entries in time order, so that links point back in time.
        let mut plan: Vec<(i64, u8)> = Vec::with_capacity(meetings + decisions + actions);
        for (kind, n) in [(0u8, meetings), (1, decisions), (2, actions)] {
            for _ in 0..n {
                // A few meetings are still to come.
                let offset = if kind == 0 && rng.random_bool(0.03) {
                    span + rng.random_range(3600..60 * 86_400)
                } else {
                    rng.random_range(0..span)
                };
                plan.push((offset, kind));
            }
        }
        plan.sort_unstable();
        let mut meeting_ids: Vec<i64> = Vec::new();
        let mut open_decisions: Vec<i64> = Vec::new();
        for (offset, kind) in plan {
            next_id += 1;
            let id = next_id;
            let at = *begun + Duration::seconds(offset);
            let org = *orgs.choose(&mut rng).unwrap_or(&people.municipality);
            let visibility = *visibilities
                .choose(&mut rng)
                .unwrap_or(&Visibility::Parties);
            let topic = words(&mut rng, 2);
            let length = rng.random_range(8..40);
            let body = format!("{}.", words(&mut rng, length));
            let meeting = (kind != 0 && !meeting_ids.is_empty() && rng.random_bool(0.5))
                .then(|| *meeting_ids.choose(&mut rng).unwrap_or(&0));
            let (title, document, columns) = match kind {
                0 => {
                    let meeting_kind = *kinds.choose(&mut rng).unwrap_or(&MeetingKind::Other);
                    let place = *PLACES.choose(&mut rng).unwrap_or(&"Online");
                    let agenda = format!("1. Opening\n2. {}\n3. Rondvraag", words(&mut rng, 3));
                    let title = format!("Overleg over {topic}");
                    let document = search_document([title.as_str(), &body, &agenda, place]);
                    meeting_ids.push(id);
                    meetings_made += 1;
                    for party in orgs.choose_multiple(&mut rng, 3) {
                        entry_parties.row([V::I(Some(id)), V::I(Some(party.0))]);
                    }
                    let columns = KindColumns {
                        meeting_kind: Some(meeting_kind),
                        ends_at: Some(at + Duration::hours(2)),
                        place: place.into(),
                        agenda,
                        ..KindColumns::default()
                    };
                    (title, document, columns)
                }
                1 => {
                    let title = format!("Besluit: {topic}");
                    let document = search_document([title.as_str(), &body]);
                    // One decision in twenty replaces an earlier one.
                    let supersedes =
                        (!open_decisions.is_empty() && rng.random_bool(0.05)).then(|| {
                            let index = rng.random_range(0..open_decisions.len());
                            open_decisions.swap_remove(index)
                        });
                    let review_on = rng
                        .random_bool(0.1)
                        .then(|| (at + Duration::days(rng.random_range(30..400))).date());
                    open_decisions.push(id);
                    decisions_made += 1;
                    for party in orgs.choose_multiple(&mut rng, 2) {
                        entry_parties.row([V::I(Some(id)), V::I(Some(party.0))]);
                    }
                    let columns = KindColumns {
                        review_on,
                        supersedes,
                        meeting,
                        ..KindColumns::default()
                    };
                    (title, document, columns)
                }
                _ => {
                    let title = format!("Actie: {topic}");
                    let status = *statuses.choose(&mut rng).unwrap_or(&ActionStatus::Open);
                    let owner = *orgs.choose(&mut rng).unwrap_or(&org);
                    let owner_user = (owner == people.initiative && rng.random_bool(0.3))
                        .then_some(people.volunteer.0);
                    let owner_name = org_names.get(&owner).map_or("", String::as_str);
                    let person = if owner_user.is_some() {
                        volunteer_name.as_str()
                    } else {
                        ""
                    };
                    let document = search_document([title.as_str(), &body, owner_name, person]);
                    let decision = (!open_decisions.is_empty() && rng.random_bool(0.4))
                        .then(|| *open_decisions.choose(&mut rng).unwrap_or(&0));
                    actions_made += 1;
                    let columns = KindColumns {
                        owner_org: Some(owner.0),
                        owner_user,
                        due_on: Some((at + Duration::days(rng.random_range(7..120))).date()),
                        action_status: Some(status),
                        meeting,
                        decision,
                        ..KindColumns::default()
                    };
                    (title, document, columns)
                }
            };
            let mut row = vec![
                V::I(Some(id)),
                V::I(Some(approach.0)),
                V::S(["meeting", "decision", "action"][kind as usize].into()),
                V::I(Some(org.0)),
                V::S(visibility.as_str().into()),
                V::S(title),
                V::S(body),
                V::T(Some(at)),
            ];
            row.extend(columns.values());
            row.extend([
                V::I(Some(people.leader.0)),
                V::T(Some(at.min(now))),
                V::I(Some(people.leader.0)),
                V::T(Some(at.min(now))),
            ]);
            entries.row(row);
            if rng.random_bool(0.3) {
                let node = *node_keys.choose(&mut rng).unwrap_or(&"");
                entry_nodes.row([V::I(Some(id)), V::S(node.into())]);
            }
            search.row([V::I(Some(id)), V::S(document)]);
            // The pages of entries everyone in the approach may open.
            if *approach == bench_approach && visibility != Visibility::Own {
                bench_entries.push(id);
            }
        }
        if entries.rows() >= 20_000 {
            entries.flush(c)?;
            entry_parties.flush(c)?;
            entry_nodes.flush(c)?;
            search.flush(c)?;
            c.finish(true)?;
            c.begin()?;
        }
    }
    entries.flush(c)?;
    entry_parties.flush(c)?;
    entry_nodes.flush(c)?;
    search.flush(c)?;
    if postgres {
        let sql = "SELECT setval(pg_get_serial_sequence('log_entries', 'id'), (SELECT MAX(id) FROM log_entries))";
        c.execute(sql, &[])?;
    }

    // The benchmark's people have been told of 2,000 of the newest entries of their approach;
    // the newest 40 they have not read yet.
    let mut notifications = Bulk::new(
        "notifications",
        &[
            "user_id",
            "approach_id",
            "entry_id",
            "event",
            "actor_id",
            "created_at",
            "read_at",
            "mailed_at",
        ],
        false,
    );
    for user in [people.leader, people.volunteer, people.partner_user] {
        for (n, entry) in bench_entries.iter().rev().take(2_000).enumerate() {
            let read = (n >= 40).then_some(now);
            notifications.row([
                V::I(Some(user.0)),
                V::I(Some(bench_approach.0)),
                V::I(Some(*entry)),
                V::S("added".into()),
                V::I(Some(people.admin.0)),
                V::T(Some(now - Duration::minutes(n as i64))),
                V::T(read),
                V::T(Some(now)),
            ]);
        }
    }
    notifications.flush(c)?;
    c.finish(true)?;
    eprintln!(
        "{meetings_made} meetings, {decisions_made} decisions, {actions_made} actions; the benchmark approach has {}",
        bench_entries.len()
    );
    let step = (bench_entries.len() / 50).max(1);
    sample.extend(bench_entries.iter().step_by(step).copied());
    Ok(sample)
}

const ACTIONS: &[(&str, &str)] = &[
    ("user.login", "user"),
    ("logbook.entry_added", "log_entry"),
    ("logbook.entry_changed", "log_entry"),
    ("logbook.action_moved", "log_entry"),
    ("approach.node_moved", "approach"),
    ("approach.note_added", "approach"),
    ("approach.party_added", "approach"),
    ("initiative.profile_changed", "organisation"),
    ("membership.added", "organisation"),
    ("organisation.created", "organisation"),
];

/// Audit events over five years, by the benchmark's people and their colleagues; commits every
/// 50,000 events.
fn audit(c: &mut Sql<'_>, count: usize, people: &People, seed: u64) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0xa0d1);
    let now = samenspel_store::now();
    let span = 5 * 365 * 86_400i64;
    let columns = [
        "at",
        "actor_id",
        "actor_ip",
        "action",
        "subject_kind",
        "subject_id",
        "organisation_id",
        "changes",
    ];
    let mut bulk = Bulk::new("audit_events", &columns, false);
    c.begin()?;
    // In time order, as they were written.
    let step = span as f64 / count as f64;
    for i in 0..count {
        let at = now - Duration::seconds(span) + Duration::seconds((i as f64 * step) as i64);
        let actor = *people.colleagues.choose(&mut rng).unwrap_or(&people.leader);
        let (action, subject) = *ACTIONS.choose(&mut rng).unwrap_or(&ACTIONS[0]);
        bulk.row([
            V::T(Some(at)),
            V::I(Some(actor.0)),
            V::S(format!(
                "10.0.{}.{}",
                rng.random_range(0..255),
                rng.random_range(1..255)
            )),
            V::S(action.into()),
            V::S(subject.into()),
            V::I(Some(rng.random_range(1..100_000))),
            V::I(Some(people.municipality.0)),
            V::S("{}".into()),
        ]);
        if bulk.rows() >= 50_000 {
            bulk.flush(c)?;
            c.finish(true)?;
            c.begin()?;
        }
    }
    bulk.flush(c)?;
    c.finish(true)?;
    Ok(())
}
