//! Platform administration, the audit page, security headers, errors, health and metrics.

use crate::on_both_databases;
use crate::support::{PASSWORD, TestApp};

on_both_databases!(
    audit_log_filters,
    audit_log_pages_by_time,
    platform_admin_sees_everyone,
    operators_manage_access,
    operators_manage_organisations,
    platform_administrators_have_two_factors,
    errors_and_headers,
    health_and_metrics
);

async fn platform_admin(app: &TestApp) -> crate::support::Browser {
    samenspel::admin::create_user(&app.db, "beheer@example.nl", "Beheer", PASSWORD, true)
        .await
        .expect("admin");
    let browser = app.browser();
    assert_eq!(
        browser.login("beheer@example.nl", PASSWORD).await.status,
        303
    );
    // A platform administrator is led through two-step login before anything else.
    let led = browser.get("/admin/users").await;
    assert_eq!(led.status, 303);
    assert_eq!(led.location, "/account/two-factor");
    crate::support::enrol_two_factor(&browser).await;
    assert_eq!(browser.get("/admin/users").await.status, 200);
    browser
}

async fn audit_log_filters(app: TestApp) {
    let sanne = app.register("Sanne", "sanne@example.nl").await;
    app.create_org(&sanne, "initiative", "Zonnedal Energie")
        .await;
    app.browser()
        .login("sanne@example.nl", "helemaal-verkeerd")
        .await;
    let admin = platform_admin(&app).await;

    let all = admin.get("/admin/audit").await;
    assert_eq!(all.status, 200);
    all.assert_contains("<td class=\"utrecht-table__cell\">Organisatie aangemaakt")
        .assert_contains("<td class=\"utrecht-table__cell\">Inloggen mislukt")
        .assert_contains("127.0.0.1");

    let by_person = admin.get("/admin/audit?who=sanne%40example.nl").await;
    by_person.assert_contains("<td class=\"utrecht-table__cell\">Organisatie aangemaakt");
    assert!(
        !by_person.body.contains("beheer@example.nl</span>"),
        "only Sanne's events"
    );

    let by_action = admin.get("/admin/audit?action=user.login_failed").await;
    by_action.assert_contains("Inloggen mislukt");
    assert!(
        !by_action
            .body
            .contains("<td class=\"utrecht-table__cell\">Organisatie aangemaakt")
    );

    let future = admin.get("/admin/audit?from=2999-01-01").await;
    future.assert_contains("Er zijn geen gebeurtenissen");

    let bad = admin
        .get("/admin/audit?from=gisteren&who=onbekend%40example.nl")
        .await;
    assert_eq!(bad.status, 422);
    bad.assert_contains("Vul een datum in als jjjj-mm-dd")
        .assert_contains("value=\"gisteren\"");

    // The person's own language setting wins over the browser's; the switch changes it.
    admin
        .post("/language", &[("lang", "en"), ("back", "/admin/audit")])
        .await;
    admin
        .get("/admin/audit?action=organisation.created")
        .await
        .assert_contains("Organisation created");
}

/// The log is listed newest first by time, ties by id, and paging on from any event neither
/// repeats nor skips one, also with every filter and with several events at one moment.
async fn audit_log_pages_by_time(app: TestApp) {
    use samenspel_store::audit::{self, Filter, NewEvent};
    app.register("Sanne", "sanne@example.nl").await;
    let sanne = samenspel_store::UserId(
        app.scalar("SELECT id FROM users WHERE email = 'sanne@example.nl'")
            .await,
    );
    let start = time::macros::datetime!(2026-03-01 09:00 UTC);
    // 30 events, three at each moment, alternating two actions; the newest is written first,
    // so ids do not follow time.
    app.db
        .write(move |c| {
            for i in (0..30).rev() {
                let event = NewEvent {
                    actor: Some(sanne),
                    ip: None,
                    action: if i % 2 == 0 { "flow.even" } else { "flow.odd" },
                    subject_kind: "user",
                    subject_id: Some(i),
                    organisation: None,
                    changes: serde_json::Value::Null,
                };
                let at = start + time::Duration::minutes(i / 3);
                audit::record(c, &event, at)?;
            }
            Ok::<_, samenspel_store::StoreError>(())
        })
        .await
        .expect("record");
    let walk = |filter: Filter| {
        let db = app.db.clone();
        async move {
            let mut seen: Vec<i64> = Vec::new();
            let mut before = None;
            loop {
                let page = Filter {
                    before,
                    ..filter.clone()
                };
                let rows = db
                    .read(move |c| audit::list(c, &page, 4))
                    .await
                    .expect("list");
                for pair in rows.windows(2) {
                    assert!(
                        (pair[0].at, pair[0].id.0) > (pair[1].at, pair[1].id.0),
                        "newest first"
                    );
                }
                let Some(last) = rows.last() else { break };
                before = Some(last.id);
                seen.extend(rows.iter().filter_map(|r| r.subject_id));
                if rows.len() < 4 {
                    break;
                }
            }
            seen
        }
    };
    let everything = walk(Filter {
        actor: Some(sanne),
        from: Some(start),
        until: Some(start + time::Duration::hours(1)),
        ..Filter::default()
    })
    .await;
    assert_eq!(everything.len(), 30, "each event once: {everything:?}");
    let mut sorted = everything.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), 30);
    assert!(
        everything[..3].iter().all(|i| i / 3 == 9),
        "the newest moment first"
    );

    let logins = walk(Filter {
        actor: Some(sanne),
        action: Some("flow.even".into()),
        from: Some(start + time::Duration::minutes(2)),
        until: Some(start + time::Duration::minutes(7)),
        ..Filter::default()
    })
    .await;
    let mut expected: Vec<i64> = (6..21).filter(|i| i % 2 == 0).collect();
    let mut got = logins.clone();
    got.sort_unstable();
    expected.sort_unstable();
    assert_eq!(got, expected, "who, what and when together: {logins:?}");
    let by_action = walk(Filter {
        action: Some("flow.odd".into()),
        ..Filter::default()
    })
    .await;
    assert_eq!(by_action.len(), 15);
}

async fn platform_admin_sees_everyone(app: TestApp) {
    let sanne = app.register("Sanne", "sanne@example.nl").await;
    let org = app.create_org(&sanne, "partner", "RegioNet").await;
    let admin = platform_admin(&app).await;
    admin
        .get("/admin/users")
        .await
        .assert_contains("sanne@example.nl")
        .assert_contains("2 gebruikers in totaal");
    admin
        .get("/admin/organisations")
        .await
        .assert_contains("RegioNet");
    let page = admin.get(&format!("/organisations/{org}")).await;
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains("Iemand uitnodigen"),
        "a platform administrator looks, but does not manage"
    );
}

async fn errors_and_headers(app: TestApp) {
    let browser = app.browser();
    let missing = browser.get("/bestaat-niet").await;
    assert_eq!(missing.status, 404);
    missing
        .assert_contains("Deze pagina bestaat niet")
        .assert_contains("<html lang=\"nl\"");
    app.english_browser()
        .get("/bestaat-niet")
        .await
        .assert_contains("This page does not exist");

    // An announced body over the limit is refused before it is read. (A raw connection: a
    // client that keeps writing after the answer would only see the connection close.)
    let big = raw_post_headers(&app.base, "/login", samenspel_web::BODY_LIMIT * 3).await;
    assert!(big.starts_with("HTTP/1.1 413"), "{big}");
    assert!(big.contains("te groot"), "{big}");

    // A form that cannot be read (a field twice) gets a page, not a stack trace.
    let token = browser.csrf().await;
    let malformed = browser
        .post_raw(
            "/login",
            &[
                ("csrf", &token),
                ("email", "a@example.nl"),
                ("email", "b@example.nl"),
            ],
        )
        .await;
    assert_eq!(malformed.status, 400);
    malformed.assert_contains("Het formulier kwam niet goed aan");

    let response = reqwest::get(format!("{}/login", app.base))
        .await
        .expect("get");
    let headers = response.headers();
    let csp = headers
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(
        headers
            .get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    assert_eq!(
        headers.get("x-frame-options").and_then(|v| v.to_str().ok()),
        Some("DENY")
    );
    let cookie = headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    // Session cookies are rotated at login: the anonymous token does not become the session.
    let sanne = app.register("Sanne", "sanne@example.nl").await;
    let before = sanne.csrf().await;
    sanne.post("/logout", &[]).await;
    sanne.login("sanne@example.nl", PASSWORD).await;
    assert_ne!(before, sanne.csrf().await);
}

async fn health_and_metrics(app: TestApp) {
    let health = reqwest::get(format!("{}/health", app.base))
        .await
        .expect("health");
    assert_eq!(health.status(), 200);
    app.browser().get("/login").await;
    let metrics = reqwest::get(format!("{}/metrics", app.base))
        .await
        .expect("metrics")
        .text()
        .await
        .unwrap_or_default();
    assert!(metrics.contains("http_requests_total"), "{metrics}");
    let css = reqwest::get(format!("{}/static/utrecht.css", app.base))
        .await
        .expect("css");
    assert_eq!(css.status(), 200);
    assert!(
        css.text()
            .await
            .unwrap_or_default()
            .contains("utrecht-button")
    );
}

/// Sends only the headers of a POST announcing `length` bytes and returns the raw answer.
async fn raw_post_headers(base: &str, path: &str, length: usize) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.expect("connect");
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {length}\r\nAccept-Language: nl\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_end(&mut answer),
    )
    .await;
    String::from_utf8_lossy(&answer).into_owned()
}

/// An operator finds a person, blocks them (asked first; their sessions end at once), lifts
/// the block, logs them out everywhere and lifts a lockout; every step is in the audit log.
async fn operators_manage_access(app: TestApp) {
    let admin = platform_admin(&app).await;
    let kees = app.register("Kees de Vries", "kees@example.nl").await;
    let id = app
        .scalar("SELECT id FROM users WHERE email = 'kees@example.nl'")
        .await;
    let found = admin.get("/admin/users?q=DE+VRIES").await;
    found
        .assert_contains("Eén gebruiker gevonden")
        .assert_contains(&format!("href=\"/admin/users/{id}\""));
    admin
        .get("/admin/users?q=%25")
        .await
        .assert_contains("0 gebruikers gevonden");
    let person = format!("/admin/users/{id}");
    admin
        .get(&person)
        .await
        .assert_contains("Kan inloggen")
        .assert_contains("kees@example.nl");
    assert_eq!(kees.get(&person).await.status, 403);

    // Blocking asks first.
    let unconfirmed = admin.post(&format!("{person}/block"), &[]).await;
    assert_eq!(unconfirmed.status, 422);
    unconfirmed.assert_contains("Vink aan dat u begrijpt wat blokkeren doet.");
    assert_eq!(kees.get("/account").await.status, 200);
    let blocked = admin
        .post(&format!("{person}/block"), &[("confirm", "yes")])
        .await;
    assert_eq!(blocked.status, 303);
    assert_eq!(kees.get("/account").await.status, 303, "logged out at once");
    let refused = kees.login("kees@example.nl", PASSWORD).await;
    assert_eq!(refused.status, 403);
    refused.assert_contains("geblokkeerd");
    assert_eq!(
        kees.login("kees@example.nl", "niet-het-wachtwoord")
            .await
            .status,
        422,
        "without the password, nothing tells that the account is blocked"
    );
    assert_eq!(
        admin.post(&format!("{person}/unblock"), &[]).await.status,
        303
    );
    assert_eq!(kees.login("kees@example.nl", PASSWORD).await.status, 303);

    // Logged out everywhere.
    assert_eq!(
        admin
            .post(&format!("{person}/end-sessions"), &[])
            .await
            .status,
        303
    );
    assert_eq!(kees.get("/account").await.status, 303);

    // A lockout after wrong passwords, lifted.
    let stranger = app.browser();
    for _ in 0..6 {
        stranger.login("kees@example.nl", "fout-fout-fout").await;
    }
    assert_eq!(
        app.browser()
            .login("kees@example.nl", PASSWORD)
            .await
            .status,
        422,
        "locked"
    );
    admin
        .get(&person)
        .await
        .assert_contains("Tijdelijk vergrendeld");
    assert_eq!(
        admin
            .post(&format!("{person}/lift-lockout"), &[])
            .await
            .status,
        303
    );
    assert_eq!(
        app.browser()
            .login("kees@example.nl", PASSWORD)
            .await
            .status,
        303
    );

    // An operator does not lock themselves out.
    let me = app
        .scalar("SELECT id FROM users WHERE email = 'beheer@example.nl'")
        .await;
    assert_eq!(
        admin
            .post(&format!("/admin/users/{me}/block"), &[("confirm", "yes")])
            .await
            .status,
        409
    );
    for action in [
        "user.blocked",
        "user.unblocked",
        "user.sessions_ended",
        "user.lockout_lifted",
    ] {
        assert_eq!(app.audit_count(action).await, 1, "{action}");
    }
}

/// An operator renames an organisation, appoints an administrator where none is left, and
/// deletes one that holds nothing yet (asked first); one that takes part stays.
async fn operators_manage_organisations(app: TestApp) {
    let admin = platform_admin(&app).await;
    let owner = app.register("Eigenaar", "eigenaar@example.nl").await;
    let org = app.create_org(&owner, "partner", "Woonstichting").await;
    let page = format!("/admin/organisations/{org}");
    admin
        .get("/admin/organisations")
        .await
        .assert_contains(&format!("href=\"{page}\""));
    assert_eq!(owner.get(&page).await.status, 403);

    let empty = admin
        .post(&format!("{page}/rename"), &[("name", " ")])
        .await;
    assert_eq!(empty.status, 422);
    let renamed = admin
        .post(
            &format!("{page}/rename"),
            &[("name", "Woonstichting Zonnedal")],
        )
        .await;
    assert_eq!(renamed.status, 303);
    owner
        .get(&format!("/organisations/{org}"))
        .await
        .assert_contains("Woonstichting Zonnedal");

    // Appointing is for an organisation without administrators only.
    assert_eq!(
        admin
            .post(
                &format!("{page}/appoint"),
                &[("email", "eigenaar@example.nl")]
            )
            .await
            .status,
        409
    );
    app.exec("UPDATE memberships SET role = 'member'").await;
    admin
        .get(&page)
        .await
        .assert_contains("geen beheerder meer");
    let unknown = admin
        .post(
            &format!("{page}/appoint"),
            &[("email", "niemand@example.nl")],
        )
        .await;
    assert_eq!(unknown.status, 422);
    unknown
        .assert_contains("geen account")
        .assert_contains("value=\"niemand@example.nl\"");
    assert_eq!(
        admin
            .post(
                &format!("{page}/appoint"),
                &[("email", "eigenaar@example.nl")]
            )
            .await
            .status,
        303
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM memberships WHERE role = 'admin' AND until IS NULL")
            .await,
        1
    );

    // Deleting asks first, and only what holds nothing can go.
    let unconfirmed = admin.post(&format!("{page}/delete"), &[]).await;
    assert_eq!(unconfirmed.status, 422);
    unconfirmed.assert_contains("definitief");
    assert_eq!(
        admin
            .post(&format!("{page}/delete"), &[("confirm", "yes")])
            .await
            .status,
        303
    );
    assert_eq!(admin.get(&page).await.status, 404);
    let (_, municipality) = app
        .municipality_with_areas("pl@zonnedal.example", "Gemeente Zonnedal")
        .await;
    let kept = format!("/admin/organisations/{municipality}");
    admin
        .get(&kept)
        .await
        .assert_contains("kan daarom niet worden verwijderd");
    assert_eq!(
        admin
            .post(&format!("{kept}/delete"), &[("confirm", "yes")])
            .await
            .status,
        409
    );
    // A verified municipality's name stays its own.
    let other = app.register("Ander", "ander@example.nl").await;
    let second = app
        .create_org(&other, "municipality", "Gemeente Beekdal")
        .await;
    let clash = admin
        .post(
            &format!("/admin/organisations/{second}/rename"),
            &[("name", "Gemeente Zonnedal")],
        )
        .await;
    assert_eq!(clash.status, 422);
    clash.assert_contains("Er is al een geverifieerde gemeente met deze naam.");
    for action in [
        "organisation.renamed",
        "organisation.admin_appointed",
        "organisation.deleted",
    ] {
        assert_eq!(app.audit_count(action).await, 1, "{action}");
    }
}

/// Only someone with two-step login becomes a platform administrator; an operator can switch
/// a person's two-step login off (asked first) and end someone's administrator role.
async fn platform_administrators_have_two_factors(app: TestApp) {
    let admin = platform_admin(&app).await;
    let kees = app.register("Kees", "kees@example.nl").await;
    let id = app
        .scalar("SELECT id FROM users WHERE email = 'kees@example.nl'")
        .await;
    let person = format!("/admin/users/{id}");
    let refused = admin
        .post(&format!("{person}/platform-admin"), &[("admin", "yes")])
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("Zet eerst inloggen in twee stappen aan");
    assert_eq!(kees.get("/admin/users").await.status, 403);

    crate::support::enrol_two_factor(&kees).await;
    admin.get(&person).await.assert_contains("Staat aan");
    let made = admin
        .post(&format!("{person}/platform-admin"), &[("admin", "yes")])
        .await;
    assert_eq!(made.status, 303);
    assert_eq!(kees.get("/admin/users").await.status, 200);

    // A lost phone: switched off, but only once the operator confirms who asked.
    let unconfirmed = admin.post(&format!("{person}/reset-two-factor"), &[]).await;
    assert_eq!(unconfirmed.status, 422);
    unconfirmed.assert_contains("Vink aan dat u heeft vastgesteld");
    assert_eq!(
        admin
            .post(&format!("{person}/reset-two-factor"), &[("confirm", "yes")])
            .await
            .status,
        303
    );
    assert_eq!(
        app.browser()
            .login("kees@example.nl", PASSWORD)
            .await
            .location,
        "/",
        "no code asked any more"
    );
    assert_eq!(
        admin
            .post(&format!("{person}/platform-admin"), &[("admin", "no")])
            .await
            .status,
        303
    );
    assert_eq!(kees.get("/admin/users").await.status, 403);
    let me = app
        .scalar("SELECT id FROM users WHERE email = 'beheer@example.nl'")
        .await;
    assert_eq!(
        admin
            .post(
                &format!("/admin/users/{me}/platform-admin"),
                &[("admin", "no")]
            )
            .await
            .status,
        409
    );
    for action in [
        "user.made_admin",
        "user.unmade_admin",
        "user.two_factor_reset",
    ] {
        assert_eq!(app.audit_count(action).await, 1, "{action}");
    }
}

/// What the server logs, kept for the test to read.
#[derive(Clone, Default)]
struct Log(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Log {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// An unexpected error in the log says who was doing what where: the route, the person and the
/// approach (and its municipality), also when it happened in the request's database work.
async fn an_error_in_the_log_says_what_was_being_done(app: TestApp) {
    let log = Log::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .finish();
    // Each test runs in a process of its own (nextest): this is the only subscriber.
    let _ = tracing::subscriber::set_global_default(subscriber);

    let (leader, org) = app
        .municipality_with_areas("pl@zonnedal.example", "Gemeente Zonnedal")
        .await;
    let approach = app.start_approach(&leader, org, "Wijkaanpak Centrum").await;
    let person = app
        .scalar("SELECT id FROM users WHERE email = 'pl@zonnedal.example'")
        .await;
    // The project page reads the sub-projects; without their table it cannot.
    app.exec("ALTER TABLE subprojects RENAME TO subprojects_gone")
        .await;
    let page = leader.get(&approach).await;
    assert_eq!(page.status, 500, "{}", page.body);

    let text = String::from_utf8(log.0.lock().expect("log").clone()).expect("text");
    let line = text
        .lines()
        .find(|l| l.contains("unexpected error"))
        .unwrap_or_else(|| panic!("no error logged in {text}"));
    let id = approach.rsplit('/').next().expect("approach id");
    for expected in [
        "route=\"/approaches/{approach}\"".to_owned(),
        format!("person={person}"),
        format!("approach={id}"),
        format!("organisation={org}"),
        "subprojects".to_owned(),
    ] {
        assert!(line.contains(&expected), "{expected} in {line}");
    }
}

on_both_databases!(an_error_in_the_log_says_what_was_being_done);
