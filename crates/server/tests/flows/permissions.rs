//! Deny by default: every route of the table, for every kind of visitor, allowed or refused as
//! its access rule says: members and administrators of a municipality, a facilitator working
//! there, an initiative in its registry, another municipality's administrator, anonymous
//! visitors and platform administrators.

use crate::support::{Browser, PASSWORD, Page, TestApp, backends};
use samenspel_domain::organisations::{OrgKind, OrgRole};
use samenspel_domain::permissions::{ApproachPermission, ApproachStanding, Permission, Standing};
use samenspel_web::config::WebConfig;
use samenspel_web::http::{Access, RouteSpec};
use samenspel_web::state::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visitor {
    Anonymous,
    /// A member of municipality A.
    Member,
    /// A member of a facilitator organisation that works in municipality A.
    Facilitator,
    /// The administrator of an initiative in A's registry.
    InitiativeAdmin,
    /// The administrator of municipality B.
    OtherOrgAdmin,
    PlatformAdmin,
    /// The administrator of a partner that was a party to A's approach and left.
    FormerParty,
    /// The administrator of municipality A (last: it can remove what others stand on).
    OrgAdmin,
}

/// What the route's `{org}` names: municipality A, or the initiative in its registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Municipality,
    Initiative,
}

fn target(spec: &RouteSpec) -> Target {
    if spec.path.starts_with("/initiatives/{org}") {
        Target::Initiative
    } else {
        Target::Municipality
    }
}

/// The standing each visitor has, written out by hand from the arrangement below.
fn standing(visitor: Visitor, target: Target) -> Standing {
    let kind = match target {
        Target::Municipality => OrgKind::Municipality,
        Target::Initiative => OrgKind::Initiative,
    };
    let base = Standing {
        // The initiative has its own administrator, so its profile is claimed.
        claimed: target == Target::Initiative,
        ..Standing::new(kind, None)
    };
    match (visitor, target) {
        (Visitor::Member, Target::Municipality) => Standing {
            role: Some(OrgRole::Member),
            ..base
        },
        (Visitor::OrgAdmin, Target::Municipality) => Standing {
            role: Some(OrgRole::Admin),
            ..base
        },
        (Visitor::Member | Visitor::OrgAdmin, Target::Initiative) => Standing {
            municipal: true,
            ..base
        },
        (Visitor::Facilitator, _) => Standing {
            facilitating: true,
            ..base
        },
        (Visitor::InitiativeAdmin, Target::Initiative) => Standing {
            role: Some(OrgRole::Admin),
            ..base
        },
        (Visitor::PlatformAdmin, _) => Standing {
            platform_admin: true,
            ..base
        },
        _ => base,
    }
}

/// What each visitor is in municipality A's approach: A is its project team, the initiative
/// a working party (project team), the facilitator an adviser, the partner a party that left.
fn approach_standing(visitor: Visitor) -> ApproachStanding {
    let working = ApproachStanding {
        party: true,
        working_party: true,
        ..ApproachStanding::default()
    };
    match visitor {
        Visitor::Member => ApproachStanding {
            municipal: Some(OrgRole::Member),
            ..working
        },
        Visitor::OrgAdmin => ApproachStanding {
            municipal: Some(OrgRole::Admin),
            ..working
        },
        Visitor::InitiativeAdmin => working,
        Visitor::Facilitator => ApproachStanding {
            party: true,
            ..ApproachStanding::default()
        },
        _ => ApproachStanding::default(),
    }
}

fn allowed(spec: &RouteSpec, visitor: Visitor) -> bool {
    // The entry is an action the initiative recorded, owned by the municipality: only its
    // recorder changes it, and its recorder and owner move it along.
    let contributes = approach_standing(visitor).allows(ApproachPermission::Contribute);
    match spec.path {
        "/approaches/{approach}/logbook/{entry}/edit" => {
            return if visitor == Visitor::Anonymous {
                false
            } else {
                contributes && visitor == Visitor::InitiativeAdmin
            };
        }
        "/approaches/{approach}/logbook/{entry}/status" => {
            return contributes
                && matches!(
                    visitor,
                    Visitor::InitiativeAdmin | Visitor::Member | Visitor::OrgAdmin
                );
        }
        _ => {}
    }
    match (spec.access, visitor) {
        (Access::Public, _) => true,
        (Access::Org(permission), v) => standing(v, target(spec)).allows(permission),
        (Access::Approach(permission), v) => approach_standing(v).allows(permission),
        (_, Visitor::Anonymous) => false,
        (Access::LoggedIn, _) => true,
        (Access::PlatformAdmin, v) => v == Visitor::PlatformAdmin,
    }
}

struct World {
    org: i64,
    initiative: i64,
    membership: i64,
    invitation: i64,
    area: i64,
    facilitator: i64,
    project: i64,
    approach: i64,
    node: String,
    subproject: i64,
    need: i64,
    item: i64,
    goal: i64,
    entry: i64,
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
    let facilitator = app.register("Begeleider", "begeleider@example.nl").await;
    let facilitator_org = app
        .create_org(&facilitator, "facilitator", "Buurtkracht")
        .await;
    let initiative_admin = app.register("Initiatief", "initiatief@example.nl").await;
    let initiative = app
        .create_org(&initiative_admin, "initiative", "Energie A")
        .await;
    for (browser, path, fields) in [
        (
            &admin,
            format!("/municipalities/{org}/facilitators"),
            vec![("facilitator", facilitator_org.to_string())],
        ),
        (
            &admin,
            format!("/municipalities/{org}/code"),
            vec![("code", "GM0001".to_owned())],
        ),
        (
            &admin,
            format!("/municipalities/{org}/areas"),
            vec![
                ("area_code", "WK000101".to_owned()),
                ("area_name", "Centrum".to_owned()),
            ],
        ),
        (
            &initiative_admin,
            format!("/initiatives/{initiative}/edit"),
            vec![
                ("municipality", org.to_string()),
                ("areas_of", org.to_string()),
                ("themes", "heat".to_owned()),
                ("legal_form", "none".to_owned()),
                ("character", "both".to_owned()),
            ],
        ),
        (
            &initiative_admin,
            format!("/initiatives/{initiative}/projects"),
            vec![
                ("project-year", "2020".to_owned()),
                ("project-title", "Zonnedak".to_owned()),
            ],
        ),
    ] {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let page = browser.post(&path, &fields).await;
        assert_eq!(page.status, 303, "arranging {path}: {}", page.body);
    }
    assert_eq!(app.accept_requests(&facilitator, facilitator_org).await, 1);
    let platform = app.browser();
    assert_eq!(
        platform.login("platform@example.nl", PASSWORD).await.status,
        303
    );
    crate::support::enrol_two_factor(&platform).await;
    let partner = app.register("Partner", "partner@example.nl").await;
    let partner_org = app.create_org(&partner, "partner", "Woonstichting").await;
    let pack = samenspel_domain::method::Pack::default_pack().expect("the method pack");
    let area_id = app
        .scalar("SELECT id FROM areas WHERE code = 'WK000101'")
        .await
        .to_string();
    let page = admin
        .post(
            &format!("/municipalities/{org}/approaches/new"),
            &[
                ("name", "Wijkaanpak Centrum"),
                ("phase", pack.phases[0].key.as_str()),
                ("intensity", "light"),
                ("areas", area_id.as_str()),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "creating the approach: {}", page.body);
    let approach = app.scalar("SELECT id FROM approaches").await;
    let node = pack.nodes[0].key.clone();
    let org_id = org.to_string();
    let (initiative_id, facilitator_id, partner_id) = (
        initiative.to_string(),
        facilitator_org.to_string(),
        partner_org.to_string(),
    );
    // The parties, each accepting the municipality's request.
    for (party, fields, party_admin) in [
        (
            initiative,
            vec![
                ("organisation", initiative_id.as_str()),
                ("role", "project-team"),
            ],
            &initiative_admin,
        ),
        (
            facilitator_org,
            vec![
                ("organisation", facilitator_id.as_str()),
                ("role", "adviser"),
            ],
            &facilitator,
        ),
        (
            partner_org,
            vec![
                ("organisation", partner_id.as_str()),
                ("role", "executor"),
                ("since", "2020-01-01"),
                ("until", "2021-01-01"),
            ],
            &partner,
        ),
    ] {
        let page = admin
            .post(&format!("/approaches/{approach}/parties"), &fields)
            .await;
        assert_eq!(page.status, 303, "adding a party: {}", page.body);
        assert_eq!(app.accept_requests(party_admin, party).await, 1);
    }
    for (browser, path, fields) in [
        (
            &admin,
            format!("/approaches/{approach}/subprojects"),
            vec![("sub_name", "Warmtenet")],
        ),
        (
            &initiative_admin,
            format!("/approaches/{approach}/kompas/{node}/needs"),
            vec![("needs", facilitator_id.as_str()), ("need_note", "Advies")],
        ),
        (
            &initiative_admin,
            format!("/approaches/{approach}/positions"),
            vec![("kind", "wishes"), ("body", "Een eigen warmtenet")],
        ),
        (
            &admin,
            format!("/approaches/{approach}/goals"),
            vec![("horizon", "short"), ("title", "Honderd leden")],
        ),
        (
            &initiative_admin,
            format!("/approaches/{approach}/logbook/new/action"),
            vec![
                ("title", "Enquête opstellen"),
                ("owner_party", org_id.as_str()),
                ("visibility", "parties"),
            ],
        ),
    ] {
        let page = browser.post(&path, &fields).await;
        assert_eq!(page.status, 303, "arranging {path}: {}", page.body);
    }
    let subproject = app.scalar("SELECT id FROM subprojects").await;
    let need = app.scalar("SELECT id FROM node_needs").await;
    let item = app.scalar("SELECT id FROM position_items").await;
    let goal = app.scalar("SELECT id FROM goals").await;
    let entry = app.scalar("SELECT id FROM log_entries").await;

    let membership = app.scalar("SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'member@example.nl'").await;
    let invitation = app
        .scalar("SELECT id FROM invitations WHERE email = 'pending@example.nl'")
        .await;
    let area = app
        .scalar("SELECT id FROM areas WHERE code = 'WK000101'")
        .await;
    let project = app.scalar("SELECT id FROM initiative_projects").await;
    let visitors = vec![
        (Visitor::Anonymous, app.browser()),
        (Visitor::Member, member),
        (Visitor::Facilitator, facilitator),
        (Visitor::InitiativeAdmin, initiative_admin),
        (Visitor::OtherOrgAdmin, other),
        (Visitor::PlatformAdmin, platform),
        (Visitor::FormerParty, partner),
        (Visitor::OrgAdmin, admin),
    ];
    (
        World {
            org,
            initiative,
            membership,
            invitation,
            area,
            facilitator: facilitator_org,
            project,
            approach,
            node,
            subproject,
            need,
            item,
            goal,
            entry,
        },
        visitors,
    )
}

fn concrete(spec: &RouteSpec, world: &World) -> String {
    let org = match target(spec) {
        Target::Municipality => world.org,
        Target::Initiative => world.initiative,
    };
    spec.path
        .replace("{org}", &org.to_string())
        .replace("{membership}", &world.membership.to_string())
        .replace("{invitation}", &world.invitation.to_string())
        .replace("{area}", &world.area.to_string())
        .replace("{facilitator}", &world.facilitator.to_string())
        .replace("{project}", &world.project.to_string())
        .replace("{approach}", &world.approach.to_string())
        .replace("{node}", &world.node)
        .replace("{party}", &world.initiative.to_string())
        .replace("{subproject}", &world.subproject.to_string())
        .replace("{need}", &world.need.to_string())
        .replace("{item}", &world.item.to_string())
        .replace("{goal}", &world.goal.to_string())
        .replace("{entry}", &world.entry.to_string())
        .replace("{kind}", "meeting")
        .replace("{id}", "999999")
        .replace("{request}", "999999")
        .replace("{user}", "999999")
        .replace("{token}", "no-such-token")
        .replace("{file}", "samenspel.css")
}

/// Routes that end the visitor's standing go last, so the others are tried first.
fn order(spec: &RouteSpec) -> u8 {
    match (spec.method, spec.path) {
        ("GET", _) => 0,
        (_, "/logout") => 5,
        // Leaving an approach before leaving the organisation that is its party.
        (_, "/approaches/{approach}/leave") => 3,
        (_, p) if p.ends_with("/leave") => 4,
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
        assert!(specs.len() >= 45, "the table lists every route");

        for (visitor, browser) in &visitors {
            for spec in &specs {
                let path = concrete(spec, &world);
                let page = if spec.method == "GET" {
                    browser.get(&path).await
                } else {
                    browser.post(&path, &[]).await
                };
                let expect = allowed(spec, *visitor);
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
        // One-click unsubscribing comes from mail programs, without a session; its secret
        // address is the proof (ADR 0007).
        for spec in samenspel_web::route_specs(state)
            .iter()
            .filter(|s| s.method != "GET" && s.path != "/unsubscribe/{token}")
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
            // What was typed is shown to copy, never as a form that sends it again.
            wrong
                .assert_contains("Uw formulier was verlopen")
                .assert_contains("<dd class=\"ss-prewrap\">bewaard</dd>");
            assert!(!wrong.body.contains("value=\"bewaard\""), "{}", wrong.body);
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
