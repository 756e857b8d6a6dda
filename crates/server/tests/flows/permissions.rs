//! Deny by default: every route of the table, for every kind of visitor, allowed or refused as
//! its access rule says, including another organisation's administrator.

use crate::support::{Browser, PASSWORD, Page, TestApp, backends};
use samenspel_domain::organisations::OrgRole;
use samenspel_domain::permissions::{Permission, Standing};
use samenspel_web::routes::{Access, RouteSpec};
use samenspel_web::state::{AppState, WebConfig};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visitor {
    Anonymous,
    Member,
    OrgAdmin,
    OtherOrgAdmin,
    PlatformAdmin,
}

fn allowed(access: Access, visitor: Visitor) -> bool {
    match (access, visitor) {
        (Access::Public, _) => true,
        (_, Visitor::Anonymous) => false,
        (Access::LoggedIn, _) => true,
        (Access::PlatformAdmin, v) => v == Visitor::PlatformAdmin,
        (Access::Org(permission), v) => {
            let standing = match v {
                Visitor::Member => Standing {
                    role: Some(OrgRole::Member),
                    platform_admin: false,
                },
                Visitor::OrgAdmin => Standing {
                    role: Some(OrgRole::Admin),
                    platform_admin: false,
                },
                Visitor::PlatformAdmin => Standing {
                    role: None,
                    platform_admin: true,
                },
                _ => Standing {
                    role: None,
                    platform_admin: false,
                },
            };
            standing.allows(permission)
        }
    }
}

struct World {
    org: i64,
    membership: i64,
    invitation: i64,
}

async fn arrange(app: &TestApp) -> (World, Vec<(Visitor, Browser)>) {
    samenspel::admin::create_user(&app.db, "platform@example.nl", "Platform", PASSWORD, true)
        .await
        .expect("admin");
    let admin = app.register("Org Admin", "orgadmin@example.nl").await;
    let org = app.create_org(&admin, "municipality", "Gemeente A").await;
    let link = app.invite(&admin, org, "member@example.nl", "member").await;
    let member = app.register("Member", "member@example.nl").await;
    assert_eq!(
        member
            .post(link.trim_start_matches(&app.base), &[])
            .await
            .status,
        303
    );
    let other = app.register("Other Admin", "other@example.nl").await;
    app.create_org(&other, "municipality", "Gemeente B").await;
    app.invite(&admin, org, "pending@example.nl", "member")
        .await;
    let platform = app.browser();
    assert_eq!(
        platform.login("platform@example.nl", PASSWORD).await.status,
        303
    );

    let membership = app.scalar("SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'member@example.nl'").await;
    let invitation = app
        .scalar("SELECT id FROM invitations WHERE email = 'pending@example.nl'")
        .await;
    let visitors = vec![
        (Visitor::Anonymous, app.browser()),
        (Visitor::Member, member),
        (Visitor::OrgAdmin, admin),
        (Visitor::OtherOrgAdmin, other),
        (Visitor::PlatformAdmin, platform),
    ];
    (
        World {
            org,
            membership,
            invitation,
        },
        visitors,
    )
}

fn concrete(spec: &RouteSpec, world: &World) -> String {
    spec.path
        .replace("{org}", &world.org.to_string())
        .replace("{membership}", &world.membership.to_string())
        .replace("{invitation}", &world.invitation.to_string())
        .replace("{token}", "no-such-token")
        .replace("{file}", "samenspel.css")
}

/// Routes that end the visitor's standing go last, so the others are tried first.
fn order(spec: &RouteSpec) -> u8 {
    match (spec.method, spec.path) {
        ("GET", _) => 0,
        (_, "/logout") => 4,
        (_, p) if p.ends_with("/leave") => 3,
        (_, p) if p.ends_with("/remove") => 2,
        _ => 1,
    }
}

fn is_login_redirect(page: &Page) -> bool {
    page.status == 303 && page.location.starts_with("/login")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_for_every_visitor() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let (world, visitors) = arrange(&app).await;
        let state = AppState::new(app.db.clone(), WebConfig::default(), None);
        let mut specs = samenspel_web::route_specs(state);
        specs.sort_by_key(order);
        assert!(specs.len() >= 25, "the table lists every route");

        for (visitor, browser) in &visitors {
            for spec in &specs {
                let path = concrete(spec, &world);
                let page = if spec.method == "GET" {
                    browser.get(&path).await
                } else {
                    browser.post(&path, &[]).await
                };
                let expect = allowed(spec.access, *visitor);
                let label = format!(
                    "{backend:?} {visitor:?} {} {} ({:?}) → {}",
                    spec.method, spec.path, spec.access, page.status
                );
                assert!(page.status < 500, "{label}: server error\n{}", page.body);
                if expect {
                    assert!(
                        page.status != 403 && !is_login_redirect(&page),
                        "{label} should be allowed"
                    );
                } else if *visitor == Visitor::Anonymous {
                    assert!(
                        is_login_redirect(&page),
                        "{label} should send to the login page"
                    );
                } else {
                    assert_eq!(page.status, 403, "{label} should be refused");
                }
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_state_change_needs_the_csrf_token() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let (world, visitors) = arrange(&app).await;
        let state = AppState::new(app.db.clone(), WebConfig::default(), None);
        let (_, admin) = visitors
            .iter()
            .find(|(v, _)| *v == Visitor::OrgAdmin)
            .expect("admin");
        for spec in samenspel_web::route_specs(state)
            .iter()
            .filter(|s| s.method != "GET")
        {
            let path = concrete(spec, &world);
            let missing = admin.post_raw(&path, &[("name", "bewaard")]).await;
            assert_eq!(
                missing.status, 403,
                "{backend:?} POST {} without a token",
                spec.path
            );
            let wrong = admin
                .post_raw(&path, &[("csrf", "nep"), ("name", "bewaard")])
                .await;
            assert_eq!(
                wrong.status, 403,
                "{backend:?} POST {} with a wrong token",
                spec.path
            );
            wrong
                .assert_contains("Uw formulier was verlopen")
                .assert_contains("value=\"bewaard\"");
        }
        assert!(
            app.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'security.csrf_rejected'")
                .await
                > 10
        );
        // The permission itself is in the table, not only in the handlers.
        let _ = Permission::ManageMembers;
    }
}
