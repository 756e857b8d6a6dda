//! No page issues a query per row (N+1): each page of the workspace is requested with a little
//! data and again with many more rows, and must issue the same number of SQL statements.
//!
//! The statements are counted from the data path's statement log (`samenspel::sql` events), which
//! the test
//! process turns on for itself. Each test runs in a process of its own (nextest), so the count
//! is this test's only.

use crate::on_both_databases;
use crate::support::{Browser, TestApp};
use samenspel_domain::method::Pack;
use std::sync::atomic::{AtomicUsize, Ordering};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::{Layer, filter::Targets};

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);

struct CountStatements;

impl<S: tracing::Subscriber> Layer<S> for CountStatements {
    fn on_event(&self, _event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        STATEMENTS.fetch_add(1, Ordering::SeqCst);
    }
}

fn count_statements() {
    let subscriber = tracing_subscriber::registry().with(
        CountStatements
            .with_filter(Targets::new().with_target("samenspel::sql", tracing::Level::TRACE)),
    );
    // Another test of this process may have installed it already.
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// How many statements a GET of `path` issues; the page must load. The fewest of three
/// requests, so that occasional work that is not the page's (a session's periodic refresh)
/// does not count.
async fn statements(browser: &Browser, path: &str) -> usize {
    let mut fewest = usize::MAX;
    for _ in 0..3 {
        let before = STATEMENTS.load(Ordering::SeqCst);
        let page = browser.get(path).await;
        assert_eq!(page.status, 200, "{path}: {}", page.body);
        fewest = fewest.min(STATEMENTS.load(Ordering::SeqCst) - before);
    }
    fewest
}

async fn pages_do_not_query_per_row(app: TestApp) {
    count_statements();
    let pack = Pack::default_pack().expect("the method pack");
    let (admin, org) = app
        .municipality_with_areas("pl@zonnedal.example", "Gemeente Zonnedal")
        .await;
    let area = app
        .scalar("SELECT id FROM areas WHERE code = 'BU99010101'")
        .await
        .to_string();
    let new_approach = |name: &'static str| app.start_approach(&admin, org, name);
    let a = new_approach("Wijkaanpak Centrum").await;
    let node = format!("{a}/kompas/{}", pack.nodes[0].key);
    let meeting = admin
        .post(
            &format!("{a}/logbook/new/meeting"),
            &[
                ("meeting_kind", "project-team"),
                ("title", "Avond over het warmtenet"),
                ("date", "2026-10-01"),
                ("start_time", "20:00"),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(meeting.status, 303, "{}", meeting.body);
    let meeting_id = meeting.location.rsplit('/').next().unwrap_or("").to_owned();
    let pages = [
        "/approaches".to_owned(),
        format!("/municipalities/{org}/approaches"),
        a.clone(),
        format!("{a}/kompas"),
        node.clone(),
        format!("{a}/perspectives"),
        format!("{a}/ambition"),
        format!("{a}/parties"),
        format!("{a}/settings"),
        format!("{a}/logbook"),
        format!("{a}/logbook?q=avond&kind=meeting"),
        meeting.location.clone(),
        format!("{a}/logbook/new/action"),
        format!("/municipalities/{org}/initiatives"),
        format!("/municipalities/{org}/areas"),
        "/initiatives".to_owned(),
        "/organisations".to_owned(),
        format!("/organisations/{org}"),
        "/".to_owned(),
    ];
    // Warm up (the method pack is stored on first use), then count with little data.
    for path in &pages {
        statements(&admin, path).await;
    }
    let mut few = Vec::new();
    for path in &pages {
        few.push(statements(&admin, path).await);
    }

    // Many more rows of every kind the pages list.
    for i in 0..4 {
        new_approach(["Noord", "Zuid", "Oost", "West"][i]).await;
    }
    let mut partners = Vec::new();
    for i in 0..6 {
        partners.push(
            app.create_org(&admin, "partner", &format!("Partner {i}"))
                .await,
        );
    }
    for p in &partners {
        let p = p.to_string();
        let page = admin
            .post(
                &format!("{a}/parties"),
                &[("organisation", p.as_str()), ("role", "adviser")],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
    }
    for (i, n) in pack.nodes.iter().take(8).enumerate() {
        let path = format!("{a}/kompas/{}", n.key);
        for to in ["started", "completed"] {
            let page = admin
                .post(
                    &format!("{path}/status"),
                    &[("status", to), ("note", "Gedaan")],
                )
                .await;
            assert_eq!(page.status, 303);
        }
        let partner = partners[i % partners.len()].to_string();
        for post in [
            (format!("{node}/notes"), vec![("body", "Een notitie")]),
            (
                format!("{node}/needs"),
                vec![("needs", partner.as_str()), ("need_note", "Hulp")],
            ),
            (
                format!("{path}/parties"),
                vec![("lead", partner.as_str()), ("involved", partner.as_str())],
            ),
            (
                format!("{a}/positions"),
                vec![("kind", "wishes"), ("body", "Een wens")],
            ),
            (
                format!("{a}/logbook/new/decision"),
                vec![
                    ("title", "Een besluit over de avond"),
                    ("date", "2026-10-01"),
                    ("parties", partner.as_str()),
                    ("meeting", meeting_id.as_str()),
                    ("nodes", n.key.as_str()),
                    ("visibility", "parties"),
                ],
            ),
            (
                format!("{a}/logbook/new/action"),
                vec![
                    ("title", "Een actie na de avond"),
                    ("owner_party", partner.as_str()),
                    ("due_on", "2026-10-05"),
                    ("meeting", meeting_id.as_str()),
                    ("visibility", "parties"),
                ],
            ),
            (
                format!("{a}/logbook/new/meeting"),
                vec![
                    ("meeting_kind", "learning"),
                    ("title", "Nog een avond"),
                    ("date", "2026-10-02"),
                    ("start_time", "20:00"),
                    ("parties", partner.as_str()),
                    ("attendee_names", "Anna\nBert"),
                    ("visibility", "own"),
                ],
            ),
            (
                format!("{a}/goals"),
                vec![
                    ("horizon", "middle"),
                    ("title", "Een doel"),
                    ("target_date", "2099-01-01"),
                ],
            ),
        ] {
            let page = admin.post(&post.0, &post.1).await;
            assert_eq!(page.status, 303, "{}: {}", post.0, page.body);
        }
    }
    for name in [
        "Sportclub",
        "Buurtvereniging",
        "Energiegroep",
        "Tuinclub",
        "Dorpsraad",
    ] {
        let page = admin
            .post(
                &format!("/municipalities/{org}/initiatives/new"),
                &[
                    ("name", name),
                    ("legal_form", "association"),
                    ("character", "both"),
                    ("themes", "heat"),
                    ("themes", "sport"),
                    ("areas", area.as_str()),
                    ("areas_of", org.to_string().as_str()),
                ],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
    }
    let goal = app.scalar("SELECT MIN(id) FROM goals").await;
    for value in ["10", "20", "30"] {
        let page = admin
            .post(&format!("{a}/goals/{goal}/progress"), &[("value", value)])
            .await;
        assert_eq!(page.status, 303);
    }
    let page = admin
        .post(
            &format!("{a}/perspectives"),
            &[
                ("tracks", pack.tracks[0].key.as_str()),
                ("next_year", "Meer"),
            ],
        )
        .await;
    assert_eq!(page.status, 303);

    for path in &pages {
        statements(&admin, path).await;
    }
    for (path, before) in pages.iter().zip(few) {
        assert!(before > 0, "{path}: the statements are counted");
        let after = statements(&admin, path).await;
        assert_eq!(
            after, before,
            "{path} issued {before} statements with little data and {after} with more rows"
        );
    }
}

on_both_databases!(pages_do_not_query_per_row);
