//! The wijkaanpak workspace over HTTP: a municipality starts an approach, parties join, both
//! move knooppunten and compare perspectives, positions, the shared ambition and goals; bad
//! input and impossible moves are refused with the input kept; a party that left loses access;
//! an approach moves to a newer version of the method.

use crate::on_both_databases;
use crate::support::{Browser, TestApp};
use samenspel_domain::method::Pack;

struct World {
    municipality: Browser,
    initiative: Browser,
    partner: Browser,
    org: i64,
    initiative_org: i64,
    partner_org: i64,
    approach: i64,
    pack: Pack,
}

async fn arrange(app: &TestApp) -> World {
    let (municipality, org) = app
        .municipality_with_areas("pl@zonnedal.example", "Gemeente Zonnedal")
        .await;
    let initiative = app.register("Kernteam", "kern@energie.example").await;
    let initiative_org = app
        .create_org(&initiative, "initiative", "Zonnedal Energie")
        .await;
    let page = initiative
        .post(
            &format!("/initiatives/{initiative_org}/edit"),
            &[
                ("municipality", org.to_string().as_str()),
                ("areas_of", org.to_string().as_str()),
                ("themes", "heat"),
                ("legal_form", "cooperative"),
                ("character", "both"),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let partner = app.register("Netbeheerder", "net@regionet.example").await;
    let partner_org = app.create_org(&partner, "partner", "RegioNet").await;
    let pack = Pack::default_pack().expect("the method pack");

    // Starting an approach: what is missing is named and the input kept.
    let new = format!("/municipalities/{org}/approaches/new");
    let form = municipality.get(&new).await;
    form.assert_contains("name=\"areas\"");
    assert!(
        !form.body.contains("<details>"),
        "a small municipality's areas are all open"
    );
    let refused = municipality
        .post(
            &new,
            &[
                ("name", ""),
                ("description", "Bewaard"),
                ("phase", "no-such-phase"),
                ("intensity", "heavy"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("id=\"field-name-error\"")
        .assert_contains("id=\"field-areas-error\"")
        .assert_contains("id=\"field-phase-error\"")
        .assert_contains("id=\"field-intensity-error\"")
        .assert_contains("Bewaard");
    // An area of another municipality cannot be chosen.
    let stranger = app.register("Ander", "ander@elders.example").await;
    let other = app.create_org(&stranger, "municipality", "Elders").await;
    let page = stranger
        .post(
            &format!("/municipalities/{other}/code"),
            &[("code", "GM0001")],
        )
        .await;
    assert_eq!(page.status, 303);
    let their_area = app
        .scalar("SELECT id FROM areas WHERE code = 'BU99010101'")
        .await
        .to_string();
    let page = stranger
        .post(
            &format!("/municipalities/{other}/approaches/new"),
            &[
                ("name", "Niet van ons"),
                ("phase", pack.phases[0].key.as_str()),
                ("intensity", "light"),
                ("areas", their_area.as_str()),
            ],
        )
        .await;
    assert_eq!(page.status, 422, "{}", page.body);
    let leader = app
        .scalar("SELECT id FROM users WHERE email = 'pl@zonnedal.example'")
        .await
        .to_string();
    let created = municipality
        .post(
            &new,
            &[
                ("name", "Wijkaanpak Centrum"),
                ("contact", leader.as_str()),
                ("description", "Samen van het gas af."),
                ("phase", pack.phases[0].key.as_str()),
                ("intensity", "project"),
                ("steering_form", "networking"),
                ("director_role", "process"),
                ("contact_phone", "14 0999"),
                ("areas", their_area.as_str()),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let approach: i64 = created
        .location
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("approach id");
    World {
        municipality,
        initiative,
        partner,
        org,
        initiative_org,
        partner_org,
        approach,
        pack,
    }
}

async fn an_approach_is_run_together(app: TestApp) {
    let w = arrange(&app).await;
    let a = format!("/approaches/{}", w.approach);
    w.municipality
        .get(&a)
        .await
        .assert_contains("Wijkaanpak Centrum")
        .assert_contains("Oude Kern")
        .assert_contains("14 0999");
    w.municipality
        .get(&format!("/municipalities/{}/approaches", w.org))
        .await
        .assert_contains("Wijkaanpak Centrum");
    // Not a party yet: the initiative cannot open it.
    assert_eq!(w.initiative.get(&a).await.status, 403);

    // Parties join; dates in the wrong order are refused, the choice kept.
    let parties = format!("{a}/parties");
    let initiative_org = w.initiative_org.to_string();
    let partner_org = w.partner_org.to_string();
    let refused = w
        .municipality
        .post(
            &parties,
            &[
                ("organisation", initiative_org.as_str()),
                ("role", "project-team"),
                ("since", "2026-05-01"),
                ("until", "2026-04-01"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("id=\"field-until-error\"")
        .assert_contains("value=\"2026-05-01\"");
    for (org, role) in [
        (initiative_org.as_str(), "project-team"),
        (partner_org.as_str(), "adviser"),
    ] {
        let page = w
            .municipality
            .post(&parties, &[("organisation", org), ("role", role)])
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
    }
    // Asked once is enough; until they accept, they see nothing of the approach.
    let again = w
        .municipality
        .post(
            &parties,
            &[("organisation", partner_org.as_str()), ("role", "adviser")],
        )
        .await;
    assert_eq!(again.status, 422);
    again.assert_contains("al gevraagd");
    w.municipality
        .get(&parties)
        .await
        .assert_contains("Gevraagd, nog geen antwoord");
    assert_eq!(w.initiative.get(&a).await.status, 403);
    assert_eq!(
        app.accept_requests(&w.initiative, w.initiative_org).await,
        1
    );
    assert_eq!(app.accept_requests(&w.partner, w.partner_org).await, 1);
    assert_eq!(w.initiative.get(&a).await.status, 200);
    // A party is not added twice (its role and dates are changed on its own page).
    let twice = w
        .municipality
        .post(
            &parties,
            &[
                ("organisation", initiative_org.as_str()),
                ("role", "adviser"),
            ],
        )
        .await;
    assert_eq!(twice.status, 422);
    twice.assert_contains("id=\"field-organisation-error\"");
    // Sub-projects, with the form's own field names.
    let refused = w
        .municipality
        .post(
            &format!("{a}/subprojects"),
            &[("sub_name", " "), ("sub_description", "Rond het plein")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("id=\"field-sub_name-error\"")
        .assert_contains("Rond het plein");
    let page = w
        .municipality
        .post(
            &format!("{a}/subprojects"),
            &[
                ("sub_name", "Warmtenet De Linde"),
                ("sub_description", "Rond het plein"),
                ("sub_lead", initiative_org.as_str()),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    w.initiative
        .get(&parties)
        .await
        .assert_contains("Warmtenet De Linde");
    let hub = w.initiative.get("/approaches").await;
    hub.assert_contains("Wijkaanpak Centrum");
    w.initiative
        .get(&parties)
        .await
        .assert_contains("Zonnedal Energie")
        .assert_contains("RegioNet");
    // Only the municipality manages the approach.
    assert_eq!(w.initiative.get(&format!("{a}/settings")).await.status, 403);

    // The initiative moves a knooppunt; a move that makes no sense is refused with the reason.
    let first = &w.pack.nodes[0].key;
    let node = format!("{a}/kompas/{first}");
    w.initiative
        .get(&node)
        .await
        .assert_contains(w.pack.nodes[0].goal.nl.as_str());
    let refused = w
        .initiative
        .post(
            &format!("{node}/status"),
            &[("status", "paused"), ("note", "Even niet")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("id=\"field-status-error\"")
        .assert_contains("Even niet");
    for (to, note) in [
        ("started", "Eerste overleg gepland"),
        ("completed", "Afgerond op de **bewonersavond**"),
    ] {
        let page = w
            .initiative
            .post(&format!("{node}/status"), &[("status", to), ("note", note)])
            .await;
        assert_eq!(page.status, 303, "{to}: {}", page.body);
    }
    let refused = w
        .initiative
        .post(&format!("{node}/status"), &[("status", "started")])
        .await;
    assert_eq!(
        refused.status, 422,
        "a completed node is revised, not restarted"
    );
    let page = w
        .municipality
        .post(&format!("{node}/status"), &[("status", "revised")])
        .await;
    assert_eq!(page.status, 303);
    w.municipality
        .get(&node)
        .await
        .assert_contains("Eerste overleg gepland")
        // Written in Markdown, shown as such.
        .assert_contains("Afgerond op de <strong>bewonersavond</strong>")
        .assert_contains("Kernteam");
    assert_eq!(app.audit_count("approach.node_moved").await, 3);

    // An adviser does not move knooppunten, but says what it needs and adds notes.
    assert_eq!(
        w.partner
            .post(&format!("{node}/status"), &[("status", "completed")])
            .await
            .status,
        403
    );
    let page = w
        .partner
        .post(
            &format!("{node}/notes"),
            &[("body", "Let op de netcapaciteit.")],
        )
        .await;
    assert_eq!(page.status, 303);
    let refused = w
        .partner
        .post(&format!("{node}/notes"), &[("body", " ")])
        .await;
    assert_eq!(refused.status, 422);
    let refused = w
        .partner
        .post(
            &format!("{node}/needs"),
            &[("needs", partner_org.as_str()), ("need_note", "Zelf")],
        )
        .await;
    assert_eq!(refused.status, 422, "a party does not need itself");
    let page = w
        .partner
        .post(
            &format!("{node}/needs"),
            &[
                ("needs", initiative_org.as_str()),
                ("need_note", "Ledenlijst"),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    // The lead and involved parties are set by a working party.
    let page = w
        .initiative
        .post(
            &format!("{node}/parties"),
            &[
                ("lead", initiative_org.as_str()),
                ("involved", partner_org.as_str()),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    let page = w.initiative.get(&node).await;
    page.assert_contains("Let op de netcapaciteit.")
        .assert_contains("Ledenlijst");

    // The matrix: progress counted per phase, filters by status and party.
    let second = &w.pack.nodes[1].key;
    let page = w
        .initiative
        .post(
            &format!("{a}/kompas/{second}/status"),
            &[("status", "completed")],
        )
        .await;
    assert_eq!(page.status, 303);
    let first_phase = w.pack.phases[0].key.clone();
    let in_first = w
        .pack
        .nodes
        .iter()
        .filter(|n| n.phase == first_phase)
        .count();
    let matrix = w.initiative.get(&format!("{a}/kompas")).await;
    assert_eq!(matrix.status, 200);
    matrix.assert_contains(&format!("/kompas/{second}"));
    let completed = w
        .initiative
        .get(&format!("{a}/kompas?status=completed"))
        .await;
    completed.assert_contains(&format!("/kompas/{second}\""));
    assert!(!completed.body.contains(&format!("/kompas/{first}\"")));
    let by_party = w
        .initiative
        .get(&format!("{a}/kompas?party={partner_org}"))
        .await;
    by_party.assert_contains(&format!("/kompas/{first}\""));
    assert!(!by_party.body.contains(&format!("/kompas/{second}\"")));
    // Nonsense filters show everything rather than failing.
    let page = w
        .initiative
        .get(&format!("{a}/kompas?status=%00&party=x&track=<b>"))
        .await;
    assert_eq!(page.status, 200);
    // One of the first phase's nodes is completed (the other is being revised).
    let approach = samenspel_store::ApproachId(w.approach);
    let states = app
        .db
        .read(move |c| samenspel_store::kompas::states(c, approach))
        .await
        .expect("node states");
    let progress = samenspel_store::kompas::progress_by_phase(&w.pack, &states);
    let first_progress = progress
        .iter()
        .find(|p| p.key == first_phase)
        .expect("first phase");
    assert_eq!(first_progress.total as usize, in_first);
    assert_eq!(first_progress.completed, 1);
    assert_eq!(first_progress.underway, 1);

    // Perspectives side by side.
    let tracks = [w.pack.tracks[0].key.as_str(), w.pack.tracks[5].key.as_str()];
    let page = w
        .initiative
        .post(
            &format!("{a}/perspectives"),
            &[
                ("tracks", tracks[0]),
                ("tracks", tracks[1]),
                ("phase", w.pack.phases[1].key.as_str()),
                ("next_year", "Ledenwerving"),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let page = w
        .municipality
        .post(
            &format!("{a}/perspectives"),
            &[("tracks", tracks[0]), ("phase", first_phase.as_str())],
        )
        .await;
    assert_eq!(page.status, 303);
    let refused = w
        .municipality
        .post(&format!("{a}/perspectives"), &[("tracks", "no-such-track")])
        .await;
    assert_eq!(refused.status, 422);
    let page = w.partner.get(&format!("{a}/perspectives")).await;
    page.assert_contains("Ledenwerving")
        .assert_contains(w.pack.phases[1].name.nl.as_str());

    // Positions: an item one party holds and another shares is overlap.
    let page = w
        .initiative
        .post(
            &format!("{a}/positions"),
            &[("kind", "goals"), ("body", "Een warmtenet van bewoners")],
        )
        .await;
    assert_eq!(page.status, 303);
    let refused = w
        .initiative
        .post(
            &format!("{a}/positions"),
            &[("kind", "dreams"), ("body", "")],
        )
        .await;
    assert_eq!(refused.status, 422);
    let item = app.scalar("SELECT id FROM position_items").await;
    let refused = w
        .initiative
        .post(&format!("{a}/positions/{item}/share"), &[])
        .await;
    assert_eq!(refused.status, 409, "a party does not share its own item");
    let page = w
        .municipality
        .post(&format!("{a}/positions/{item}/share"), &[])
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM position_shares").await, 1);
    // The initiative takes the item out of its position after the question; the municipality,
    // which shares it, keeps it. When the municipality removes it too, it is gone.
    let remove = format!("{a}/positions/{item}/remove");
    let asked = w.initiative.post(&remove, &[]).await;
    assert_eq!(asked.status, 200);
    asked
        .assert_contains("Dit punt uit de positie van uw partij halen?")
        .assert_contains("zei dat dit ook voor hen geldt");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM position_items").await, 1);
    let removed = w.initiative.post(&remove, &[("confirm", "yes")]).await;
    assert_eq!(removed.status, 303);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM position_shares").await, 0);
    let kept = app
        .scalar("SELECT COUNT(*) FROM position_items WHERE body = 'Een warmtenet van bewoners'")
        .await;
    assert_eq!(kept, 1, "the sharing party keeps the item");
    w.municipality
        .get(&format!("{a}/ambition"))
        .await
        .assert_contains("Een warmtenet van bewoners");
    assert_eq!(
        w.initiative
            .post(&remove, &[("confirm", "yes")])
            .await
            .status,
        404,
        "no longer the initiative's"
    );
    let asked = w.municipality.post(&remove, &[]).await;
    asked.assert_contains("helemaal weg");
    let removed = w.municipality.post(&remove, &[("confirm", "yes")]).await;
    assert_eq!(removed.status, 303);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM position_items").await, 0);

    // The shared ambition: written, a stale edit refused, agreed to version by version.
    let page = w
        .initiative
        .post(
            &format!("{a}/ambition"),
            &[("ambition", "Van het gas af in 2035"), ("version", "0")],
        )
        .await;
    assert_eq!(page.status, 303);
    let stale = w
        .municipality
        .post(
            &format!("{a}/ambition"),
            &[("ambition", "Mijn versie"), ("version", "0")],
        )
        .await;
    assert_eq!(stale.status, 422);
    stale.assert_contains("Mijn versie");
    let page = w
        .partner
        .post(&format!("{a}/ambition/agree"), &[("version", "1")])
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(
        w.partner
            .post(&format!("{a}/ambition/agree"), &[("version", "0")])
            .await
            .status,
        409
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM ambition_agreements WHERE version = 1")
            .await,
        1
    );

    // Goals: an overdue one stands out; progress is reported.
    let refused = w
        .municipality
        .post(
            &format!("{a}/goals"),
            &[
                ("horizon", "short"),
                ("title", ""),
                ("target_date", "gisteren"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("id=\"field-title-error\"")
        .assert_contains("id=\"field-target_date-error\"");
    // A new goal's target date is not in the past, nor a typing error centuries away.
    let goal_fields = |target_date: &'static str| {
        [
            ("horizon", "short"),
            ("title", "Honderd leden"),
            ("indicator", "Leden"),
            ("target_value", "100"),
            ("target_date", target_date),
            ("owner", initiative_org.as_str()),
        ]
    };
    for (date, message) in [
        ("2020-01-01", "De streefdatum ligt in het verleden"),
        ("9999-12-31", "Vul een datum tussen 2000 en 2100 in"),
    ] {
        let refused = w
            .municipality
            .post(&format!("{a}/goals"), &goal_fields(date))
            .await;
        assert_eq!(refused.status, 422, "{date}");
        refused
            .assert_contains(message)
            .assert_contains("value=\"Honderd leden\"");
    }
    let page = w
        .municipality
        .post(&format!("{a}/goals"), &goal_fields("2099-01-01"))
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let goal = app.scalar("SELECT id FROM goals").await;
    // Its target date has passed since.
    app.exec("UPDATE goals SET target_date = '2020-01-01'")
        .await;
    // A number is measured in numbers.
    let refused = w
        .initiative
        .post(
            &format!("{a}/goals/{goal}/progress"),
            &[("value", "heel veel"), ("note", "Na de markt")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("id=\"field-value-error\"")
        .assert_contains("vul de stand in als getal");
    let page = w
        .initiative
        .post(
            &format!("{a}/goals/{goal}/progress"),
            &[("value", "64"), ("note", "Na de markt")],
        )
        .await;
    assert_eq!(page.status, 303);
    let page = w.initiative.get(&format!("{a}/ambition")).await;
    page.assert_contains("Honderd leden")
        .assert_contains("64")
        .assert_contains("ss-overdue")
        .assert_contains("Van het gas af in 2035");

    // What changed: on a first visit, everything so far, each saying which thing happened.
    w.initiative
        .get(&a)
        .await
        .assert_contains("Doel toegevoegd")
        .assert_contains("Voortgang van een doel gemeld")
        .assert_contains("Hulp gevraagd bij een knooppunt");
    assert!(
        !w.initiative
            .get(&a)
            .await
            .body
            .contains("toegevoegd of voortgang gemeld")
    );

    // The goal's wrong date is put right: another date in the past is refused, the one it had
    // may stay, and the progress reported stays with the goal.
    let edit = format!("{a}/goals/{goal}/edit");
    w.municipality
        .get(&edit)
        .await
        .assert_contains("value=\"2020-01-01\"")
        .assert_contains("value=\"Honderd leden\"");
    let refused = w.municipality.post(&edit, &goal_fields("2021-01-01")).await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("De streefdatum ligt in het verleden");
    assert_eq!(
        w.municipality
            .post(&edit, &goal_fields("2020-01-01"))
            .await
            .status,
        303
    );
    assert_eq!(
        w.municipality
            .post(&edit, &goal_fields("2099-06-30"))
            .await
            .status,
        303
    );
    let page = w.initiative.get(&format!("{a}/ambition")).await;
    page.assert_contains("30 juni 2099").assert_contains("64");
    assert!(!page.body.contains("ss-overdue"));
    // Removed after the question: out of the list, kept under the removed goals, put back.
    let remove = format!("{a}/goals/{goal}/remove");
    let asked = w.municipality.post(&remove, &[]).await;
    assert_eq!(asked.status, 200);
    asked.assert_contains("Het doel “Honderd leden” verwijderen?");
    let removed = w.municipality.post(&remove, &[("confirm", "yes")]).await;
    assert_eq!(removed.status, 303);
    let page = w.municipality.get(&format!("{a}/ambition")).await;
    page.assert_contains("1 verwijderd doel");
    assert!(!page.body.contains(&format!("goals/{goal}/progress")));
    assert_eq!(
        w.initiative
            .post(&format!("{a}/goals/{goal}/progress"), &[("value", "70")])
            .await
            .status,
        404
    );
    let restored = w
        .municipality
        .post(&format!("{a}/goals/{goal}/restore"), &[])
        .await;
    assert_eq!(restored.status, 303);
    let page = w.municipality.get(&format!("{a}/ambition")).await;
    page.assert_contains(&format!("goals/{goal}/progress"))
        .assert_contains("64");
    // Added, progress, changed twice, removed, put back: each in the audit log.
    assert_eq!(app.audit_count("approach.goal_changed").await, 6);
    let page = w
        .municipality
        .post(
            &format!("{a}/kompas/{}/status", w.pack.nodes[2].key),
            &[("status", "started")],
        )
        .await;
    assert_eq!(page.status, 303);
    let page = w.initiative.get(&a).await;
    page.assert_contains(w.pack.nodes[2].title.nl.as_str())
        .assert_contains("Projectleider");

    // Status: a reason is needed to stop; ending together is shown as such.
    let refused = w
        .municipality
        .post(
            &format!("{a}/status"),
            &[("status", "stopped"), ("reason", "")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("id=\"field-reason-error\"");
    let page = w
        .municipality
        .post(
            &format!("{a}/status"),
            &[
                ("status", "stopped"),
                ("reason", "Het doel is bereikt."),
                ("together", "on"),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    w.initiative
        .get(&a)
        .await
        .assert_contains("Het doel is bereikt.");
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM approaches WHERE ended_together")
            .await,
        1
    );

    // A party that left loses access; its history stays.
    let page = w
        .municipality
        .post(
            &format!("{a}/parties/{}", w.partner_org),
            &[
                ("role", "adviser"),
                ("since", "2020-01-01"),
                ("until", "2021-01-01"),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(w.partner.get(&a).await.status, 403);
    w.municipality
        .get(&parties)
        .await
        .assert_contains("RegioNet");
    assert!(app.audit_count("approach.party_changed").await >= 1);
}

async fn an_approach_moves_to_a_newer_method(app: TestApp) {
    let w = arrange(&app).await;
    let a = format!("/approaches/{}", w.approach);
    // The approach started on an older version: it had a node the method has since dropped,
    // and lacked the method's last node.
    let mut older = w.pack.clone();
    older.pack.version = "2025.1".into();
    let dropped = older.nodes.pop().expect("a node");
    let mut retired = older.nodes[0].clone();
    retired.key = "old-node".into();
    retired.title.nl = "Een oud knooppunt".into();
    older.nodes.push(retired);
    let old = app
        .db
        .write(move |c| samenspel_store::method::install(c, &older, samenspel_store::now()))
        .await
        .expect("install");
    let sql = format!(
        "UPDATE approaches SET pack_id = {} WHERE id = {}",
        old.0, w.approach
    );
    app.db.read(move |c| c.batch(&sql)).await.expect("sql");
    let page = w
        .municipality
        .post(
            &format!("{a}/kompas/old-node/status"),
            &[("status", "started")],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let matrix = w.municipality.get(&format!("{a}/kompas")).await;
    assert!(!matrix.body.contains(&format!("/kompas/{}\"", dropped.key)));
    w.municipality
        .get(&format!("{a}/settings"))
        .await
        .assert_contains(&format!("action=\"{a}/method\""));

    let page = w.municipality.post(&format!("{a}/method"), &[]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let matrix = w.municipality.get(&format!("{a}/kompas")).await;
    // The new node appears; the dropped one keeps its history, marked as no longer in the method.
    matrix
        .assert_contains(&format!("/kompas/{}\"", dropped.key))
        .assert_contains("/kompas/old-node\"")
        .assert_contains("Een oud knooppunt");
    let page = w.municipality.get(&format!("{a}/kompas/old-node")).await;
    assert_eq!(page.status, 200);
    page.assert_contains("Een oud knooppunt");
    // It can no longer be moved, and moving twice is refused.
    assert_eq!(
        w.municipality
            .post(
                &format!("{a}/kompas/old-node/status"),
                &[("status", "completed")]
            )
            .await
            .status,
        404
    );
    assert_eq!(
        w.municipality
            .post(&format!("{a}/method"), &[])
            .await
            .status,
        409
    );
    assert_eq!(app.audit_count("approach.method_moved").await, 1);
    let _ = (&w.initiative, &w.partner, w.org);
}

/// A city with many approaches sees them a page at a time, in both lists; a page past the end
/// shows the last one and a page that is not a number the first.
async fn a_long_list_of_approaches_is_paged(app: TestApp) {
    let (municipality, org) = app
        .municipality_with_areas("pl@zonnedal.example", "Gemeente Zonnedal")
        .await;
    for n in 1..=27 {
        app.start_approach(&municipality, org, &format!("Aanpak {n:02}"))
            .await;
    }
    for list in [
        format!("/municipalities/{org}/approaches"),
        "/approaches".into(),
    ] {
        let first = municipality.get(&list).await;
        first
            .assert_contains("Aanpak 01")
            .assert_contains("Aanpak 25")
            .assert_contains("Pagina 1 van 2")
            .assert_contains(&format!("rel=\"next\" href=\"{list}?page=2\""));
        assert!(!first.body.contains("Aanpak 26"), "{}", first.body);
        assert!(!first.body.contains("rel=\"prev\""), "{}", first.body);
        let second = municipality.get(&format!("{list}?page=2")).await;
        second
            .assert_contains("Aanpak 26")
            .assert_contains("Aanpak 27")
            .assert_contains("Pagina 2 van 2")
            .assert_contains(&format!("rel=\"prev\" href=\"{list}?page=1\""));
        assert!(!second.body.contains("Aanpak 25"), "{}", second.body);
        assert!(!second.body.contains("rel=\"next\""), "{}", second.body);
        municipality
            .get(&format!("{list}?page=99"))
            .await
            .assert_contains("Aanpak 27")
            .assert_contains("Pagina 2 van 2");
        municipality
            .get(&format!("{list}?page=twee"))
            .await
            .assert_contains("Aanpak 01")
            .assert_contains("Pagina 1 van 2");
    }
    let list = format!("/municipalities/{org}/approaches?page=2");
    let switched = municipality
        .post("/language", &[("lang", "en"), ("back", list.as_str())])
        .await;
    assert_eq!(switched.status, 303, "{}", switched.body);
    municipality
        .get(&list)
        .await
        .assert_contains("Page 2 of 2")
        .assert_contains("Previous page");
}

on_both_databases!(
    an_approach_is_run_together,
    an_approach_moves_to_a_newer_method,
    a_long_list_of_approaches_is_paged
);
