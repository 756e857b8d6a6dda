//! `samenspel-bench`: fills a Samenspel database with benchmark data, reproducibly from a seed.
//!
//! `registry` creates a municipality for every municipality code in a CBS area file (as written
//! by `bench/gen_cbs_areas.py`), optionally imports the file's areas through the same store
//! functions the import page uses (and reports how long that took), and maps a number of
//! initiatives into the registry of the municipality with the most neighbourhoods. A benchmark
//! account, member of every municipality, logs in with [`BENCH_PASSWORD`].

use anyhow::Context;
use argon2::password_hash::PasswordHasher;
use clap::{Parser, Subcommand};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use samenspel_domain::Language;
use samenspel_domain::accounts::{Email, PersonName};
use samenspel_domain::areas::import::{Scope, read_csv};
use samenspel_domain::areas::{AreaRecord, MunicipalityCode};
use samenspel_domain::initiatives::{Character, CoreRole, LegalForm, Profile, SupportNeed, Theme};
use samenspel_domain::organisations::{OrgKind, OrgName, OrgRole};
use samenspel_store::sql::Sql;
use samenspel_store::{
    AreaId, Db, DbOptions, OrgId, UserId, areas, initiatives, organisations, users,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Instant;

mod approaches;
mod national;

/// The password of the benchmark account `bench@samenspel.example`.
pub const BENCH_PASSWORD: &str = "samen-aan-de-slag";
const BENCH_EMAIL: &str = "bench@samenspel.example";

#[derive(Parser)]
#[command(about = "Benchmark data for Samenspel")]
struct Cli {
    /// `sqlite://path` or `postgres://…`
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Municipalities from an area file, their areas, and initiatives in one registry.
    Registry {
        /// A CBS area file (CSV) covering the municipalities.
        #[arg(long)]
        areas: std::path::PathBuf,
        /// Also import the file's areas (timed).
        #[arg(long)]
        import_areas: bool,
        /// How many initiatives to map into the largest municipality's registry.
        #[arg(long, default_value_t = 5000)]
        initiatives: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Approaches across the municipalities already created (run `registry` with
    /// `--import-areas` first), with parties, progress on the kompas, notes, needs,
    /// positions and goals. Prints the id of the largest municipality's first approach.
    Approaches {
        #[arg(long, default_value_t = 2000)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The whole national data set of QUALITY.md in an empty database: municipalities and
    /// areas from the area file, initiatives, approaches, their logbooks, notifications and
    /// the audit log, and one account per role. Prints what the load benchmark needs as JSON.
    National {
        /// A national CBS area file (CSV), as written by `bench/gen_cbs_areas.py`.
        #[arg(long)]
        areas: std::path::PathBuf,
        /// Multiplies every volume (1.0: the national numbers).
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(path) = cli.database_url.strip_prefix("sqlite://")
        && let Some(parent) = std::path::Path::new(path).parent()
    {
        std::fs::create_dir_all(parent)?;
    }
    let db = Db::connect(&cli.database_url, &DbOptions::default()).await?;
    db.migrate().await?;
    match cli.command {
        Command::Registry {
            areas,
            import_areas,
            initiatives,
            seed,
        } => {
            let content = std::fs::read_to_string(&areas)
                .with_context(|| format!("reading {}", areas.display()))?;
            let largest = registry(&db, &content, import_areas, initiatives, seed).await?;
            println!("{largest}");
            Ok(())
        }
        Command::National { areas, scale, seed } => {
            let content = std::fs::read_to_string(&areas)
                .with_context(|| format!("reading {}", areas.display()))?;
            national::generate(&db, &content, &national::Volumes::national(scale), seed).await
        }
        Command::Approaches { count, seed } => {
            let (largest, first) = approaches::generate(&db, count, seed).await?;
            println!("{largest} {}", first.0);
            Ok(())
        }
    }
}

/// Every municipality that has areas, with its areas' ids, by municipality code.
pub(crate) fn municipalities_with_areas(
    c: &mut Sql<'_>,
) -> anyhow::Result<Vec<(OrgId, Vec<AreaId>)>> {
    let mut codes: Vec<_> = areas::municipalities_by_code(c)?.into_iter().collect();
    codes.sort();
    let mut municipalities = Vec::new();
    for (_, org) in codes {
        let list: Vec<_> = areas::list(c, org)?.into_iter().map(|a| a.id).collect();
        if !list.is_empty() {
            municipalities.push((org, list));
        }
    }
    Ok(municipalities)
}

pub(crate) async fn bench_user(db: &Db) -> anyhow::Result<UserId> {
    db.read(|c| account(c, BENCH_EMAIL, "Benchmark", true))
        .await
}

/// The two-step login secret of the benchmark's platform administrators (who must use two-step
/// login); `bench/registry.py` makes their codes from it.
pub const BENCH_TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// The account with this address, created with [`BENCH_PASSWORD`] when it does not exist yet;
/// a platform administrator with two-step login on, from [`BENCH_TOTP_SECRET`].
pub(crate) fn account(
    c: &mut Sql<'_>,
    email: &str,
    name: &str,
    platform_admin: bool,
) -> anyhow::Result<UserId> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!(e.key))?;
    let id = match users::by_email(c, &email)? {
        Some(user) => user.id,
        None => create_account(c, &email, name, platform_admin)?,
    };
    // Also for an administrator made by an earlier version of the benchmark.
    if platform_admin && !samenspel_store::two_factor::factor(c, id)?.enabled() {
        use samenspel_store::two_factor;
        two_factor::set_pending(c, id, BENCH_TOTP_SECRET)?;
        two_factor::enable(c, id, 0, &[], samenspel_store::now())?;
    }
    Ok(id)
}

fn create_account(
    c: &mut Sql<'_>,
    email: &Email,
    name: &str,
    platform_admin: bool,
) -> anyhow::Result<UserId> {
    let hash = argon2::Argon2::default()
        .hash_password(BENCH_PASSWORD.as_bytes())
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .to_string();
    let name = PersonName::parse(name).map_err(|e| anyhow::anyhow!(e.key))?;
    let new = users::NewUser {
        email,
        name: &name,
        password_hash: &hash,
        language: Language::Nl,
        platform_admin,
    };
    Ok(users::create(c, &new, samenspel_store::now())?)
}

async fn registry(
    db: &Db,
    content: &str,
    import_areas: bool,
    initiatives: usize,
    seed: u64,
) -> anyhow::Result<OrgId> {
    let started = Instant::now();
    let user = bench_user(db).await?;
    let records = read_csv(content, Scope::All, &BTreeSet::new())
        .map_err(|rows| anyhow::anyhow!("the area file has {} bad rows", rows.len()))?;
    let mut per_code: BTreeMap<String, Vec<AreaRecord>> = BTreeMap::new();
    for record in records {
        per_code
            .entry(record.municipality().as_str().to_owned())
            .or_default()
            .push(record);
    }
    // Shared with the transactions below, which run on threads of their own.
    let per_code = Arc::new(per_code);
    let now = samenspel_store::now();

    // One municipality per code, the benchmark account its administrator.
    let codes = Arc::clone(&per_code);
    let municipalities: BTreeMap<String, OrgId> = db
        .write(move |c| -> anyhow::Result<_> {
            let known = areas::municipalities_by_code(c)?;
            let mut municipalities = BTreeMap::new();
            for code in codes.keys() {
                let org = match known.get(code) {
                    Some(org) => *org,
                    None => {
                        let name = OrgName::parse(&format!("Gemeente {code}"))
                            .map_err(|e| anyhow::anyhow!(e.key))?;
                        let (org, _) =
                            organisations::create(c, OrgKind::Municipality, &name, user, now)?;
                        // As a platform administrator would after checking it is the real one.
                        organisations::mark_verified(c, org, now)?;
                        let parsed =
                            MunicipalityCode::parse(code).map_err(|e| anyhow::anyhow!(e.key))?;
                        areas::set_municipality_code(c, org, &parsed)?;
                        org
                    }
                };
                municipalities.insert(code.clone(), org);
            }
            Ok(municipalities)
        })
        .await?;
    eprintln!(
        "{} municipalities ready in {:.2} s",
        municipalities.len(),
        started.elapsed().as_secs_f64()
    );

    if import_areas {
        let import_started = Instant::now();
        let (by_code, orgs) = (Arc::clone(&per_code), municipalities.clone());
        let created = db
            .write(move |c| -> anyhow::Result<_> {
                let mut created = 0;
                for (code, records) in by_code.iter() {
                    created += areas::upsert(c, orgs[code], records, now)?.created;
                }
                Ok(created)
            })
            .await?;
        eprintln!(
            "imported {} areas ({created} new) in {:.2} s",
            per_code.values().map(Vec::len).sum::<usize>(),
            import_started.elapsed().as_secs_f64()
        );
    }

    // The initiatives go to the municipality with the most areas.
    let (largest_code, _) = per_code
        .iter()
        .max_by_key(|(_, records)| records.len())
        .context("the area file names no municipality")?;
    let largest = municipalities[largest_code];
    let area_ids: Vec<_> = db
        .read(move |c| areas::list(c, largest))
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mapping_started = Instant::now();
    db.write(move |c| -> anyhow::Result<()> {
        let mut rng = StdRng::seed_from_u64(seed);
        for i in 0..initiatives {
            let name = OrgName::parse(&initiative_name(&mut rng, i))
                .map_err(|e| anyhow::anyhow!(e.key))?;
            let profile = profile(&mut rng);
            let count = rng.random_range(0..=3).min(area_ids.len());
            let chosen: Vec<_> = area_ids.choose_multiple(&mut rng, count).copied().collect();
            let mapping = initiatives::Mapping {
                name: &name,
                municipality: largest,
                mapped_by: largest,
                creator: user,
                profile: &profile,
                areas: &chosen,
            };
            let org = initiatives::map(c, &mapping, now)?;
            if rng.random_bool(0.4) {
                initiatives::verify(c, org, largest, now)?;
            }
            if rng.random_bool(0.5) {
                organisations::add_member(c, org, user, OrgRole::Member, now)?;
            }
        }
        Ok(())
    })
    .await?;
    eprintln!(
        "mapped {initiatives} initiatives into {} (organisation {largest}) in {:.2} s; all done in {:.2} s",
        largest_code,
        mapping_started.elapsed().as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    Ok(largest)
}

const FIRST: &[&str] = &[
    "Energiecoöperatie",
    "Buurtvereniging",
    "Wijkraad",
    "Dorpsraad",
    "Stichting",
    "Warmtegroep",
    "Zonnecollectief",
    "Bewonersgroep",
    "Sportvereniging",
    "Repair Café",
];
const SECOND: &[&str] = &[
    "De Linde",
    "Noord",
    "Zonnedal",
    "Beekveld",
    "Oost",
    "Het Veld",
    "De Horst",
    "Molenwijk",
    "Kern",
    "Vogelbuurt",
];
const WORDS: &[&str] = &[
    "warmtenet",
    "zonnepanelen",
    "isoleren",
    "buren",
    "energiecoaches",
    "warmtepomp",
    "groen",
    "moestuin",
    "informatieavond",
    "collectieve inkoop",
    "kantine",
    "dorpshuis",
];

pub(crate) fn initiative_name(rng: &mut StdRng, i: usize) -> String {
    format!(
        "{} {} {}",
        FIRST.choose(rng).unwrap_or(&"Initiatief"),
        SECOND.choose(rng).unwrap_or(&"Wijk"),
        i + 1
    )
}

fn some<T: Copy + Ord>(rng: &mut StdRng, all: &[T], most: usize) -> Vec<T> {
    let count = rng.random_range(1..=most);
    let mut chosen: Vec<T> = all.choose_multiple(rng, count).copied().collect();
    chosen.sort();
    chosen
}

pub(crate) fn profile(rng: &mut StdRng) -> Profile {
    let description: Vec<&str> = (0..rng.random_range(5..20))
        .map(|_| *WORDS.choose(rng).unwrap_or(&"buurt"))
        .collect();
    Profile {
        description: format!("Wij werken aan {}.", description.join(" ")),
        legal_form: *LegalForm::ALL.choose(rng).unwrap_or(&LegalForm::None),
        character: *Character::ALL.choose(rng).unwrap_or(&Character::Both),
        has_volunteers: true,
        has_paid_staff: rng.random_bool(0.2),
        member_count: rng.random_bool(0.8).then(|| rng.random_range(3..800)),
        themes: some(rng, Theme::ALL, 3),
        core_roles: some(rng, CoreRole::ALL, 3),
        support_needed: some(rng, SupportNeed::ALL, 2),
        support_note: String::new(),
        does_not_do: String::new(),
        contact_name: String::new(),
        contact_email: String::new(),
        contact_phone: String::new(),
        website: String::new(),
        founded_year: rng.random_bool(0.7).then(|| rng.random_range(1950..2026)),
        public: rng.random_bool(0.3),
    }
}
