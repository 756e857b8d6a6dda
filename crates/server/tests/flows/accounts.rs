//! Registering, logging in and out, password reset, account settings, throttling.

use crate::on_both_databases;
use crate::support::{Options, PASSWORD, TestApp, code_for, link_in};

on_both_databases!(
    register_log_out_and_in,
    registration_rejects_bad_input_and_keeps_it,
    an_account_exists_only_once_its_address_is_confirmed,
    registering_a_taken_address_answers_as_for_a_new_one,
    two_step_login_with_a_code_and_a_recovery_code,
    an_organisation_requires_two_step_login_of_its_members,
    password_reset_by_mail,
    account_settings,
    failed_logins_lock_the_account,
    logging_in_over_a_stale_session_cookie,
    personal_pages_are_not_stored_and_probes_get_no_cookie,
    language_follows_setting_cookie_and_header,
);

async fn register_log_out_and_in(app: TestApp) {
    let browser = app.register("Sanne Bakker", "sanne@example.nl").await;
    browser
        .get("/")
        .await
        .assert_contains("Welkom, Sanne Bakker");

    let out = browser.post("/logout", &[]).await;
    assert_eq!(out.status, 303);
    browser.get("/").await.assert_contains("U bent uitgelogd.");
    assert_eq!(
        browser.get("/account").await.status,
        303,
        "logged out people are sent to the login page"
    );

    let wrong = browser
        .login("sanne@example.nl", "niet-het-goede-wachtwoord")
        .await;
    assert_eq!(wrong.status, 422);
    wrong.assert_contains("Deze combinatie van e-mailadres en wachtwoord kennen we niet.");
    wrong.assert_contains("value=\"sanne@example.nl\"");
    assert!(
        !wrong.body.contains("niet-het-goede-wachtwoord"),
        "a password is never echoed"
    );

    let unknown = browser.login("nobody@example.nl", PASSWORD).await;
    assert_eq!(unknown.status, 422);

    let ok = browser.login("SANNE@example.nl", PASSWORD).await;
    assert_eq!(ok.status, 303);
    browser
        .get("/")
        .await
        .assert_contains("Welkom, Sanne Bakker");

    let events = app.scalar("SELECT COUNT(*) FROM audit_events WHERE action IN ('user.registered', 'user.login', 'user.logout', 'user.login_failed')").await;
    assert_eq!(events, 5);
}

async fn registration_rejects_bad_input_and_keeps_it(app: TestApp) {
    app.register("Eerste", "taken@example.nl").await;
    let browser = app.browser();
    type Fields<'a> = &'a [(&'a str, &'a str)];
    let cases: &[(Fields, u16, &str)] = &[
        (
            &[
                ("name", ""),
                ("email", "a@example.nl"),
                ("password", PASSWORD),
            ],
            422,
            "Vul een naam in.",
        ),
        (
            &[
                ("name", "Kees"),
                ("email", "geen-adres"),
                ("password", PASSWORD),
            ],
            422,
            "Vul een geldig e-mailadres in",
        ),
        (
            &[
                ("name", "Kees"),
                ("email", "kees@example.nl"),
                ("password", "kort"),
            ],
            422,
            "minstens 10 tekens",
        ),
        (
            &[
                ("name", "Kees"),
                ("email", "kees@example.nl"),
                ("password", "wachtwoord123"),
            ],
            422,
            "te makkelijk te raden",
        ),
    ];
    for (fields, status, message) in cases {
        let page = browser.post("/register", fields).await;
        assert_eq!(page.status, *status, "{fields:?}");
        page.assert_contains(message);
        let name = fields[0].1;
        if !name.is_empty() {
            page.assert_contains(&format!("value=\"{name}\""));
        }
    }
    let english = app.english_browser();
    let page = english
        .post(
            "/register",
            &[
                ("name", "Kees"),
                ("email", "kees@example.nl"),
                ("password", "kort"),
            ],
        )
        .await;
    page.assert_contains("at least 10 characters");
}

/// Registering sends a link; until it is opened and confirmed there is no account to log in to,
/// and a link works once.
async fn an_account_exists_only_once_its_address_is_confirmed(app: TestApp) {
    let browser = app.browser();
    let fields = [
        ("name", "Noor"),
        ("email", "noor@example.nl"),
        ("password", PASSWORD),
        ("language", "en"),
    ];
    let sent = browser.post("/register", &fields).await;
    assert_eq!(sent.status, 200);
    sent.assert_contains("noor@example.nl");
    assert_eq!(browser.login("noor@example.nl", PASSWORD).await.status, 422);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM users").await, 0);

    let mails = app.dispatch_mail().await;
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].contains("Activate your Samenspel account"),
        "{}",
        mails[0]
    );
    let link = link_in(&mails[0], "/register/confirm?token=");
    let path = link.strip_prefix(&app.base).expect("own link");
    // Opening the link creates nothing yet (a mail scanner may open it); the button does.
    let other = app.browser();
    other.get(path).await.assert_contains("Account activeren");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM users").await, 0);
    let token = path.split("token=").nth(1).expect("token");
    let done = other.post("/register/confirm", &[("token", token)]).await;
    assert_eq!(done.status, 303, "{}", done.body);
    other.get("/").await.assert_contains("Welcome, Noor");
    let again = app.browser();
    let used = again.post("/register/confirm", &[("token", token)]).await;
    assert_eq!(used.status, 404);
    used.assert_contains("werkt niet meer");
    assert_eq!(again.get(path).await.status, 404);
    assert_eq!(app.audit_count("user.registered").await, 1);
}

/// The form does not tell whether an address has an account: the answer is the same, the
/// owner gets a mail, and the stranger's password opens nothing.
async fn registering_a_taken_address_answers_as_for_a_new_one(app: TestApp) {
    app.register("Eigenaar", "taken@example.nl").await;
    let stranger = app.browser();
    let register = |email| {
        [
            ("name", "Vreemde"),
            ("email", email),
            ("password", "een-ander-lang-wachtwoord"),
            ("language", "nl"),
        ]
    };
    let taken = stranger
        .post("/register", &register("taken@example.nl"))
        .await;
    let new = stranger
        .post("/register", &register("nieuw@example.nl"))
        .await;
    assert_eq!(taken.status, new.status);
    assert_eq!(
        taken.body.replace("taken@example.nl", "X"),
        new.body.replace("nieuw@example.nl", "X")
    );
    let mails = app.dispatch_mail().await;
    let to_owner = mails
        .iter()
        .find(|m| m.contains("To: taken@example.nl"))
        .expect("the owner is told");
    assert!(to_owner.contains("Beste Eigenaar"), "{to_owner}");
    assert!(!to_owner.contains("/register/confirm"), "{to_owner}");
    assert!(mails.iter().any(|m| m.contains("To: nieuw@example.nl")));
    assert_eq!(
        stranger
            .login("taken@example.nl", "een-ander-lang-wachtwoord")
            .await
            .status,
        422
    );
    assert_eq!(
        app.audit_count("user.registration_on_taken_address").await,
        1
    );
    // Asking again straight away sends no second mail.
    stranger
        .post("/register", &register("taken@example.nl"))
        .await;
    assert!(app.dispatch_mail().await.is_empty());
}

async fn password_reset_by_mail(app: TestApp) {
    app.register("Joris", "joris@example.nl").await;
    let browser = app.browser();

    let unknown = browser
        .post("/password/forgot", &[("email", "niemand@example.nl")])
        .await;
    assert_eq!(unknown.status, 200);
    let known = browser
        .post("/password/forgot", &[("email", "joris@example.nl")])
        .await;
    assert_eq!(known.status, 200);
    assert_eq!(
        unknown.body.replace("niemand@example.nl", "X"),
        known.body.replace("joris@example.nl", "X"),
        "the answer does not tell whether an account exists"
    );

    let mails = app.dispatch_mail().await;
    assert_eq!(mails.len(), 1, "only the known address gets mail");
    assert!(mails[0].contains("To: joris@example.nl"));
    let link = link_in(&mails[0], "/password/reset?token=");

    let form = browser.get(&link).await;
    assert_eq!(form.status, 200);
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let weak = browser
        .post(
            "/password/reset",
            &[("token", &token), ("password", "1234567890")],
        )
        .await;
    assert_eq!(weak.status, 422);
    let done = browser
        .post(
            "/password/reset",
            &[
                ("token", &token),
                ("password", "een-nieuw-en-lang-wachtwoord"),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(done.location, "/login");

    let again = browser
        .post(
            "/password/reset",
            &[("token", &token), ("password", "nog-een-ander-wachtwoord")],
        )
        .await;
    assert_eq!(again.status, 410, "a link works once");
    assert_eq!(
        browser.login("joris@example.nl", PASSWORD).await.status,
        422
    );
    assert_eq!(
        browser
            .login("joris@example.nl", "een-nieuw-en-lang-wachtwoord")
            .await
            .status,
        303
    );

    // An expired link.
    browser.post("/logout", &[]).await;
    app.exec("UPDATE password_resets SET created_at = '2000-01-01 00:00:00+00:00'")
        .await;
    browser
        .post("/password/forgot", &[("email", "joris@example.nl")])
        .await;
    let link = link_in(&app.dispatch_mail().await[0], "/password/reset?token=");
    app.exec("UPDATE password_resets SET expires_at = created_at")
        .await;
    assert_eq!(browser.get(&link).await.status, 410);
    browser
        .get(&link)
        .await
        .assert_contains("Deze link werkt niet meer");
}

async fn account_settings(app: TestApp) {
    let browser = app.register("Ilse", "ilse@example.nl").await;
    let other_device = app.browser();
    assert_eq!(
        other_device.login("ilse@example.nl", PASSWORD).await.status,
        303
    );

    let bad = browser
        .post("/account", &[("name", ""), ("language", "nl")])
        .await;
    assert_eq!(bad.status, 422);
    let saved = browser
        .post("/account", &[("name", "Ilse Verbeek"), ("language", "en")])
        .await;
    assert_eq!(saved.status, 303);
    let page = browser.get("/account").await;
    page.assert_contains("Your changes have been saved.")
        .assert_contains("value=\"Ilse Verbeek\"");

    let wrong = browser
        .post(
            "/account/password",
            &[
                ("current_password", "fout-fout-fout"),
                ("new_password", "een-ander-lang-wachtwoord"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    wrong.assert_contains("Your current password is not correct.");
    let changed = browser
        .post(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "een-ander-lang-wachtwoord"),
            ],
        )
        .await;
    assert_eq!(changed.status, 303);
    browser
        .get("/account")
        .await
        .assert_contains("Your password has been changed.");
    assert_eq!(
        other_device.get("/account").await.status,
        303,
        "other sessions end when the password changes"
    );

    let audit = app.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'user.profile_changed' AND changes LIKE '%Ilse Verbeek%'").await;
    assert_eq!(audit, 1);
}

async fn failed_logins_lock_the_account(app: TestApp) {
    let gerrit = app.register("Gerrit", "gerrit@example.nl").await;
    gerrit.post("/logout", &[]).await;
    // Logging in makes this browser a known one.
    assert_eq!(
        gerrit.login("gerrit@example.nl", PASSWORD).await.status,
        303
    );
    gerrit.post("/logout", &[]).await;

    let attacker = app.browser();
    for _ in 0..5 {
        assert_eq!(
            attacker
                .login("gerrit@example.nl", "verkeerd-wachtwoord")
                .await
                .status,
            422
        );
    }
    let locked = attacker.login("gerrit@example.nl", PASSWORD).await;
    assert_eq!(locked.status, 422, "locked even with the right password");
    // A locked account answers exactly as an address nobody has.
    let unknown = attacker.login("niemand@example.nl", PASSWORD).await;
    assert_eq!(unknown.status, locked.status);
    assert_eq!(
        locked.body.replace("gerrit@example.nl", "@"),
        unknown.body.replace("niemand@example.nl", "@")
    );
    // Any other unknown browser is slowed down too …
    let elsewhere = app.browser();
    assert_eq!(
        elsewhere.login("gerrit@example.nl", PASSWORD).await.status,
        422
    );
    // … but the attacker cannot keep Gerrit out of the browser he always uses.
    assert_eq!(
        gerrit.login("gerrit@example.nl", PASSWORD).await.status,
        303
    );
    // The counter is in the database, so every node sees it, and Gerrit's own login does not
    // give the guesser a fresh start.
    assert_eq!(
        app.scalar(
            "SELECT CAST(failed_logins AS BIGINT) FROM users WHERE email = 'gerrit@example.nl'"
        )
        .await,
        5
    );
    assert!(app.audit_count("user.login_locked").await >= 2);
    // A known browser that guesses wrong is locked on its own.
    gerrit.post("/logout", &[]).await;
    for _ in 0..5 {
        gerrit
            .login("gerrit@example.nl", "verkeerd-wachtwoord")
            .await;
    }
    assert_eq!(
        gerrit.login("gerrit@example.nl", PASSWORD).await.status,
        422
    );
}

/// Logging in while the browser still holds a cookie of a session that has ended leaves the
/// person logged in (the stale cookie is not cleared after the new one is set).
async fn logging_in_over_a_stale_session_cookie(app: TestApp) {
    let browser = app.register("Ilse", "ilse@example.nl").await;
    app.exec("DELETE FROM sessions").await;
    let page = browser.login("ilse@example.nl", PASSWORD).await;
    assert_eq!(page.status, 303, "{}", page.body);
    browser.get("/").await.assert_contains("Welkom, Ilse");
}

/// Pages depend on who asks: no shared cache may keep them. Operational endpoints set no
/// cookies.
async fn personal_pages_are_not_stored_and_probes_get_no_cookie(app: TestApp) {
    let browser = app.register("Ilse", "ilse@example.nl").await;
    for path in ["/", "/account", "/login"] {
        let response = reqwest::Client::new()
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .expect("GET");
        assert_eq!(
            response
                .headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok()),
            Some("private, no-store"),
            "{path}"
        );
    }
    assert_eq!(browser.get("/account").await.status, 200);
    for path in ["/health", "/metrics"] {
        let response = reqwest::get(format!("{}{path}", app.base))
            .await
            .expect("GET");
        assert!(response.headers().get("set-cookie").is_none(), "{path}");
    }
}

async fn language_follows_setting_cookie_and_header(app: TestApp) {
    let english = app.english_browser();
    english
        .get("/login")
        .await
        .assert_contains("lang=\"en\"")
        .assert_contains("Log in");
    let dutch = app.browser();
    dutch.get("/login").await.assert_contains("lang=\"nl\"");
    let switched = dutch
        .post("/language", &[("lang", "en"), ("back", "/login")])
        .await;
    assert_eq!(switched.status, 303);
    assert_eq!(switched.location, "/login");
    dutch.get("/login").await.assert_contains("lang=\"en\"");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn addresses_are_throttled() {
    for backend in crate::support::backends() {
        let app = TestApp::spawn_with(
            backend,
            Options {
                auth_attempts_per_minute: 3,
                ..Options::default()
            },
        )
        .await;
        let browser = app.browser();
        for _ in 0..3 {
            assert_eq!(
                browser
                    .login("x@example.nl", "iets-wat-niet-klopt")
                    .await
                    .status,
                422
            );
        }
        let page = browser.login("x@example.nl", "iets-wat-niet-klopt").await;
        assert_eq!(page.status, 429, "{backend:?}");
        page.assert_contains("Te veel pogingen vanaf uw adres");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_can_be_switched_off() {
    for backend in crate::support::backends() {
        let app = TestApp::spawn_with(
            backend,
            Options {
                allow_registration: false,
                ..Options::default()
            },
        )
        .await;
        let browser = app.browser();
        browser
            .get("/register")
            .await
            .assert_contains("uitgeschakeld");
        for page in ["/", "/login"] {
            let body = browser.get(page).await.body;
            assert!(
                !body.contains("href=\"/register"),
                "{page} offers no registration"
            );
        }
        let refused = browser
            .post(
                "/register",
                &[
                    ("name", "Kees"),
                    ("email", "kees@example.nl"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(refused.status, 403, "{backend:?}");
    }
}

/// Enrolling in two-step login (QR code and secret on the page, confirmed with a code, ten
/// recovery codes once), logging in with a code and with a recovery code (each works once),
/// wrong codes ending the attempt, and switching it off with password and code.
async fn two_step_login_with_a_code_and_a_recovery_code(app: TestApp) {
    let browser = app.register("Ilse", "ilse@example.nl").await;
    browser
        .get("/account/two-factor")
        .await
        .assert_contains("staat uit");
    assert_eq!(browser.post("/account/two-factor", &[]).await.status, 303);
    let page = browser.get("/account/two-factor").await;
    page.assert_contains("<svg")
        .assert_contains("Geheime sleutel:");
    let secret: String = page
        .body
        .split("<code class=\"ss-secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the secret as text")
        .split_whitespace()
        .collect();
    let wrong = browser
        .post("/account/two-factor/confirm", &[("code", "12345")])
        .await;
    assert_eq!(wrong.status, 422);
    wrong.assert_contains("Deze code klopt niet.");
    let first = code_for(&secret, 0);
    let enabled = browser
        .post("/account/two-factor/confirm", &[("code", first.as_str())])
        .await;
    assert_eq!(enabled.status, 200, "{}", enabled.body);
    let recovery: Vec<String> = enabled
        .body
        .split("<li><code>")
        .skip(1)
        .filter_map(|rest| rest.split('<').next().map(str::to_owned))
        .collect();
    assert_eq!(recovery.len(), 10, "{}", enabled.body);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM recovery_codes WHERE code_hash LIKE '%-%'")
            .await,
        0,
        "stored hashed"
    );

    // The password opens the code step; the code used to enrol does not work again.
    browser.post("/logout", &[]).await;
    let password = browser.login("ilse@example.nl", PASSWORD).await;
    assert_eq!(password.status, 303);
    assert_eq!(password.location, "/login/code");
    assert_eq!(
        browser.get("/account").await.status,
        303,
        "not logged in yet"
    );
    let replay = browser
        .post("/login/code", &[("code", first.as_str())])
        .await;
    assert_eq!(replay.status, 422);
    let next = code_for(&secret, 1);
    let in_with_code = browser
        .post("/login/code", &[("code", next.as_str())])
        .await;
    assert_eq!(in_with_code.status, 303, "{}", in_with_code.body);
    browser.get("/").await.assert_contains("Welkom, Ilse");

    // A recovery code, typed loosely, works once.
    browser.post("/logout", &[]).await;
    browser.login("ilse@example.nl", PASSWORD).await;
    let loose = format!(" {} ", recovery[0].to_uppercase());
    let in_with_recovery = browser
        .post("/login/code", &[("code", loose.as_str())])
        .await;
    assert_eq!(in_with_recovery.status, 303);
    browser.post("/logout", &[]).await;
    browser.login("ilse@example.nl", PASSWORD).await;
    assert_eq!(
        browser
            .post("/login/code", &[("code", recovery[0].as_str())])
            .await
            .status,
        422
    );
    // Five wrong codes end the attempt: back to the password.
    let mut last = None;
    for _ in 0..4 {
        last = Some(browser.post("/login/code", &[("code", "000000")]).await);
    }
    let ended = last.expect("tried");
    assert_eq!(ended.status, 303);
    assert_eq!(ended.location, "/login");
    browser
        .get("/login/code")
        .await
        .assert_contains("Het inloggen duurde te lang.");
    // Wrong codes count like wrong passwords: the account is locked for unknown browsers.
    let fresh = app.browser();
    assert_eq!(fresh.login("ilse@example.nl", PASSWORD).await.status, 422);
    app.exec("UPDATE users SET failed_logins = 0, locked_until = NULL")
        .await;

    // Switching off needs the password and a code.
    assert_eq!(fresh.login("ilse@example.nl", PASSWORD).await.status, 303);
    assert_eq!(
        fresh
            .post("/login/code", &[("code", recovery[1].as_str())])
            .await
            .status,
        303
    );
    let no_password = fresh
        .post(
            "/account/two-factor/disable",
            &[("password", "fout"), ("code", recovery[2].as_str())],
        )
        .await;
    assert_eq!(no_password.status, 422);
    let off = fresh
        .post(
            "/account/two-factor/disable",
            &[("password", PASSWORD), ("code", recovery[2].as_str())],
        )
        .await;
    assert_eq!(off.status, 303);
    let plain = app.browser();
    assert_eq!(plain.login("ilse@example.nl", PASSWORD).await.location, "/");
    assert_eq!(app.audit_count("user.two_factor_enabled").await, 1);
    assert_eq!(app.audit_count("user.two_factor_disabled").await, 1);
    assert!(app.audit_count("user.login_code_failed").await >= 5);
}

/// An organisation's administrators require two-step login: every member is led through
/// enrolling before anything else, and can go on once it is on.
async fn an_organisation_requires_two_step_login_of_its_members(app: TestApp) {
    let admin = app
        .register("Beheerder", "beheer@woonstichting.example")
        .await;
    let org = app.create_org(&admin, "partner", "Woonstichting").await;
    let link = app
        .invite(&admin, org, "lid@woonstichting.example", "member")
        .await;
    let member = app.register("Lid", "lid@woonstichting.example").await;
    assert_eq!(
        member
            .post(link.trim_start_matches(&app.base), &[])
            .await
            .status,
        303
    );
    let page = format!("/organisations/{org}");
    assert_eq!(
        member
            .post(&format!("{page}/two-factor"), &[("require", "yes")])
            .await
            .status,
        403,
        "only its administrators decide"
    );
    let required = admin
        .post(&format!("{page}/two-factor"), &[("require", "yes")])
        .await;
    assert_eq!(required.status, 303);
    for browser in [&admin, &member] {
        let led = browser.get(&page).await;
        assert_eq!(led.status, 303);
        assert_eq!(led.location, "/account/two-factor");
    }
    member
        .get("/account/two-factor")
        .await
        .assert_contains("Voor uw account is inloggen in twee stappen verplicht.");
    crate::support::enrol_two_factor(&member).await;
    assert_eq!(member.get(&page).await.status, 200);
    assert_eq!(admin.get(&page).await.status, 303, "the administrator too");
    assert_eq!(app.audit_count("organisation.two_factor_required").await, 1);
}
