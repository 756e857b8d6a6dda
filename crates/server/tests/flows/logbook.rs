//! The logbook over HTTP: recording a meeting with the decisions and actions that come out of
//! it, superseding a decision, moving an action, links; bad input refused with the input kept;
//! the timeline's filters, search and paging; and who sees what, on every page that lists
//! entries.

use crate::on_both_databases;
use crate::support::{Browser, TestApp, backends};
use samenspel_domain::method::Pack;
use samenspel_store::logbook::{self, Audience, Filter};
use samenspel_store::{ApproachId, EntryId};

struct World {
    municipality: Browser,
    initiative: Browser,
    /// A second member of the initiative.
    colleague: Browser,
    partner: Browser,
    outsider: Browser,
    org: String,
    initiative_org: String,
    partner_org: String,
    approach: i64,
    pack: Pack,
}

impl World {
    fn logbook(&self) -> String {
        format!("/approaches/{}/logbook", self.approach)
    }
}

/// The id at the end of a redirect to an entry.
fn entry_id(location: &str) -> i64 {
    location
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("an entry's address: {location}"))
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
    let link = app
        .invite(
            &initiative,
            initiative_org,
            "collega@energie.example",
            "member",
        )
        .await;
    let colleague = app.register("Collega", "collega@energie.example").await;
    let page = colleague
        .post(link.trim_start_matches(&app.base), &[])
        .await;
    assert_eq!(page.status, 303);
    let partner = app.register("Netbeheerder", "net@regionet.example").await;
    let partner_org = app.create_org(&partner, "partner", "RegioNet").await;
    let outsider = app
        .register("Buitenstaander", "buiten@elders.example")
        .await;
    let pack = Pack::default_pack().expect("the method pack");
    let area = app
        .scalar("SELECT id FROM areas WHERE code = 'BU99010101'")
        .await
        .to_string();
    let created = municipality
        .post(
            &format!("/municipalities/{org}/approaches/new"),
            &[
                ("name", "Wijkaanpak Centrum"),
                ("phase", pack.phases[0].key.as_str()),
                ("intensity", "project"),
                ("areas", area.as_str()),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let approach = entry_id(&created.location);
    for (party, role) in [
        (initiative_org.to_string(), "project-team"),
        (partner_org.to_string(), "adviser"),
    ] {
        let page = municipality
            .post(
                &format!("/approaches/{approach}/parties"),
                &[("organisation", party.as_str()), ("role", role)],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
    }
    // Each organisation takes part once its administrator accepts.
    assert_eq!(app.accept_requests(&initiative, initiative_org).await, 1);
    assert_eq!(app.accept_requests(&partner, partner_org).await, 1);
    World {
        municipality,
        initiative,
        colleague,
        partner,
        outsider,
        org: org.to_string(),
        initiative_org: initiative_org.to_string(),
        partner_org: partner_org.to_string(),
        approach,
        pack,
    }
}

async fn a_meeting_with_decisions_and_actions(app: TestApp) {
    let w = arrange(&app).await;
    let logbook = w.logbook();
    w.municipality
        .get(&logbook)
        .await
        .assert_contains("Er staat nog niets in het logboek");
    let node = w.pack.nodes[0].key.clone();

    // A meeting: every mistake named at once, the input kept.
    let new_meeting = format!("{logbook}/new/meeting");
    w.municipality
        .get(&new_meeting)
        .await
        .assert_contains("name=\"attendee_names\"")
        .assert_contains("value=\"parties\" checked");
    let refused = w
        .municipality
        .post(
            &new_meeting,
            &[
                ("meeting_kind", "party"),
                ("title", " "),
                ("date", "2026-10-01"),
                ("start_time", "19:30"),
                ("end_time", "18:00"),
                ("agenda", "Bewaarde agenda"),
                ("visibility", "everyone"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    let no_time = w
        .municipality
        .post(
            &new_meeting,
            &[
                ("meeting_kind", "neighbourhood"),
                ("title", "Zonder tijd"),
                ("date", "2026-10-01"),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(no_time.status, 422);
    no_time.assert_contains("id=\"field-start_time-error\"");
    // Minutes that are too long: the message names the field and the limit, the text stays.
    let long_minutes = "Verslag. ".repeat(2300);
    let too_long = w
        .municipality
        .post(
            &new_meeting,
            &[
                ("meeting_kind", "neighbourhood"),
                ("title", "Lange avond"),
                ("date", "2026-10-01"),
                ("start_time", "19:30"),
                ("body", long_minutes.as_str()),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(too_long.status, 422);
    too_long
        .assert_contains("Het verslag mag hoogstens 20.000 tekens lang zijn")
        .assert_contains("Verslag. Verslag. Verslag.");
    refused
        .assert_contains("id=\"field-meeting_kind-error\"")
        .assert_contains("id=\"field-title-error\"")
        .assert_contains("id=\"field-end_time-error\"")
        .assert_contains("id=\"field-visibility-error\"")
        .assert_contains("Bewaarde agenda");
    let unknown_party = w
        .municipality
        .post(
            &new_meeting,
            &[
                ("meeting_kind", "neighbourhood"),
                ("title", "Avond"),
                ("date", "2026-10-01"),
                ("visibility", "parties"),
                ("parties", "999999"),
                ("nodes", "no-such-node"),
            ],
        )
        .await;
    assert_eq!(unknown_party.status, 422);
    unknown_party
        .assert_contains("id=\"field-parties-error\"")
        .assert_contains("Kies knooppunten uit de lijst");
    let meeting = w
        .municipality
        .post(
            &new_meeting,
            &[
                ("meeting_kind", "neighbourhood"),
                ("title", "Informatieavond warmtenet"),
                ("date", "2026-10-01"),
                ("start_time", "19:30"),
                ("end_time", "21:30"),
                ("place", "Buurthuis De Linde"),
                ("agenda", "1. Welkom\n2. Het warmtenet"),
                (
                    "body",
                    "**Besloten**: een enquête. <script>alert(1)</script>",
                ),
                ("attendee_names", "Anna de Vries (bewoner)\n\nBert Jansen"),
                ("parties", w.org.as_str()),
                ("parties", w.initiative_org.as_str()),
                ("nodes", node.as_str()),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(meeting.status, 303, "{}", meeting.body);
    let meeting_id = entry_id(&meeting.location);
    w.initiative
        .get(&meeting.location)
        .await
        .assert_contains("Informatieavond warmtenet")
        .assert_contains("Buurtbijeenkomst")
        .assert_contains("1 oktober 2026, 19:30")
        .assert_contains("21:30")
        .assert_contains("Anna de Vries (bewoner)")
        .assert_contains("Zonnedal Energie")
        .assert_contains("<strong>Besloten</strong>")
        .assert_contains(&w.pack.nodes[0].title.nl);
    let page = w.initiative.get(&meeting.location).await;
    assert!(!page.body.contains("<script>alert"), "{}", page.body);

    // A decision from the meeting: who took it is required.
    let new_decision = format!("{logbook}/new/decision");
    w.municipality
        .get(&format!("{new_decision}?meeting={meeting_id}"))
        .await
        .assert_contains(&format!("value=\"{meeting_id}\" selected"))
        // The decision was taken on the day of the meeting, not today.
        .assert_contains("name=\"date\" type=\"date\" value=\"2026-10-01\"");
    let meeting_field = meeting_id.to_string();
    let decision_fields = |title: &'static str, parties: bool| {
        let mut fields = vec![
            ("title", title),
            ("body", "Omdat de buurt het wil."),
            ("date", "2026-10-01"),
            ("review_on", "2027-10-01"),
            ("meeting", meeting_field.as_str()),
            ("visibility", "public"),
        ];
        if parties {
            fields.push(("parties", w.org.as_str()));
            fields.push(("parties", w.initiative_org.as_str()));
        }
        fields
    };
    let refused = w
        .municipality
        .post(&new_decision, &decision_fields("Een enquête", false))
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("id=\"field-parties-error\"")
        .assert_contains("Omdat de buurt het wil.");
    let first = w
        .municipality
        .post(&new_decision, &decision_fields("Een enquête", true))
        .await;
    assert_eq!(first.status, 303, "{}", first.body);
    let first_id = entry_id(&first.location);
    w.municipality
        .get(&meeting.location)
        .await
        .assert_contains("Een enquête");
    // A party that only sees the decision (the adviser did not take it) is not offered to
    // supersede it and cannot, by link or by form.
    assert!(
        !w.partner
            .get(&first.location)
            .await
            .body
            .contains("?supersedes="),
        "the adviser is not offered to supersede"
    );
    w.initiative
        .get(&first.location)
        .await
        .assert_contains(&format!("?supersedes={first_id}"));
    assert_eq!(
        w.partner
            .get(&format!("{new_decision}?supersedes={first_id}"))
            .await
            .status,
        403
    );
    let first_field = first_id.to_string();
    let mut by_adviser = decision_fields("Door de adviseur vervangen", true);
    by_adviser.push(("supersedes", first_field.as_str()));
    assert_eq!(w.partner.post(&new_decision, &by_adviser).await.status, 403);
    // A decision is never edited; a later one supersedes it and both stay.
    assert_eq!(
        w.municipality
            .get(&format!("{logbook}/{first_id}/edit"))
            .await
            .status,
        403
    );
    w.initiative
        .get(&format!("{new_decision}?supersedes={first_id}"))
        .await
        .assert_contains("Een enquête")
        .assert_contains(&format!("name=\"supersedes\" value=\"{first_id}\""));
    let mut fields = decision_fields("Een enquête en een tweede avond", true);
    fields.push(("supersedes", first_field.as_str()));
    let later = w.initiative.post(&new_decision, &fields).await;
    assert_eq!(later.status, 303, "{}", later.body);
    w.partner
        .get(&first.location)
        .await
        .assert_contains("Dit besluit is vervangen door een later besluit")
        .assert_contains("Een enquête en een tweede avond");
    w.partner
        .get(&later.location)
        .await
        .assert_contains("Dit besluit vervangt");
    let twice = w.municipality.post(&new_decision, &fields).await;
    assert_eq!(twice.status, 422, "{}", twice.body);
    twice.assert_contains("al door een ander besluit vervangen");

    // An action: someone must take it on; overdue actions stand out until they are done.
    let new_action = format!("{logbook}/new/action");
    let refused = w
        .municipality
        .post(
            &new_action,
            &[
                ("title", "Enquête opstellen"),
                ("due_on", "1-1-2020"),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("id=\"field-owner_party-error\"")
        .assert_contains("id=\"field-due_on-error\"")
        .assert_contains("Enquête opstellen");
    // An action only the municipality sees is not owned by another party.
    let hidden_owner = w
        .municipality
        .post(
            &new_action,
            &[
                ("title", "Intern stuk"),
                ("owner_party", w.initiative_org.as_str()),
                ("visibility", "own"),
            ],
        )
        .await;
    assert_eq!(hidden_owner.status, 422);
    hidden_owner.assert_contains("Alleen leden van uw eigen organisatie");
    // Due before the meeting it came from: a typing error, the input kept.
    let kern = app
        .scalar("SELECT id FROM users WHERE email = 'kern@energie.example'")
        .await
        .to_string();
    let action_fields = |due_on: &'static str| {
        [
            ("title", "Enquête opstellen"),
            ("owner_party", w.initiative_org.as_str()),
            ("owner_user", kern.as_str()),
            ("due_on", due_on),
            ("meeting", meeting_field.as_str()),
            ("visibility", "parties"),
        ]
    };
    let refused = w
        .municipality
        .post(&new_action, &action_fields("2026-09-30"))
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("voor het overleg waar de actie uit kwam")
        .assert_contains("value=\"2026-09-30\"");
    let action = w
        .municipality
        .post(&new_action, &action_fields("2026-10-15"))
        .await;
    assert_eq!(action.status, 303, "{}", action.body);
    // Agreed at the meeting, so it stands in the logbook on the meeting's day.
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM log_entries WHERE kind = 'action' AND title = 'Enquête opstellen' AND happened_at = (SELECT happened_at FROM log_entries WHERE kind = 'meeting' AND title = 'Informatieavond warmtenet')")
            .await,
        1
    );
    // Its line names who took it on: the person and their party.
    w.initiative
        .get(&logbook)
        .await
        .assert_contains("Enquête opstellen")
        .assert_contains("bij Kernteam (Zonnedal Energie)")
        .assert_contains("Over de datum");
    // The adviser neither recorded nor owns it.
    let status = format!("{}/status", action.location);
    assert_eq!(
        w.partner.post(&status, &[("status", "done")]).await.status,
        403
    );
    let moved = w.initiative.post(&status, &[("status", "done")]).await;
    assert_eq!(moved.status, 303, "{}", moved.body);
    let page = w.initiative.get(&action.location).await;
    page.assert_contains("Klaar");
    assert!(!page.body.contains("Over de datum"), "{}", page.body);
    assert_eq!(app.audit_count("logbook.action_moved").await, 1);

    // A link: an address is required.
    let new_link = format!("{logbook}/new/link");
    let refused = w
        .partner
        .post(
            &new_link,
            &[
                ("title", "Haalbaarheidsstudie"),
                ("url", "niet een adres"),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("id=\"field-url-error\"");
    let link = w
        .partner
        .post(
            &new_link,
            &[
                ("title", "Haalbaarheidsstudie"),
                ("url", "https://regionet.example/studie"),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(link.status, 303, "{}", link.body);

    // Only the organisation that recorded an entry changes it.
    let edit = format!("{}/edit", meeting.location);
    assert_eq!(w.initiative.get(&edit).await.status, 403);
    w.municipality
        .get(&edit)
        .await
        .assert_contains("Informatieavond warmtenet")
        .assert_contains("value=\"19:30\"");
    let changed = w
        .municipality
        .post(
            &edit,
            &[
                ("meeting_kind", "neighbourhood"),
                ("title", "Informatieavond warmtenet en isolatie"),
                ("date", "2026-10-01"),
                ("start_time", "19:30"),
                ("visibility", "public"),
                ("parties", w.org.as_str()),
                ("nodes", node.as_str()),
            ],
        )
        .await;
    assert_eq!(changed.status, 303, "{}", changed.body);
    w.partner
        .get(&meeting.location)
        .await
        .assert_contains("Informatieavond warmtenet en isolatie")
        .assert_contains("Openbaar");

    // The timeline: kinds, parties, knooppunten, periods and words.
    let kinds = w.partner.get(&format!("{logbook}?kind=decision")).await;
    kinds
        .assert_contains("Een enquête en een tweede avond")
        .assert_contains("Vervangen");
    assert!(!kinds.body.contains("Haalbaarheidsstudie"));
    let by_party = w
        .partner
        .get(&format!("{logbook}?party={}", w.partner_org))
        .await;
    by_party.assert_contains("Haalbaarheidsstudie");
    assert!(!by_party.body.contains("Enquête opstellen"));
    let by_node = w.partner.get(&format!("{logbook}?node={node}")).await;
    by_node.assert_contains("Informatieavond");
    assert!(!by_node.body.contains("Haalbaarheidsstudie"));
    let found = w
        .partner
        .get(&format!("{logbook}?q=isolatie+informatie"))
        .await;
    found.assert_contains("Informatieavond warmtenet en isolatie");
    assert!(!found.body.contains("Haalbaarheidsstudie"));
    // Words are found whatever their case or accents, also inside a compound, and an action
    // by the person who owns it.
    w.partner
        .get(&format!("{logbook}?q=ENQUETE"))
        .await
        .assert_contains("Enquête opstellen");
    w.partner
        .get(&format!("{logbook}?q=stellen"))
        .await
        .assert_contains("Enquête opstellen");
    let owned = w.partner.get(&format!("{logbook}?q=kernteam")).await;
    owned.assert_contains("Enquête opstellen");
    assert!(!owned.body.contains("Haalbaarheidsstudie"));
    // Renamed, the owner is found by the new name and no longer by the old one.
    let renamed = w
        .initiative
        .post("/account", &[("name", "Femke Kernlid"), ("language", "nl")])
        .await;
    assert_eq!(renamed.status, 303, "{}", renamed.body);
    w.partner
        .get(&format!("{logbook}?q=femke"))
        .await
        .assert_contains("Enquête opstellen");
    w.partner
        .get(&format!("{logbook}?q=kernteam"))
        .await
        .assert_contains("Niets gevonden");
    let nothing = w.partner.get(&format!("{logbook}?q=kernenergie")).await;
    nothing.assert_contains("Niets gevonden");
    // The mark that narrows the index to the approach is not a word a search finds.
    w.partner
        .get(&format!("{logbook}?q=aanpak"))
        .await
        .assert_contains("Niets gevonden");
    let period = w
        .partner
        .get(&format!("{logbook}?from=2026-09-30&until=2026-10-01"))
        .await;
    period.assert_contains("Informatieavond");
    assert!(!period.body.contains("Haalbaarheidsstudie"));
    let bad = w
        .partner
        .get(&format!(
            "{logbook}?from=gisteren&until=2026-01-01&kind=nonsense&before=x"
        ))
        .await;
    assert_eq!(bad.status, 422);
    bad.assert_contains("id=\"field-from-error\"")
        .assert_contains("value=\"gisteren\"");
    let reversed = w
        .partner
        .get(&format!("{logbook}?from=2026-10-02&until=2026-10-01"))
        .await;
    assert_eq!(reversed.status, 422);
    reversed.assert_contains("id=\"field-until-error\"");
    assert_eq!(app.audit_count("logbook.entry_added").await, 5);
    assert_eq!(app.audit_count("logbook.entry_changed").await, 1);
}

async fn the_timeline_pages_by_keyset(app: TestApp) {
    let w = arrange(&app).await;
    let logbook = w.logbook();
    for i in 0..27 {
        let title = format!("Verslag nummer {i:02}");
        let page = w
            .initiative
            .post(
                &format!("{logbook}/new/link"),
                &[
                    ("title", title.as_str()),
                    ("url", "https://energie.example/verslag"),
                    ("visibility", "parties"),
                ],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
    }
    let first = w.municipality.get(&logbook).await;
    first
        .assert_contains("Verslag nummer 26")
        .assert_contains("Verslag nummer 02")
        .assert_contains("rel=\"next\"");
    assert!(!first.body.contains("Verslag nummer 01"));
    let next = first
        .body
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|href| href.contains("before="))
        .expect("a link to older items")
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    let second = w.municipality.get(&next).await;
    second
        .assert_contains("Verslag nummer 01")
        .assert_contains("Verslag nummer 00");
    assert!(!second.body.contains("Verslag nummer 02"));
    assert!(!second.body.contains("rel=\"next\""));
}

async fn each_entry_is_seen_only_by_whom_it_is_for(app: TestApp) {
    let w = arrange(&app).await;
    let logbook = w.logbook();
    let record = |who: &'static str, kind: &'static str, title: &'static str, vis: &'static str| {
        (who, kind, title, vis)
    };
    let mut ids = Vec::new();
    for (who, kind, title, visibility) in [
        record(
            "initiative",
            "meeting",
            "Kernteam intern geheimwoord",
            "own",
        ),
        record("initiative", "link", "Gedeelde studie", "parties"),
        record("municipality", "link", "Openbare kaart", "public"),
        record("municipality", "link", "Collegevoorstel concept", "own"),
    ] {
        let browser = if who == "initiative" {
            &w.initiative
        } else {
            &w.municipality
        };
        let mut fields = vec![
            ("title", title),
            ("visibility", visibility),
            ("url", "https://zonnedal.example/stuk"),
        ];
        if kind == "meeting" {
            fields.extend([
                ("meeting_kind", "project-team"),
                ("date", "2026-11-02"),
                ("start_time", "20:00"),
            ]);
        }
        let page = browser
            .post(&format!("{logbook}/new/{kind}"), &fields)
            .await;
        assert_eq!(page.status, 303, "{title}: {}", page.body);
        ids.push(entry_id(&page.location));
    }
    let (own_meeting, municipal_own) = (ids[0], ids[3]);
    // A decision recorded for everyone, from the initiative's own meeting.
    let meeting_field = own_meeting.to_string();
    let page = w
        .initiative
        .post(
            &format!("{logbook}/new/decision"),
            &[
                ("title", "Besluit voor iedereen"),
                ("date", "2026-11-02"),
                ("parties", w.initiative_org.as_str()),
                ("meeting", meeting_field.as_str()),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let decision = page.location.clone();

    // Each reader's timeline, search, entry pages and choices.
    let readers: [(&str, &Browser, &[&str], &[&str]); 4] = [
        (
            "initiative",
            &w.initiative,
            &["Kernteam intern", "Gedeelde studie", "Openbare kaart"],
            &["Collegevoorstel"],
        ),
        (
            "colleague",
            &w.colleague,
            &["Kernteam intern", "Gedeelde studie", "Openbare kaart"],
            &["Collegevoorstel"],
        ),
        (
            "municipality",
            &w.municipality,
            &["Collegevoorstel", "Gedeelde studie", "Openbare kaart"],
            &["Kernteam intern"],
        ),
        (
            "partner",
            &w.partner,
            &["Gedeelde studie", "Openbare kaart"],
            &["Kernteam intern", "Collegevoorstel"],
        ),
    ];
    for (name, browser, sees, hidden) in readers {
        let timeline = browser.get(&logbook).await;
        for title in sees {
            timeline.assert_contains(title);
        }
        for title in hidden {
            assert!(
                !timeline.body.contains(title),
                "{name} sees {title} on the timeline"
            );
        }
        let search = browser.get(&format!("{logbook}?q=geheimwoord")).await;
        assert_eq!(
            search.body.contains("Kernteam intern"),
            sees.contains(&"Kernteam intern"),
            "{name}: search"
        );
        for (id, title) in [
            (own_meeting, "Kernteam intern"),
            (municipal_own, "Collegevoorstel"),
        ] {
            let status = browser.get(&format!("{logbook}/{id}")).await.status;
            let expected = if sees.contains(&title) { 200 } else { 404 };
            assert_eq!(status, expected, "{name}: {title}");
        }
        // The decision's page names its meeting only to those who may see the meeting.
        let page = browser.get(&decision).await;
        page.assert_contains("Besluit voor iedereen");
        assert_eq!(
            page.body.contains("Kernteam intern"),
            sees.contains(&"Kernteam intern"),
            "{name}: the decision's meeting"
        );
        // Linking a new action: the meetings offered are the visible ones.
        let form = browser.get(&format!("{logbook}/new/action")).await;
        assert_eq!(
            form.body.contains("Kernteam intern"),
            sees.contains(&"Kernteam intern"),
            "{name}: the meetings to link to"
        );
    }
    // Linking to a meeting one may not see is refused, not quietly accepted.
    let page = w
        .municipality
        .post(
            &format!("{logbook}/new/action"),
            &[
                ("title", "Iets"),
                ("owner_party", w.org.as_str()),
                ("meeting", meeting_field.as_str()),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    page.assert_contains("id=\"field-meeting-error\"");
    // Recording for an organisation that is not one's own is refused.
    let page = w
        .partner
        .post(
            &format!("{logbook}/new/link"),
            &[
                ("party", w.initiative_org.as_str()),
                ("title", "Namens een ander"),
                ("url", "https://a.example"),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(page.status, 403);
    // Someone who takes no part sees no logbook at all.
    assert_eq!(w.outsider.get(&logbook).await.status, 403);
    assert_eq!(w.outsider.get(&decision).await.status, 403);

    // The public: public entries only (what the public page will read).
    let approach = ApproachId(w.approach);
    let ((public, _), hidden) = app
        .db
        .read(move |c| {
            let public =
                logbook::timeline(c, approach, Audience::PUBLIC, &Filter::default(), None, 50)?;
            let hidden = logbook::get(c, approach, EntryId(own_meeting), Audience::PUBLIC)?;
            Ok::<_, samenspel_store::StoreError>((public, hidden))
        })
        .await
        .expect("timeline and entry");
    let titles: Vec<&str> = public.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Openbare kaart"]);
    assert!(hidden.is_none());

    // Changing who may see an entry takes effect at once.
    let page = w
        .municipality
        .post(
            &format!("{logbook}/{municipal_own}/edit"),
            &[
                ("title", "Collegevoorstel concept"),
                ("url", "https://zonnedal.example/stuk"),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    w.partner
        .get(&logbook)
        .await
        .assert_contains("Collegevoorstel concept");
}

/// The unread count in the page's header, if any.
fn unread(page: &crate::support::Page) -> u32 {
    page.body
        .split("class=\"ss-count\" aria-hidden=\"true\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

async fn people_are_told_what_they_may_see(app: TestApp) {
    let w = arrange(&app).await;
    let logbook = w.logbook();
    let meeting = w
        .municipality
        .post(
            &format!("{logbook}/new/meeting"),
            &[
                ("meeting_kind", "project-team"),
                ("title", "Projectteam januari"),
                ("date", "2027-01-12"),
                ("start_time", "19:00"),
                ("visibility", "parties"),
            ],
        )
        .await;
    assert_eq!(meeting.status, 303, "{}", meeting.body);
    let own = w
        .initiative
        .post(
            &format!("{logbook}/new/link"),
            &[
                ("title", "Ledenlijst coöperatie"),
                ("url", "https://energie.example/leden"),
                ("visibility", "own"),
            ],
        )
        .await;
    assert_eq!(own.status, 303, "{}", own.body);
    // Who did it is not told; the rest is told what they may see.
    for (name, browser, count) in [
        ("municipality", &w.municipality, 0),
        ("initiative", &w.initiative, 1),
        ("colleague", &w.colleague, 2),
        ("partner", &w.partner, 1),
        ("outsider", &w.outsider, 0),
    ] {
        let page = browser.get("/").await;
        assert_eq!(unread(&page), count, "{name}: {}", page.body);
    }
    let list = w.partner.get("/notifications").await;
    list.assert_contains("Projectteam januari")
        .assert_contains("Wijkaanpak Centrum")
        .assert_contains("Vastgelegd");
    assert!(!list.body.contains("Ledenlijst"));
    w.colleague
        .get("/notifications")
        .await
        .assert_contains("Ledenlijst coöperatie");

    // An entry made private disappears from the notifications of those who may no longer see it.
    let page = w
        .municipality
        .post(
            &format!("{}/edit", meeting.location),
            &[
                ("meeting_kind", "project-team"),
                ("title", "Projectteam januari"),
                ("date", "2027-01-12"),
                ("start_time", "19:00"),
                ("visibility", "own"),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(unread(&w.partner.get("/").await), 0);
    let list = w.partner.get("/notifications").await;
    assert!(!list.body.contains("Projectteam januari"), "{}", list.body);

    // Opening one leads to the entry and marks it read; then everything is marked read.
    let notice: i64 = app
        .scalar(
            "SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id \
             JOIN log_entries e ON e.id = n.entry_id \
             WHERE u.email = 'collega@energie.example' AND e.title LIKE 'Ledenlijst%'",
        )
        .await;
    let hidden: i64 = app
        .scalar(
            "SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id \
             WHERE u.email = 'net@regionet.example' ORDER BY n.id LIMIT 1",
        )
        .await;
    assert_eq!(
        w.partner
            .get(&format!("/notifications/{hidden}"))
            .await
            .status,
        404
    );
    let opened = w.colleague.get(&format!("/notifications/{notice}")).await;
    assert_eq!(opened.status, 303);
    assert!(opened.location.contains("/logbook/"), "{}", opened.location);
    assert_eq!(unread(&w.colleague.get("/").await), 0);
    w.colleague
        .get("/notifications")
        .await
        .assert_contains("Ledenlijst coöperatie");
    // Someone else's notification cannot be opened.
    assert_eq!(
        w.initiative
            .get(&format!("/notifications/{notice}"))
            .await
            .status,
        404
    );
    let read = w.colleague.post("/notifications/read", &[]).await;
    assert_eq!(read.status, 303);
    assert_eq!(unread(&w.colleague.get("/").await), 0);
}

async fn residents_read_the_public_page(app: TestApp) {
    let w = arrange(&app).await;
    let logbook = w.logbook();
    let public = format!("/p/{}", w.approach);
    let resident = app.browser();
    assert_eq!(resident.get(&public).await.status, 404);
    assert_eq!(
        resident.get(&format!("{public}/feed.atom")).await.status,
        404
    );
    let switch = format!("/approaches/{}/public", w.approach);
    assert_eq!(
        w.initiative.post(&switch, &[("on", "yes")]).await.status,
        403
    );
    let page = w.municipality.post(&switch, &[("on", "yes")]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    for (browser, kind, fields) in [
        (
            &w.municipality,
            "decision",
            vec![
                ("title", "Openbaar besluit over het warmtenet"),
                ("date", "2026-06-01"),
                ("parties", w.org.as_str()),
                ("visibility", "public"),
            ],
        ),
        (
            &w.initiative,
            "decision",
            vec![
                ("title", "Besluit alleen voor de partijen"),
                ("date", "2026-06-02"),
                ("parties", w.initiative_org.as_str()),
                ("visibility", "parties"),
            ],
        ),
        (
            &w.initiative,
            "meeting",
            vec![
                ("meeting_kind", "neighbourhood"),
                ("title", "Buurtavond in het dorpshuis"),
                ("date", "2099-03-04"),
                ("start_time", "19:30"),
                ("visibility", "public"),
            ],
        ),
        (
            &w.municipality,
            "link",
            vec![
                ("title", "Raadsvoorstel warmtevisie"),
                ("url", "https://zonnedal.example/raad/warmtevisie"),
                ("date", "2026-06-03"),
                ("visibility", "public"),
            ],
        ),
        (
            &w.municipality,
            "meeting",
            vec![
                ("meeting_kind", "project-team"),
                ("title", "Projectteam achter gesloten deuren"),
                ("date", "2099-03-05"),
                ("start_time", "20:00"),
                ("visibility", "parties"),
            ],
        ),
    ] {
        let page = browser
            .post(&format!("{logbook}/new/{kind}"), &fields)
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
    }
    let page = resident.get(&public).await;
    page.assert_contains("Wijkaanpak Centrum")
        .assert_contains("Openbaar besluit over het warmtenet")
        .assert_contains("Buurtavond in het dorpshuis")
        .assert_contains("4 maart 2099, 19:30")
        .assert_contains("application/atom+xml");
    for hidden in [
        "Besluit alleen voor de partijen",
        "Projectteam achter gesloten deuren",
    ] {
        assert!(!page.body.contains(hidden), "{hidden} is not public");
    }
    app.english_browser()
        .get(&public)
        .await
        .assert_contains("Public decisions")
        .assert_contains("Upcoming meetings");

    // The feed, read back by an Atom parser: the public entries only.
    let feed = resident.get(&format!("{public}/feed.atom")).await;
    assert_eq!(feed.status, 200);
    let feed: atom_syndication::Feed = feed.body.parse().expect("an Atom feed");
    let mut titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    titles.sort_unstable();
    assert_eq!(
        titles,
        [
            "Buurtavond in het dorpshuis",
            "Openbaar besluit over het warmtenet",
            "Raadsvoorstel warmtevisie"
        ]
    );
    assert!(feed.title().as_str().contains("Wijkaanpak Centrum"));
    assert_eq!(feed.lang(), Some("nl"));
    assert!(
        feed.links()
            .iter()
            .any(|l| l.rel() == "self" && l.href().ends_with("/feed.atom"))
    );
    // Every entry links to a page that shows it; a link also to its own address. Its
    // `updated` is when it was written, not the date of a meeting still to come.
    let today = time::OffsetDateTime::now_utc();
    for entry in feed.entries() {
        let alternate = entry
            .links()
            .iter()
            .find(|l| l.rel() == "alternate")
            .expect("an alternate link");
        let path = alternate.href().trim_start_matches(&app.base);
        let shown = resident.get(path).await;
        assert_eq!(shown.status, 200, "{path}");
        shown.assert_contains(&format!(">{}</h1>", entry.title().as_str()));
        let updated = entry.updated().timestamp();
        assert!(
            (updated - today.unix_timestamp()).abs() < 3600,
            "{}: updated {}",
            entry.title().as_str(),
            entry.updated()
        );
    }
    let link = feed
        .entries()
        .iter()
        .find(|e| e.title().as_str() == "Raadsvoorstel warmtevisie")
        .expect("the link");
    assert!(
        link.links()
            .iter()
            .any(|l| l.href() == "https://zonnedal.example/raad/warmtevisie")
    );
    // A reader of the Dutch address gets Dutch whatever it asks for; English has its own.
    let asked_english = app
        .english_browser()
        .get(&format!("{public}/feed.atom"))
        .await;
    let asked_english: atom_syndication::Feed = asked_english.body.parse().expect("Atom");
    assert_eq!(asked_english.lang(), Some("nl"));
    let english = resident.get(&format!("{public}/feed.en.atom")).await;
    assert_eq!(english.status, 200);
    let english: atom_syndication::Feed = english.body.parse().expect("Atom");
    assert_eq!(english.lang(), Some("en"));
    assert_ne!(english.id(), feed.id());
    assert!(english.entries().iter().any(|e| {
        e.summary()
            .is_some_and(|s| s.as_str().starts_with("Neighbourhood meeting"))
    }));
    // An entry that is not public has no public page.
    let hidden = app
        .scalar("SELECT id FROM log_entries WHERE title = 'Besluit alleen voor de partijen'")
        .await;
    assert_eq!(
        resident
            .get(&format!("{public}/entries/{hidden}"))
            .await
            .status,
        404
    );

    let page = w.municipality.post(&switch, &[("on", "no")]).await;
    assert_eq!(page.status, 303);
    assert_eq!(resident.get(&public).await.status, 404);
    assert_eq!(app.audit_count("approach.public_page").await, 2);
}

/// The events of an iCalendar text, read back by a calendar parser: (summary, start).
fn events(text: &str) -> Vec<(String, String)> {
    use icalendar::Component;
    let unfolded = icalendar::parser::unfold(text);
    let calendar: icalendar::Calendar = icalendar::parser::read_calendar(&unfolded)
        .expect("an iCalendar file")
        .into();
    let mut events: Vec<(String, String)> = calendar
        .events()
        .map(|e| {
            (
                e.get_summary().unwrap_or_default().to_owned(),
                e.property_value("DTSTART").unwrap_or_default().to_owned(),
            )
        })
        .collect();
    events.sort();
    events
}

async fn meetings_reach_a_personal_calendar(app: TestApp) {
    let w = arrange(&app).await;
    let logbook = w.logbook();
    for (browser, title, date, visibility) in [
        (
            &w.municipality,
            "Projectteam maart",
            "2099-03-04",
            "parties",
        ),
        (
            &w.municipality,
            "Intern overleg gemeente",
            "2099-03-05",
            "own",
        ),
        (&w.initiative, "Kernteam coöperatie", "2099-03-06", "own"),
        (&w.municipality, "Lang geleden", "2020-01-01", "parties"),
    ] {
        let page = browser
            .post(
                &format!("{logbook}/new/meeting"),
                &[
                    ("meeting_kind", "project-team"),
                    ("title", title),
                    ("date", date),
                    ("start_time", "19:30"),
                    ("end_time", "21:00"),
                    ("place", "Buurthuis"),
                    ("visibility", visibility),
                ],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
    }
    // A link for one approach: its address is shown once, to its owner.
    w.initiative
        .get(&format!("/calendar-links?approach={}", w.approach))
        .await
        .assert_contains(&format!("value=\"{}\" selected", w.approach));
    let approach = w.approach.to_string();
    let made = w
        .initiative
        .post("/calendar-links", &[("approach", approach.as_str())])
        .await;
    // The answer itself shows it, with a link that subscribes in one tap; no address of ours
    // carries it, so it stays out of the browser's history.
    assert_eq!(made.status, 200, "{}", made.body);
    let token = calendar_token(&made.body);
    made.assert_contains(&format!(
        "href=\"webcal://{}/calendar/{token}.ics\"",
        app.base.trim_start_matches("http://")
    ));
    assert!(!made.location.contains(&token));
    let again = w.initiative.get("/calendar-links").await;
    assert!(!again.body.contains(&token), "shown once");
    let refused = w
        .partner
        .post("/calendar-links", &[("approach", "999999")])
        .await;
    assert_eq!(refused.status, 400);

    // Read by a calendar app, without a session.
    let feed = app.browser().get(&format!("/calendar/{token}.ics")).await;
    assert_eq!(feed.status, 200);
    assert_eq!(
        events(&feed.body),
        [
            (
                "Kernteam coöperatie".to_owned(),
                "20990306T183000Z".to_owned()
            ),
            (
                "Projectteam maart".to_owned(),
                "20990304T183000Z".to_owned()
            ),
        ]
    );
    assert!(feed.body.contains("LOCATION:Buurthuis"), "{}", feed.body);

    // A link for all of a person's approaches.
    let all = w
        .municipality
        .post("/calendar-links", &[("approach", "")])
        .await;
    let all_token = calendar_token(&all.body);
    let feed = app.browser().get(&format!("/calendar/{all_token}")).await;
    let titles: Vec<String> = events(&feed.body).into_iter().map(|(t, _)| t).collect();
    assert_eq!(titles, ["Intern overleg gemeente", "Projectteam maart"]);

    // Leaving asks first: what it means, and a box to tick.
    let leave = format!("/approaches/{}/leave", w.approach);
    w.initiative
        .get(&format!("{leave}?party={}", w.initiative_org))
        .await
        .assert_contains("Zonnedal Energie uit de wijkaanpak laten gaan?")
        .assert_contains("name=\"confirm\"");
    let changes_before = app.audit_count("approach.party_changed").await;
    let unconfirmed = w
        .initiative
        .post(&leave, &[("party", w.initiative_org.as_str())])
        .await;
    assert_eq!(unconfirmed.status, 422);
    unconfirmed.assert_contains("id=\"field-confirm-error\"");
    assert_eq!(
        app.audit_count("approach.party_changed").await,
        changes_before
    );
    // A party that leaves sees no more meetings; a revoked link stops.
    let page = w
        .initiative
        .post(
            &leave,
            &[("party", w.initiative_org.as_str()), ("confirm", "yes")],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let feed = app.browser().get(&format!("/calendar/{token}.ics")).await;
    assert_eq!(feed.status, 200);
    assert!(events(&feed.body).is_empty(), "{}", feed.body);
    let hash = samenspel_web::http::token_hash(&token);
    assert_eq!(
        w.partner
            .post("/calendar-links/revoke", &[("link", hash.as_str())])
            .await
            .status,
        404
    );
    let page = w
        .initiative
        .post("/calendar-links/revoke", &[("link", hash.as_str())])
        .await;
    assert_eq!(page.status, 200, "asks first: {}", page.body);
    page.assert_contains("Deze agenda-link intrekken?");
    assert_eq!(
        app.browser()
            .get(&format!("/calendar/{token}.ics"))
            .await
            .status,
        200
    );
    let page = w
        .initiative
        .post(
            "/calendar-links/revoke",
            &[("link", hash.as_str()), ("confirm", "yes")],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(
        app.browser()
            .get(&format!("/calendar/{token}.ics"))
            .await
            .status,
        404
    );
}

async fn owners_are_reminded_once(app: TestApp) {
    let w = arrange(&app).await;
    let logbook = w.logbook();
    for (kind, fields) in [
        (
            "action",
            vec![
                ("title", "Offertes opvragen"),
                ("owner_party", w.initiative_org.as_str()),
                ("due_on", "2020-01-01"),
                ("visibility", "parties"),
            ],
        ),
        (
            "action",
            vec![
                ("title", "Nog niet aan de beurt"),
                ("owner_party", w.initiative_org.as_str()),
                ("due_on", "2099-01-01"),
                ("visibility", "parties"),
            ],
        ),
        (
            "decision",
            vec![
                ("title", "Evaluatie na een jaar"),
                ("date", "2020-01-01"),
                ("review_on", "2020-01-02"),
                ("parties", w.org.as_str()),
                ("visibility", "parties"),
            ],
        ),
    ] {
        let page = w
            .municipality
            .post(&format!("{logbook}/new/{kind}"), &fields)
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
    }
    for _ in 0..2 {
        app.dispatch_mail().await;
        assert_eq!(
            app.scalar("SELECT COUNT(*) FROM notifications WHERE event = 'overdue'")
                .await,
            2,
            "the initiative's two members, once"
        );
        assert_eq!(
            app.scalar("SELECT COUNT(*) FROM notifications WHERE event = 'review'")
                .await,
            1,
            "the municipality's member, once"
        );
    }
    w.colleague
        .get("/notifications")
        .await
        .assert_contains("Herinnering: over de datum")
        .assert_contains("Offertes opvragen");
    w.municipality
        .get("/notifications")
        .await
        .assert_contains("Herinnering: opnieuw bespreken")
        .assert_contains("Evaluatie na een jaar");
}

/// An S3-compatible server on loopback (moto, installed by the README's test command).
struct S3Server {
    child: std::process::Child,
    port: u16,
}

impl S3Server {
    async fn start() -> S3Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let child = std::process::Command::new("python3")
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3 -m moto.server (pip install 'moto[server]')");
        let server = S3Server { child, port };
        let client = reqwest::Client::new();
        for _ in 0..200 {
            let made = client
                .put(format!("http://127.0.0.1:{port}/samenspel-test"))
                .send()
                .await;
            if made.is_ok_and(|r| r.status().is_success()) {
                return server;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the S3 server did not start");
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Documents: uploaded into the store (a local folder, or S3), refused when too large or of a
/// kind that is not allowed, served as a download only to whom may see them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_are_kept_and_served_to_whom_may_see_them() {
    let s3 = S3Server::start().await;
    for (backend, store) in [
        (samenspel_store::Backend::Sqlite, ""),
        (samenspel_store::Backend::Postgres, "s3://samenspel-test"),
    ] {
        let options = crate::support::Options {
            upload_store: store.to_owned(),
            s3_endpoint: format!("http://127.0.0.1:{}", s3.port),
            ..crate::support::Options::default()
        };
        let app = TestApp::spawn_with(backend, options).await;
        let w = arrange(&app).await;
        let logbook = w.logbook();
        w.municipality
            .get(&format!("{logbook}/new/document"))
            .await
            .assert_contains("enctype=\"multipart/form-data\"")
            .assert_contains("pdf, odt");
        let upload = format!("{logbook}/upload");
        let content = b"%PDF-1.7 Verslag van de buurtavond".to_vec();
        let refused = w
            .municipality
            .upload_form(
                &upload,
                &[("title", "Programma"), ("visibility", "parties")],
                "programma.exe",
                b"MZ".to_vec(),
            )
            .await;
        assert_eq!(refused.status, 422, "{store}: {}", refused.body);
        refused
            .assert_contains("id=\"field-file-error\"")
            .assert_contains("value=\"Programma\"");
        let too_large = w
            .municipality
            .upload_form(
                &upload,
                &[
                    ("title", "Te groot"),
                    ("body", "Mijn uitleg bij het verslag"),
                    ("visibility", "parties"),
                ],
                "groot.pdf",
                vec![b'x'; samenspel_domain::logbook::MAX_DOCUMENT_BYTES + 1],
            )
            .await;
        assert_eq!(too_large.status, 422, "{store}: {}", too_large.body);
        too_large.assert_contains("te groot");
        // Far over the limit: read to the end, the form back with the limit named and the
        // fields that came after the file kept.
        let far_too_large = w
            .municipality
            .upload_form(
                &upload,
                &[
                    ("title", "Veel te groot"),
                    ("body", "Mijn uitleg bij het verslag"),
                    ("visibility", "parties"),
                ],
                "film.mp4",
                vec![b'x'; 3 * samenspel_domain::logbook::MAX_DOCUMENT_BYTES / 2],
            )
            .await;
        assert_eq!(far_too_large.status, 422, "{store}: {}", far_too_large.body);
        far_too_large
            .assert_contains("hoogstens 20 MB")
            .assert_contains("value=\"Veel te groot\"")
            .assert_contains("Mijn uitleg bij het verslag");
        // Like other entries, a document belongs to a meeting and concerns knooppunten.
        let meeting = w
            .municipality
            .post(
                &format!("{logbook}/new/meeting"),
                &[
                    ("meeting_kind", "neighbourhood"),
                    ("title", "Buurtavond oktober"),
                    ("date", "2026-10-01"),
                    ("start_time", "19:30"),
                    ("visibility", "parties"),
                ],
            )
            .await;
        assert_eq!(meeting.status, 303, "{store}: {}", meeting.body);
        let meeting_id = meeting.location.rsplit('/').next().expect("id").to_owned();
        let node = w.pack.nodes[0].key.clone();
        let unknown = w
            .municipality
            .upload_form(
                &upload,
                &[
                    ("title", "Verslag buurtavond"),
                    ("visibility", "own"),
                    ("meeting", "999999"),
                ],
                "Verslag buurtavond.pdf",
                content.clone(),
            )
            .await;
        assert_eq!(unknown.status, 422, "{store}: {}", unknown.body);
        unknown
            .assert_contains("id=\"field-meeting-error\"")
            .assert_contains("value=\"Verslag buurtavond\"");
        let made = w
            .municipality
            .upload_form(
                &upload,
                &[
                    ("title", "Verslag buurtavond"),
                    ("visibility", "own"),
                    ("meeting", meeting_id.as_str()),
                    ("nodes", node.as_str()),
                ],
                "Verslag buurtavond.pdf",
                content.clone(),
            )
            .await;
        assert_eq!(made.status, 303, "{store}: {}", made.body);
        let page = w.municipality.get(&made.location).await;
        page.assert_contains("Verslag buurtavond.pdf")
            .assert_contains("Buurtavond oktober")
            .assert_contains(w.pack.nodes[0].title.nl.as_str());
        let file = format!("{}/file", made.location);
        let download = w.municipality.get_bytes(&file).await;
        assert_eq!(download.0, 200);
        assert_eq!(download.1, content, "{store}: the same bytes back");
        assert!(
            download.2.starts_with("attachment;"),
            "{store}: always a download: {}",
            download.2
        );
        // Only the organisation sees it; a search finds it by its file's name.
        assert_eq!(w.partner.get(&file).await.status, 404);
        assert_eq!(w.outsider.get(&file).await.status, 403);
        w.municipality
            .get(&format!("{logbook}?q=buurtavond&kind=document"))
            .await
            .assert_contains("Verslag buurtavond");
        // Its title and who may see it can change; the file stays. A document has no web
        // address to fill in.
        let form = w.municipality.get(&format!("{}/edit", made.location)).await;
        form.assert_contains("Verslag buurtavond");
        assert!(!form.body.contains("name=\"url\""), "{}", form.body);
        let page = w
            .municipality
            .post(
                &format!("{}/edit", made.location),
                &[
                    ("title", "Verslag van de buurtavond"),
                    ("visibility", "parties"),
                ],
            )
            .await;
        assert_eq!(page.status, 303, "{store}: {}", page.body);
        assert_eq!(w.partner.get_bytes(&file).await.1, content);
    }
}

/// A logbook entry's news reaches people by e-mail as they chose, over a real SMTP server,
/// once, with a one-click unsubscribe that a mail program can use without a session.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logbook_news_is_mailed_as_people_chose() {
    for backend in backends() {
        let smtp = crate::mail::SmtpServer::start().await;
        let app = TestApp::spawn(backend).await;
        let w = arrange(&app).await;
        // The requests to take part went out while arranging; this test is about news.
        app.dispatch_mail().await;
        // The job worker, sending over SMTP.
        let worker = |name: &str, smtp_url: &str| samenspel::worker::Worker {
            db: app.db.clone(),
            mailer: samenspel::mailer::Mailer::from_config(smtp_url, &app.config.mail_dir)
                .expect("mailer"),
            mail_from: app.config.mail_from.clone(),
            base_url: app.config.base_url.clone(),
            name: name.to_owned(),
        };
        let smtp_url = format!("smtp://127.0.0.1:{}", smtp.port);
        let sender = worker("sender", &smtp_url);
        let dispatch = async || {
            sender.queue_notification_mail().await.expect("queue");
            sender.run_due().await.expect("send");
        };
        let approach = w.approach.to_string();
        w.partner
            .get("/notifications")
            .await
            .assert_contains("Wijkaanpak Centrum")
            .assert_contains("value=\"daily\" selected");
        for (browser, frequency) in [(&w.partner, "immediately"), (&w.colleague, "never")] {
            let page = browser
                .post(
                    "/notifications/mail",
                    &[("approach", approach.as_str()), ("frequency", frequency)],
                )
                .await;
            assert_eq!(page.status, 303, "{}", page.body);
        }
        let refused = w
            .partner
            .post(
                "/notifications/mail",
                &[("approach", approach.as_str()), ("frequency", "hourly")],
            )
            .await;
        assert_eq!(refused.status, 400);
        let record = |title: &'static str| {
            let (browser, logbook) = (&w.municipality, w.logbook());
            async move {
                let page = browser
                    .post(
                        &format!("{logbook}/new/link"),
                        &[
                            ("title", title),
                            ("url", "https://zonnedal.example/stuk"),
                            ("visibility", "parties"),
                        ],
                    )
                    .await;
                assert_eq!(page.status, 303, "{}", page.body);
            }
        };
        record("Verslag van de werkgroep").await;
        dispatch().await;
        dispatch().await;
        let received = smtp.received();
        assert_eq!(
            received.len(),
            1,
            "{backend:?}: one mail, to the partner only"
        );
        let mail = &received[0];
        assert!(mail.contains("net@regionet.example"), "{mail}");
        assert!(mail.contains("Verslag van de werkgroep"), "{mail}");
        assert!(
            mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            "{mail}"
        );
        let unfolded = mail.replace("\r\n ", " ").replace("\n ", " ");
        let unsubscribe = unfolded
            .split("List-Unsubscribe: <")
            .nth(1)
            .and_then(|rest| rest.split('>').next())
            .expect("an unsubscribe address")
            .to_owned();
        let path = unsubscribe
            .split_once("/unsubscribe/")
            .map(|(_, token)| format!("/unsubscribe/{token}"))
            .expect("the path");

        // Two workers at once queue the next mail once.
        record("Tweede verslag").await;
        let (a, b) = (worker("a", ""), worker("b", ""));
        let (queued_a, queued_b) =
            tokio::join!(a.queue_notification_mail(), b.queue_notification_mail());
        assert_eq!(
            queued_a.expect("a") + queued_b.expect("b"),
            1,
            "{backend:?}"
        );

        // The confirmation page asks first; a mail program posts in one click, without a session.
        app.browser()
            .get(&path)
            .await
            .assert_contains("Wijkaanpak Centrum")
            .assert_contains("Ja, geen e-mail meer");
        let page = app
            .browser()
            .post_raw(&path, &[("List-Unsubscribe", "One-Click")])
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
        page.assert_contains("U krijgt geen e-mail meer over Wijkaanpak Centrum");
        record("Derde verslag").await;
        dispatch().await;
        // The mail the two workers queued went out; nothing after unsubscribing.
        let received = smtp.received();
        assert_eq!(received.len(), 2, "{backend:?}");
        assert!(received.iter().any(|m| m.contains("Tweede verslag")));
        assert!(
            !received.iter().any(|m| m.contains("Derde verslag")),
            "{backend:?}"
        );
        assert_eq!(
            app.browser().get("/unsubscribe/no-such-token").await.status,
            404
        );
    }
}

on_both_databases!(
    owners_are_reminded_once,
    meetings_reach_a_personal_calendar,
    residents_read_the_public_page,
    people_are_told_what_they_may_see,
    a_meeting_with_decisions_and_actions,
    the_timeline_pages_by_keyset,
    each_entry_is_seen_only_by_whom_it_is_for
);

/// The token of the calendar link a page shows (`…/calendar/<token>.ics`).
fn calendar_token(page: &str) -> String {
    page.split("/calendar/")
        .nth(1)
        .and_then(|rest| rest.split(".ics").next())
        .expect("the new link's address")
        .to_owned()
}
