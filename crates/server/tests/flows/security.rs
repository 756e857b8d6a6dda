//! Attacks from the security review, replayed: each must fail.

use crate::on_both_databases;
use crate::support::TestApp;

on_both_databases!(
    a_form_sent_by_another_site_is_refused_and_never_carried,
    an_expired_form_of_this_site_opens_again_with_the_input_visible,
    a_municipality_anyone_adds_waits_for_a_platform_administrator,
    verified_municipality_names_are_unique,
    an_organisation_is_drawn_in_only_with_its_consent,
);

/// The review's three requests: a page elsewhere auto-submits an invitation of the attacker as
/// administrator; the victim then clicks "send again" twice. Nothing of it may run.
async fn a_form_sent_by_another_site_is_refused_and_never_carried(app: TestApp) {
    let (leader, org) = app
        .municipality_with_areas("projectleider@example.nl", "Gemeente Zonnedal")
        .await;
    let path = format!("/organisations/{org}/invitations");
    let attack = [
        ("csrf", "geraden"),
        ("email", "attacker@evil.example"),
        ("role", "admin"),
    ];
    let from_elsewhere = [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
        ("referer", "https://evil.example/prijs.html"),
    ];
    let first = leader.post_raw_with(&path, &attack, &from_elsewhere).await;
    assert_eq!(first.status, 403);
    first.assert_contains("Verzoek van een andere website geweigerd");
    assert!(
        !first.body.contains("attacker@evil.example"),
        "{}",
        first.body
    );
    assert!(!first.body.contains("value=\"admin\""), "{}", first.body);
    // What the old page offered ("send again") no longer exists: the two clicks that followed
    // can only repeat the same request, and a browser that sends no Origin at all (an old
    // one) gets the values as text to copy, never a form.
    for _ in 0..2 {
        let again = leader.post_raw_with(&path, &attack, &from_elsewhere).await;
        assert_eq!(again.status, 403);
    }
    let unknown = leader.post_raw(&path, &attack).await;
    assert_eq!(unknown.status, 403);
    assert!(!unknown.body.contains("value=\"attacker@evil.example\""));
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM invitations").await,
        0,
        "no invitation was made"
    );
    assert!(app.dispatch_mail().await.is_empty(), "no mail was sent");
    assert_eq!(app.audit_count("security.cross_site_refused").await, 3);
}

async fn an_expired_form_of_this_site_opens_again_with_the_input_visible(app: TestApp) {
    let (leader, org) = app
        .municipality_with_areas("projectleider@example.nl", "Gemeente Zonnedal")
        .await;
    let page = format!("/organisations/{org}");
    let path = format!("/organisations/{org}/invitations");
    let here = [
        ("origin", app.base.as_str()),
        ("sec-fetch-site", "same-origin"),
    ];
    let referer = format!("{}{page}", app.base);
    let mut headers = here.to_vec();
    headers.push(("referer", referer.as_str()));
    let expired = leader
        .post_raw_with(
            &path,
            &[
                ("csrf", "verlopen"),
                ("email", "kees@example.nl"),
                ("role", "admin"),
            ],
            &headers,
        )
        .await;
    assert_eq!(expired.status, 403);
    expired
        .assert_contains("We hebben het formulier opnieuw geopend")
        .assert_contains("value=\"kees@example.nl\"")
        .assert_contains("<option value=\"admin\" selected");
    for tag in expired
        .body
        .split('<')
        .filter(|t| t.contains("kees@example.nl"))
    {
        assert!(
            !tag.contains("type=\"hidden\""),
            "shown, not hidden: <{tag}"
        );
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM invitations").await, 0);
    // Sending the form it shows (with its fresh token) works.
    let sent = leader
        .post(&path, &[("email", "kees@example.nl"), ("role", "admin")])
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);

    // Without a page to go back to, the form's own address is tried; where that has no form,
    // what was typed is shown as text to copy.
    let nowhere = leader
        .post_raw_with(
            &format!("/organisations/{org}/invitations/1/revoke"),
            &[("csrf", "verlopen"), ("reason", "mijn lange uitleg")],
            &here,
        )
        .await;
    assert_eq!(nowhere.status, 403);
    nowhere.assert_contains("<dd class=\"ss-prewrap\">mijn lange uitleg</dd>");
}

/// Adds a municipality as `browser` without the test helper's verification; returns its id.
async fn add_municipality(browser: &crate::support::Browser, name: &str) -> i64 {
    let added = browser
        .post(
            "/organisations/new",
            &[("kind", "municipality"), ("name", name)],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    added
        .location
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("organisation id")
}

async fn platform_admin(app: &TestApp) -> crate::support::Browser {
    let admin = app.register("Beheerder", "beheer@samenspel.example").await;
    app.exec("UPDATE users SET is_platform_admin = TRUE WHERE email = 'beheer@samenspel.example'")
        .await;
    crate::support::enrol_two_factor(&admin).await;
    admin
}

/// The review: any account made a "Gemeente Zonnedal", claimed a real CBS code and started an
/// approach. Now the municipality waits for a platform administrator and can do none of that.
async fn a_municipality_anyone_adds_waits_for_a_platform_administrator(app: TestApp) {
    let attacker = app.register("Aanvaller", "aanvaller@example.nl").await;
    let org = add_municipality(&attacker, "Gemeente Zonnedal").await;
    attacker
        .get(&format!("/organisations/{org}"))
        .await
        .assert_contains("wacht op verificatie");
    let code = attacker
        .post(
            &format!("/municipalities/{org}/code"),
            &[("code", "GM0363")],
        )
        .await;
    assert_eq!(code.status, 403);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM organisations WHERE cbs_code IS NOT NULL")
            .await,
        0
    );
    assert_eq!(
        attacker
            .get(&format!("/municipalities/{org}/approaches/new"))
            .await
            .status,
        403
    );
    assert_eq!(
        attacker
            .post(
                &format!("/municipalities/{org}/approaches/new"),
                &[("name", "Wijkaanpak")],
            )
            .await
            .status,
        403
    );
    // Not in anyone else's list of municipalities.
    let group = app.register("Emma", "emma@example.nl").await;
    let initiative = app.create_org(&group, "initiative", "Warmtegroep").await;
    let form = group.get(&format!("/initiatives/{initiative}/edit")).await;
    assert!(!form.body.contains("Gemeente Zonnedal"), "{}", form.body);

    // The platform administrator sees the request, with who made it, and rejects it.
    let admin = platform_admin(&app).await;
    let mut admin_page = admin.get("/admin/municipalities").await;
    admin_page
        .assert_contains("Gemeente Zonnedal")
        .assert_contains("aanvaller@example.nl");
    let reject = format!("/admin/municipalities/{org}/reject");
    let empty = admin.post(&reject, &[("reason", "  ")]).await;
    assert_eq!(empty.status, 422);
    empty.assert_contains("Vul de reden van de afwijzing in.");
    let long = "x".repeat(2001);
    let too_long = admin.post(&reject, &[("reason", long.as_str())]).await;
    assert_eq!(too_long.status, 422);
    too_long.assert_contains(&long);
    app.dispatch_mail().await;
    let rejected = admin
        .post(&reject, &[("reason", "Onbekend bij de gemeente Zonnedal.")])
        .await;
    assert_eq!(rejected.status, 303, "{}", rejected.body);
    attacker
        .get(&format!("/organisations/{org}"))
        .await
        .assert_contains("Onbekend bij de gemeente Zonnedal.");
    let mails = app.dispatch_mail().await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("To: aanvaller@example.nl"));
    assert!(mails[0].contains("Onbekend bij de gemeente Zonnedal."));
    // A decision is final: a second press changes nothing.
    let again = admin
        .post(&format!("/admin/municipalities/{org}/verify"), &[])
        .await;
    assert_eq!(again.status, 303);
    admin_page = admin.get("/admin/municipalities").await;
    admin_page.assert_contains("Er wachten geen gemeenten op verificatie.");
    assert_eq!(app.audit_count("municipality.rejected").await, 1);
    assert_eq!(app.audit_count("municipality.verified").await, 0);
    assert_eq!(
        attacker
            .post(
                &format!("/municipalities/{org}/code"),
                &[("code", "GM0363")],
            )
            .await
            .status,
        403
    );

    // Only a platform administrator decides.
    let other = add_municipality(&attacker, "Gemeente Elders").await;
    assert_eq!(
        attacker
            .post(&format!("/admin/municipalities/{other}/verify"), &[])
            .await
            .status,
        403
    );
    assert_eq!(attacker.get("/admin/municipalities").await.status, 403);
}

async fn verified_municipality_names_are_unique(app: TestApp) {
    let admin = platform_admin(&app).await;
    let first = app.register("Eerste", "eerste@example.nl").await;
    let second = app.register("Tweede", "tweede@example.nl").await;
    let a = add_municipality(&first, "Gemeente Beekdal").await;
    let b = add_municipality(&second, "Gemeente Beekdal").await;
    let verified = admin
        .post(&format!("/admin/municipalities/{a}/verify"), &[])
        .await;
    assert_eq!(verified.status, 303);
    app.dispatch_mail().await;
    let clash = admin
        .post(&format!("/admin/municipalities/{b}/verify"), &[])
        .await;
    assert_eq!(clash.status, 409);
    clash.assert_contains("Er is al een geverifieerde gemeente met deze naam.");
    assert_eq!(app.audit_count("municipality.verified").await, 1);
    // Once verified, the name cannot be taken again, in any case.
    let copy = second
        .post(
            "/organisations/new",
            &[("kind", "municipality"), ("name", "gemeente beekdal")],
        )
        .await;
    assert_eq!(copy.status, 409);
    copy.assert_contains("Er is al een geverifieerde gemeente met deze naam.")
        .assert_contains("value=\"gemeente beekdal\"");
    // The verified one now does what a municipality does.
    assert_eq!(
        first
            .post(&format!("/municipalities/{a}/code"), &[("code", "GM0363")])
            .await
            .status,
        303
    );
}

/// The review: a municipality added any partner as a party, which then saw the approach and
/// got mail with the municipality's text. Now the partner's administrators are asked first.
async fn an_organisation_is_drawn_in_only_with_its_consent(app: TestApp) {
    let (leader, org) = app
        .municipality_with_areas("projectleider@example.nl", "Gemeente Zonnedal")
        .await;
    let partner = app.register("Netbeheer", "net@regionet.example").await;
    let partner_org = app.create_org(&partner, "partner", "RegioNet").await;
    let address = app.start_approach(&leader, org, "Wijkaanpak Centrum").await;
    let approach = address
        .rsplit('/')
        .next()
        .expect("the approach's id")
        .to_owned();
    app.dispatch_mail().await;
    let partner_id = partner_org.to_string();
    let asked = leader
        .post(
            &format!("/approaches/{approach}/parties"),
            &[("organisation", partner_id.as_str()), ("role", "executor")],
        )
        .await;
    assert_eq!(asked.status, 303, "{}", asked.body);
    // Not a party: it sees nothing, and the only mail is the request, in our words.
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM approach_parties WHERE organisation_id <> (SELECT municipality_id FROM approaches)")
            .await,
        0
    );
    assert_eq!(
        partner.get(&format!("/approaches/{approach}")).await.status,
        403
    );
    let mails = app.dispatch_mail().await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].contains("Gemeente Zonnedal vraagt RegioNet mee te doen"));
    let page = partner.get(&format!("/organisations/{partner_org}")).await;
    page.assert_contains("Verzoeken om mee te doen")
        .assert_contains("Voorgestelde rol: Uitvoerder.");
    // Only the asked organisation's administrators answer.
    let request = app.scalar("SELECT id FROM consent_requests").await;
    assert_eq!(
        leader
            .post(
                &format!("/organisations/{partner_org}/requests/{request}"),
                &[("answer", "accept")],
            )
            .await
            .status,
        403
    );
    let declined = partner
        .post(
            &format!("/organisations/{partner_org}/requests/{request}"),
            &[("answer", "decline")],
        )
        .await;
    assert_eq!(declined.status, 303);
    partner
        .get(&declined.location)
        .await
        .assert_contains("U heeft het verzoek geweigerd.");
    assert_eq!(
        partner.get(&format!("/approaches/{approach}")).await.status,
        403
    );
    assert_eq!(app.audit_count("consent.declined").await, 1);
    // Answering twice changes nothing.
    let twice = partner
        .post(
            &format!("/organisations/{partner_org}/requests/{request}"),
            &[("answer", "accept")],
        )
        .await;
    assert_eq!(twice.status, 303);
    assert_eq!(
        partner.get(&format!("/approaches/{approach}")).await.status,
        403
    );
    // Asked again, and accepted: now it takes part, with the role the municipality proposed.
    let again = leader
        .post(
            &format!("/approaches/{approach}/parties"),
            &[("organisation", partner_id.as_str()), ("role", "executor")],
        )
        .await;
    assert_eq!(again.status, 303);
    assert_eq!(app.accept_requests(&partner, partner_org).await, 1);
    partner
        .get(&format!("/approaches/{approach}/parties"))
        .await
        .assert_contains("RegioNet")
        .assert_contains("Uitvoerder");
    assert_eq!(app.audit_count("consent.accepted").await, 1);

    // It leaves. The municipality cannot reopen its period, but may ask it again; once it
    // accepts, it takes part again.
    let left = partner
        .post(
            &format!("/approaches/{approach}/leave"),
            &[("party", partner_id.as_str()), ("confirm", "yes")],
        )
        .await;
    assert_eq!(left.status, 303, "{}", left.body);
    assert_eq!(
        partner.get(&format!("/approaches/{approach}")).await.status,
        403
    );
    let reopened = leader
        .post(
            &format!("/approaches/{approach}/parties/{partner_org}"),
            &[("role", "executor"), ("since", "2026-01-01"), ("until", "")],
        )
        .await;
    assert_eq!(reopened.status, 422);
    reopened.assert_contains("Voeg haar dan opnieuw toe");
    let parties = leader.get(&format!("/approaches/{approach}/parties")).await;
    parties.assert_contains(&format!(
        "<option value=\"{partner_org}\">RegioNet</option>"
    ));
    let again = leader
        .post(
            &format!("/approaches/{approach}/parties"),
            &[("organisation", partner_id.as_str()), ("role", "adviser")],
        )
        .await;
    assert_eq!(again.status, 303, "{}", again.body);
    assert_eq!(
        partner.get(&format!("/approaches/{approach}")).await.status,
        403,
        "not before it says yes"
    );
    assert_eq!(app.accept_requests(&partner, partner_org).await, 1);
    assert_eq!(
        partner.get(&format!("/approaches/{approach}")).await.status,
        200
    );
    partner
        .get(&format!("/approaches/{approach}/parties"))
        .await
        .assert_contains("Adviseur");
}
