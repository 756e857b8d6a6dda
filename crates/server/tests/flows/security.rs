//! Attacks from the security review, replayed: each must fail.

use crate::on_both_databases;
use crate::support::TestApp;

on_both_databases!(
    a_form_sent_by_another_site_is_refused_and_never_carried,
    an_expired_form_of_this_site_opens_again_with_the_input_visible,
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
