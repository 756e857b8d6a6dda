//! The two schemas, the jobs table, demo data and administration commands.

use crate::support::{PASSWORD, TestApp, backends};
use samenspel_store::{Backend, jobs};
use samenspel_web::mail::{self, OutgoingMail};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgres_have_the_same_schema() {
    let sqlite = TestApp::spawn(Backend::Sqlite).await;
    let postgres = TestApp::spawn(Backend::Postgres).await;
    let a = sqlite.db.schema_columns().await.expect("sqlite schema");
    let b = postgres.db.schema_columns().await.expect("postgres schema");
    assert!(a.len() > 40, "{a:?}");
    let only_sqlite: Vec<_> = a.iter().filter(|c| !b.contains(c)).collect();
    let only_postgres: Vec<_> = b.iter().filter(|c| !a.contains(c)).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only in SQLite: {only_sqlite:?}\nonly in PostgreSQL: {only_postgres:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_send_each_mail_once() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        for i in 0..40 {
            let mail = OutgoingMail {
                to: format!("p{i}@example.nl"),
                subject: format!("Onderwerp {i}"),
                body: "Hallo".into(),
                ..OutgoingMail::default()
            };
            app.db
                .write(move |c| mail::enqueue(c, &mail))
                .await
                .expect("enqueue");
        }
        let worker = |name: &str| samenspel::worker::Worker {
            db: app.db.clone(),
            mailer: samenspel::mailer::Mailer::from_config("", &app.config.mail_dir)
                .expect("mailer"),
            mail_from: app.config.mail_from.clone(),
            base_url: app.config.base_url.clone(),
            name: name.to_owned(),
        };
        let (a, b) = (worker("a"), worker("b"));
        let (ran_a, ran_b) = tokio::join!(a.run_due(), b.run_due());
        assert_eq!(ran_a.expect("a") + ran_b.expect("b"), 40, "{backend:?}");
        let sent = std::fs::read_dir(&app.config.mail_dir)
            .expect("mail dir")
            .count();
        assert_eq!(sent, 40, "{backend:?}: every mail exactly once");
        let counts = app.db.read(jobs::counts).await.expect("counts");
        assert_eq!(
            counts,
            jobs::JobCounts {
                pending: 0,
                done: 40,
                failed: 0
            }
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_jobs_are_retried_later_then_given_up() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        app.db
            .write(|c| {
                jobs::enqueue(
                    c,
                    "no-such-kind",
                    &serde_json::json!({}),
                    samenspel_store::now(),
                )
            })
            .await
            .expect("enqueue");
        let worker = samenspel::worker::Worker {
            db: app.db.clone(),
            mailer: samenspel::mailer::Mailer::from_config("", &app.config.mail_dir)
                .expect("mailer"),
            mail_from: app.config.mail_from.clone(),
            base_url: app.config.base_url.clone(),
            name: "w".into(),
        };
        assert_eq!(worker.run_due().await.expect("run"), 1);
        assert_eq!(
            worker.run_due().await.expect("run"),
            0,
            "{backend:?}: not again before the backoff"
        );
        app.exec("UPDATE jobs SET run_at = created_at, attempts = max_attempts - 1")
            .await;
        assert_eq!(worker.run_due().await.expect("run"), 1);
        let counts = app.db.read(jobs::counts).await.expect("counts");
        assert_eq!(
            counts,
            jobs::JobCounts {
                pending: 0,
                done: 0,
                failed: 1
            },
            "{backend:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_data_loads_twice_without_change() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        samenspel::demo::load(&app.db).await.expect("demo");
        let users = app.scalar("SELECT COUNT(*) FROM users").await;
        let orgs = app.scalar("SELECT COUNT(*) FROM organisations").await;
        let members = app.scalar("SELECT COUNT(*) FROM memberships").await;
        samenspel::demo::load(&app.db).await.expect("demo again");
        assert_eq!(users, app.scalar("SELECT COUNT(*) FROM users").await);
        assert_eq!(orgs, app.scalar("SELECT COUNT(*) FROM organisations").await);
        assert_eq!(
            members,
            app.scalar("SELECT COUNT(*) FROM memberships").await
        );
        assert!(orgs >= 8 && users >= 10);
        // The demo tells a consistent story: work only the municipality can do is led by it;
        // everyone joined before the history began; the English-speaking group writes English.
        let led_by_others = app
            .scalar(
                "SELECT COUNT(*) FROM node_progress p JOIN approaches a ON a.id = p.approach_id \
                 WHERE p.node_key IN ('set-initiative-policy', 'inform-council-and-departments', \
                 'align-municipal-departments', 'prepare-council-decision') \
                 AND p.lead_id IS NOT NULL AND p.lead_id <> a.municipality_id",
            )
            .await;
        assert_eq!(led_by_others, 0, "{backend:?}");
        let late = app
            .scalar(
                "SELECT (SELECT COUNT(*) FROM organisations WHERE created_at > \
                 (SELECT MIN(happened_at) FROM log_entries)) + (SELECT COUNT(*) FROM memberships \
                 WHERE since > (SELECT MIN(happened_at) FROM log_entries))",
            )
            .await;
        assert_eq!(late, 0, "{backend:?}");
        let dutch = app
            .scalar(
                "SELECT COUNT(*) FROM position_items i JOIN organisations o ON o.id = i.organisation_id \
                 WHERE o.name = 'Warmtegroep Populierenbuurt' AND i.body NOT LIKE 'Everyone%'",
            )
            .await;
        assert_eq!(dutch, 0, "{backend:?}");
        let browser = app.browser();
        assert_eq!(
            browser
                .login(
                    "projectleider@zonnedal.example",
                    samenspel::demo::DEMO_PASSWORD
                )
                .await
                .status,
            303
        );
        browser
            .get("/organisations")
            .await
            .assert_contains("Gemeente Zonnedal");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_create_user_refuses_bad_input() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    assert!(
        samenspel::admin::create_user(&app.db, "geen-adres", "X", PASSWORD, false)
            .await
            .is_err()
    );
    assert!(
        samenspel::admin::create_user(&app.db, "a@example.nl", "X", "kort", false)
            .await
            .is_err()
    );
    samenspel::admin::create_user(&app.db, "a@example.nl", "X", PASSWORD, true)
        .await
        .expect("create");
    assert!(
        samenspel::admin::create_user(&app.db, "a@example.nl", "X", PASSWORD, false)
            .await
            .is_err(),
        "duplicate"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_log_is_append_only() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        app.register("Iemand", "iemand@example.nl").await;
        let refused = app
            .db
            .read(|c| c.execute("UPDATE audit_events SET action = 'x'", &[]))
            .await
            .is_err();
        assert!(refused, "{backend:?}: audit events cannot be changed");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_line_creates_a_platform_administrator() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = std::env::temp_dir().join(format!("samenspel-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let url = format!("sqlite://{}", dir.join("cli.db").display());
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_samenspel"))
            .args(args)
            .env("DATABASE_URL", &url)
            .env_remove("SAMENSPEL_CONFIG")
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run samenspel");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("write");
        child.wait_with_output().expect("wait")
    };
    let args = [
        "admin",
        "create-user",
        "--email",
        "beheer@example.nl",
        "--name",
        "Beheer",
        "--platform-admin",
    ];
    let created = run(&args, &format!("{PASSWORD}\n"));
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let again = run(&args, &format!("{PASSWORD}\n"));
    assert!(
        !again.status.success(),
        "a second account with the same address is refused"
    );
    let weak = run(
        &[
            "admin",
            "create-user",
            "--email",
            "b@example.nl",
            "--name",
            "B",
        ],
        "kort\n",
    );
    assert!(!weak.status.success());
    // The demo's accounts share a published password: not next to real accounts by accident.
    let refused = run(&["demo"], "");
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--force"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let demo = run(&["demo", "--force"], "");
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );

    let db = samenspel_store::Db::connect(&url, &samenspel_store::DbOptions::default())
        .await
        .expect("open");
    let email = samenspel_domain::accounts::Email::parse("beheer@example.nl").expect("email");
    let user = db
        .read(move |c| samenspel_store::users::by_email(c, &email))
        .await
        .expect("query")
        .expect("created");
    assert!(user.is_platform_admin);
    db.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

samenspel_store::row! {
    #[derive(Debug, PartialEq)]
    struct Kinds {
        id: i64,
        small: i32,
        yes: bool,
        words: String,
        at: time::OffsetDateTime,
        day: time::Date,
        payload: serde_json::Value,
        share: f64,
        absent: Option<String>,
    }
}

/// The data path writes and reads every kind of value the schema holds the same on both
/// databases, keeps instants in time order, tells a unique conflict apart and rolls back a
/// failed change.
async fn the_data_path_keeps_every_kind_of_value(app: TestApp) {
    use samenspel_store::{StoreError, params};
    use time::macros::{date, datetime};
    let first = datetime!(2026-12-07 15:44:12.1 UTC);
    let later = datetime!(2026-12-07 15:44:12.100001 UTC);
    let payload = serde_json::json!({"to": "iemand@example.nl", "n": 3});
    let expected = Kinds {
        id: 1,
        small: 7,
        yes: true,
        words: "één wijk".into(),
        at: first,
        day: date!(2026 - 12 - 07),
        payload: payload.clone(),
        share: 0.25,
        absent: None,
    };
    // Outside a transaction, so that PostgreSQL goes on after the refused insert.
    let (read, earlier, conflict) = app
        .db
        .read(move |c| {
            c.batch(
                "CREATE TEMP TABLE kinds (id BIGINT PRIMARY KEY, small INTEGER, yes BOOLEAN, \
                 words TEXT, at TIMESTAMPTZ, day DATE, payload TEXT, share DOUBLE PRECISION, \
                 absent TEXT)",
            )?;
            let insert = "INSERT INTO kinds (id, small, yes, words, at, day, payload, share, absent) \
                          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
            c.execute(
                insert,
                params![1_i64, 7_i32, true, "één wijk", first, date!(2026 - 12 - 07), &payload, 0.25, None::<String>],
            )?;
            c.execute(
                insert,
                params![2_i64, 8_i32, false, "", later, date!(2026 - 12 - 08), &payload, 1.0, "x"],
            )?;
            let conflict = c.execute(
                insert,
                params![1_i64, 7_i32, true, "", first, date!(2026 - 12 - 07), &payload, 0.0, None::<String>],
            );
            let conflict = matches!(conflict, Err(StoreError::Conflict(_)));
            let read: Kinds = c.one("SELECT * FROM kinds WHERE id = $1", params![1_i64])?;
            let earlier: Vec<i64> = c
                .all::<(i64,)>("SELECT id FROM kinds WHERE at < $1 ORDER BY at", params![later])?
                .into_iter()
                .map(|(id,)| id)
                .collect();
            // The first of several rows, on both databases.
            let first: Option<i64> = c.optional_scalar("SELECT id FROM kinds ORDER BY id", &[])?;
            assert_eq!(first, Some(1));
            Ok::<_, StoreError>((read, earlier, conflict))
        })
        .await
        .expect("read and write");
    assert_eq!(read, expected);
    assert_eq!(earlier, [1], "instants compare in time order");
    assert!(conflict, "a unique conflict is told apart");

    let failed = app
        .db
        .write(|c| {
            c.execute(
                "INSERT INTO jobs (kind, payload, run_at, created_at) VALUES ('mail', '{}', $1, $1)",
                params![samenspel_store::now()],
            )?;
            Err::<(), _>(StoreError::Refused("error-conflict"))
        })
        .await;
    assert!(matches!(failed, Err(StoreError::Refused(_))));
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM jobs").await,
        0,
        "rolled back"
    );
}

crate::on_both_databases!(the_data_path_keeps_every_kind_of_value);

/// Search words written before they held owners' names are written again by the data step
/// "search-owner-words", once: an action is then found by the person who owns it.
async fn the_search_words_of_every_entry_are_written_again_once(app: TestApp) {
    samenspel::demo::load(&app.db).await.expect("demo");
    let owned = "SELECT COUNT(*) FROM log_search s JOIN log_entries e ON e.id = s.entry_id \
                 JOIN users u ON u.id = e.owner_user_id WHERE s.document LIKE '%emma%'";
    let before = app.scalar(owned).await;
    assert!(before > 0, "the demo has actions Emma Clarke owns");
    app.db
        .read(|c| {
            c.batch("UPDATE log_search SET document = 'oud'")?;
            c.batch("DELETE FROM data_steps WHERE name = 'search-owner-words'")
        })
        .await
        .expect("older words");
    assert_eq!(app.scalar(owned).await, 0);
    let again = app.db.migrate().await.expect("migrate");
    assert_eq!(again, ["data step search-owner-words"]);
    assert_eq!(app.scalar(owned).await, before);
    assert!(app.db.migrate().await.expect("migrate").is_empty(), "once");
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM log_search WHERE document = 'oud'")
            .await,
        0
    );
}

crate::on_both_databases!(the_search_words_of_every_entry_are_written_again_once);

/// Instants written before the current data path (RFC 3339 that drops the fraction's trailing
/// zeros, or carries an offset) read as the same instants afterwards and compare in time
/// order: on SQLite because migration 0015 rewrites them at one width, on PostgreSQL because
/// it keeps them as TIMESTAMPTZ.
async fn instants_written_in_the_older_form_keep_their_time_order(app: TestApp) {
    use time::OffsetDateTime;
    use time::macros::datetime;
    app.db
        .read(|c| {
            c.batch(
                "INSERT INTO audit_events (at, action, subject_kind) VALUES
                 ('2026-12-07T15:44:12.5Z', 'test.older_instant', 'test'),
                 ('2026-12-07T15:44:12Z', 'test.older_instant', 'test'),
                 ('2026-12-07T16:44:12.25+01:00', 'test.older_instant', 'test'),
                 ('2026-12-07T15:44:12.1Z', 'test.older_instant', 'test')",
            )?;
            if c.backend() == Backend::Sqlite {
                c.batch("DELETE FROM _sqlx_migrations WHERE version = 15")?;
            }
            Ok::<_, samenspel_store::StoreError>(())
        })
        .await
        .expect("older instants");
    let again = app.db.migrate().await.expect("migrate");
    if app.db.backend() == Backend::Sqlite {
        assert_eq!(again, ["0015 fixed width instants"]);
    }
    let (all, later): (Vec<OffsetDateTime>, i64) = app
        .db
        .read(|c| {
            let all = c.column(
                "SELECT at FROM audit_events WHERE action = 'test.older_instant' ORDER BY at",
                &[],
            )?;
            let later = c.scalar(
                "SELECT COUNT(*) FROM audit_events WHERE action = 'test.older_instant' AND at > $1",
                samenspel_store::params![datetime!(2026-12-07 15:44:12.2 UTC)],
            )?;
            Ok::<_, samenspel_store::StoreError>((all, later))
        })
        .await
        .expect("read instants");
    assert_eq!(
        all,
        [
            datetime!(2026-12-07 15:44:12 UTC),
            datetime!(2026-12-07 15:44:12.1 UTC),
            datetime!(2026-12-07 15:44:12.25 UTC),
            datetime!(2026-12-07 15:44:12.5 UTC),
        ]
    );
    assert_eq!(later, 2);
}
crate::on_both_databases!(instants_written_in_the_older_form_keep_their_time_order);

/// A status, kind or role column reads as the domain's value; a key the domain does not know
/// is an error, never a silent default.
async fn closed_sets_of_values_read_as_the_domains_types(app: TestApp) {
    use samenspel_domain::approaches::ApproachStatus;
    use samenspel_domain::organisations::OrgRole;
    use samenspel_store::StoreError;
    let (known, role, unknown) = app
        .db
        .read(|c| {
            let known: ApproachStatus = c.scalar("SELECT 'paused'", &[])?;
            let role: Option<OrgRole> = c.scalar("SELECT 'admin'", &[])?;
            let unknown = c.scalar::<ApproachStatus>("SELECT 'pauzed'", &[]);
            Ok::<_, StoreError>((known, role, unknown))
        })
        .await
        .expect("read");
    assert_eq!(known, ApproachStatus::Paused);
    assert_eq!(role, Some(OrgRole::Admin));
    assert!(matches!(unknown, Err(StoreError::Decode(_))), "{unknown:?}");
}
crate::on_both_databases!(closed_sets_of_values_read_as_the_domains_types);
