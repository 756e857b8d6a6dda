//! Organisations: creating, inviting, accepting, roles, removing, leaving, history.

use crate::on_both_databases;
use crate::support::{Options, PASSWORD, TestApp};

on_both_databases!(
    organisation_life_cycle,
    invitation_links_that_do_not_work,
    last_administrator_stays
);

async fn organisation_life_cycle(app: TestApp) {
    let admin = app.register("Ilse Verbeek", "ilse@gemeente.example").await;

    let bad = admin
        .post("/organisations/new", &[("kind", "club"), ("name", "X")])
        .await;
    assert_eq!(bad.status, 422);
    bad.assert_contains("Kies de soort organisatie.")
        .assert_contains("value=\"X\"");
    let org = app
        .create_org(&admin, "municipality", "Gemeente Zonnedal")
        .await;
    admin
        .get(&format!("/organisations/{org}"))
        .await
        .assert_contains("De gemeente is toegevoegd.");

    let link = app.invite(&admin, org, "joris@example.nl", "member").await;
    let page = admin.get(&format!("/organisations/{org}")).await;
    page.assert_contains("joris@example.nl")
        .assert_contains("Openstaande uitnodigingen");
    // Without a choice the mail is in the inviter's language first (Dutch here), the other
    // language below; an English-speaking invitee is written to in English first.
    let sent = admin
        .post(
            &format!("/organisations/{org}/invitations"),
            &[("email", "kees@example.nl"), ("role", "member")],
        )
        .await;
    assert_eq!(sent.status, 303);
    let mails = app.dispatch_mail().await;
    let to_kees = mails
        .iter()
        .find(|m| m.contains("kees@example.nl"))
        .expect("mail");
    assert!(
        to_kees.contains("Subject: Uitnodiging voor Gemeente Zonnedal"),
        "{to_kees}"
    );
    assert!(to_kees.contains("-- English --"), "{to_kees}");
    let refused = admin
        .post(
            &format!("/organisations/{org}/invitations"),
            &[
                ("email", "anna@example.nl"),
                ("role", "member"),
                ("language", "fr"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("Kies Nederlands of Engels.")
        .assert_contains("value=\"anna@example.nl\"");
    let sent = admin
        .post(
            &format!("/organisations/{org}/invitations"),
            &[
                ("email", "anna@example.nl"),
                ("role", "member"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(sent.status, 303);
    let mails = app.dispatch_mail().await;
    let to_anna = mails
        .iter()
        .find(|m| m.contains("anna@example.nl"))
        .expect("mail");
    assert!(
        to_anna.contains("Subject: Invitation to Gemeente Zonnedal"),
        "{to_anna}"
    );
    let english = to_anna
        .find("Ilse Verbeek invites you")
        .expect("English text");
    let dutch = to_anna.find("-- Nederlands --").expect("Dutch below");
    assert!(english < dutch, "{to_anna}");

    // The invitee opens the link in another browser, registers with that address, accepts.
    let joris = app.english_browser();
    let invitation = joris.get(&link).await;
    assert_eq!(invitation.status, 200);
    invitation
        .assert_contains("Gemeente Zonnedal")
        .assert_contains("Create account");
    let path = link.trim_start_matches(&app.base).to_owned();
    let registered = joris
        .post(
            "/register",
            &[
                ("name", "Joris Haverkamp"),
                ("email", "joris@example.nl"),
                ("password", PASSWORD),
                ("next", &path),
            ],
        )
        .await;
    assert_eq!(registered.status, 303);
    assert_eq!(registered.location, path);
    let accepted = joris.post(&path, &[]).await;
    assert_eq!(accepted.status, 303);
    let org_page = joris.get(&accepted.location).await;
    org_page
        .assert_contains("Welcome! You are now a member.")
        .assert_contains("Joris Haverkamp");
    assert!(
        !org_page.body.contains("Invite someone"),
        "members do not manage members"
    );
    assert_eq!(
        joris
            .post(
                &format!("/organisations/{org}/invitations"),
                &[("email", "x@example.nl"), ("role", "member")]
            )
            .await
            .status,
        403
    );

    // Role change, by the administrator.
    let membership = app.scalar("SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'joris@example.nl'").await;
    let changed = admin
        .post(
            &format!("/organisations/{org}/members/{membership}/role"),
            &[("role", "admin")],
        )
        .await;
    assert_eq!(changed.status, 303);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM memberships WHERE role = 'admin' AND until IS NULL")
            .await,
        2
    );

    // Joris, now an administrator too, removes Ilse, after the page that asks first; she stays
    // in the history.
    let ilse_membership = app.scalar("SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'ilse@gemeente.example'").await;
    let remove = format!("/organisations/{org}/members/{ilse_membership}/remove");
    let asked = joris.post(&remove, &[]).await;
    assert_eq!(asked.status, 200);
    asked
        .assert_contains("Remove Ilse Verbeek from")
        .assert_contains(&format!("action=\"{remove}\""))
        .assert_contains("name=\"confirm\" value=\"yes\"");
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM memberships WHERE until IS NOT NULL")
            .await,
        0,
        "asking removes nobody"
    );
    let removed = joris.post(&remove, &[("confirm", "yes")]).await;
    assert_eq!(removed.status, 303);
    let page = joris.get(&format!("/organisations/{org}")).await;
    page.assert_contains("Former members")
        .assert_contains("Ilse Verbeek")
        .assert_contains("removed");
    assert_eq!(
        admin.get(&format!("/organisations/{org}")).await.status,
        403,
        "a former member no longer sees the organisation"
    );

    let audit = app.scalar("SELECT COUNT(*) FROM audit_events WHERE action IN ('organisation.created', 'invitation.created', 'membership.joined', 'membership.role_changed', 'membership.removed')").await;
    assert_eq!(audit, 7, "three invitations among them");
}

async fn invitation_links_that_do_not_work(app: TestApp) {
    let admin = app.register("Beheerder", "admin@example.nl").await;
    let org = app
        .create_org(&admin, "initiative", "Buurtvereniging De Linde")
        .await;
    let link = app.invite(&admin, org, "fatima@example.nl", "member").await;

    // Someone logged in with another address cannot accept it.
    let other = app.register("Ander", "ander@example.nl").await;
    let path = link.trim_start_matches(&app.base).to_owned();
    let refused = other.post(&path, &[]).await;
    assert_eq!(refused.status, 409);
    refused.assert_contains("naar een ander e-mailadres");

    let fatima = app.register("Fatima", "fatima@example.nl").await;
    assert_eq!(fatima.post(&path, &[]).await.status, 303);
    let reused = fatima.get(&path).await;
    assert_eq!(reused.status, 410);
    reused.assert_contains("al gebruikt");

    assert_eq!(app.browser().get("/invitations/onzin").await.status, 404);

    // A withdrawn invitation.
    let link = app.invite(&admin, org, "piet@example.nl", "member").await;
    let id = app
        .scalar("SELECT id FROM invitations WHERE email = 'piet@example.nl'")
        .await;
    let revoke = format!("/organisations/{org}/invitations/{id}/revoke");
    let asked = admin.post(&revoke, &[]).await;
    assert_eq!(asked.status, 200);
    asked.assert_contains("De uitnodiging voor piet@example.nl intrekken?");
    assert_eq!(
        app.browser().get(&link).await.status,
        200,
        "asking revokes nothing"
    );
    assert_eq!(admin.post(&revoke, &[("confirm", "yes")]).await.status, 303);
    let page = app.browser().get(&link).await;
    assert_eq!(page.status, 410);
    page.assert_contains("ingetrokken");

    // An expired invitation.
    let link = app.invite(&admin, org, "els@example.nl", "member").await;
    app.exec("UPDATE invitations SET expires_at = created_at WHERE email = 'els@example.nl'")
        .await;
    let page = app.browser().get(&link).await;
    assert_eq!(page.status, 410);
    page.assert_contains("verlopen");

    // Inviting someone who is already a member.
    let page = admin
        .post(
            &format!("/organisations/{org}/invitations"),
            &[("email", "fatima@example.nl"), ("role", "member")],
        )
        .await;
    assert_eq!(page.status, 422);
    page.assert_contains("al lid")
        .assert_contains("value=\"fatima@example.nl\"");
}

async fn last_administrator_stays(app: TestApp) {
    let admin = app.register("Enige Beheerder", "enige@example.nl").await;
    let org = app
        .create_org(&admin, "partner", "Woonstichting Zonnedal")
        .await;
    let membership = app.scalar("SELECT id FROM memberships").await;
    let demote = admin
        .post(
            &format!("/organisations/{org}/members/{membership}/role"),
            &[("role", "member")],
        )
        .await;
    assert_eq!(demote.status, 409);
    demote.assert_contains("altijd minstens één beheerder");
    assert_eq!(
        admin
            .post(&format!("/organisations/{org}/leave"), &[])
            .await
            .status,
        409
    );
    assert_eq!(
        admin
            .post(
                &format!("/organisations/{org}/members/{membership}/remove"),
                &[]
            )
            .await
            .status,
        409
    );

    // With a second administrator the first may leave.
    let link = app.invite(&admin, org, "tweede@example.nl", "admin").await;
    let second = app.register("Tweede", "tweede@example.nl").await;
    assert_eq!(
        second
            .post(link.trim_start_matches(&app.base), &[])
            .await
            .status,
        303
    );
    let asked = admin
        .post(&format!("/organisations/{org}/leave"), &[])
        .await;
    assert_eq!(asked.status, 200);
    asked.assert_contains("Woonstichting Zonnedal verlaten?");
    let left = admin
        .post(
            &format!("/organisations/{org}/leave"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(left.status, 303);
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM memberships WHERE until IS NOT NULL AND ended_reason = 'left'"
        )
        .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitations_open_closed_registration() {
    for backend in crate::support::backends() {
        let app = TestApp::spawn_with(
            backend,
            Options {
                allow_registration: false,
                ..Options::default()
            },
        )
        .await;
        let id =
            samenspel::admin::create_user(&app.db, "beheer@example.nl", "Beheer", PASSWORD, false)
                .await
                .expect("create");
        assert!(id.0 > 0);
        let admin = app.browser();
        assert_eq!(admin.login("beheer@example.nl", PASSWORD).await.status, 303);
        let org = app
            .create_org(&admin, "facilitator", "Stichting Buurtkracht")
            .await;
        let link = app
            .invite(&admin, org, "marloes@example.nl", "member")
            .await;
        let path = link.trim_start_matches(&app.base).to_owned();

        let newcomer = app.browser();
        let wrong = newcomer
            .post(
                "/register",
                &[
                    ("name", "Marloes"),
                    ("email", "iemand-anders@example.nl"),
                    ("password", PASSWORD),
                    ("next", &path),
                ],
            )
            .await;
        assert_eq!(wrong.status, 422, "{backend:?}");
        let ok = newcomer
            .post(
                "/register",
                &[
                    ("name", "Marloes"),
                    ("email", "marloes@example.nl"),
                    ("password", PASSWORD),
                    ("next", &path),
                ],
            )
            .await;
        assert_eq!(ok.status, 303, "{backend:?}: {}", ok.body);
        assert_eq!(newcomer.post(&path, &[]).await.status, 303);
    }
}
