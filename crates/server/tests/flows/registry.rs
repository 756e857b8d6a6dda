//! Areas and the initiative registry, as people use them over HTTP: a municipality sets its CBS
//! code and imports its wijken and buurten, a facilitator maps an initiative, the initiative
//! claims its profile and makes it public, and who sees what along the way.

use crate::on_both_databases;
use crate::support::{TestApp, link_in};

use crate::support::AREAS_CSV as CSV;

const BAD_CSV: &str = "gemeentecode;wijkcode;wijknaam;buurtcode;buurtnaam\n\
                       GM9901;WK990101;Centrum;BU99010101;Oude Kern\n\
                       GM9901;WK9901;Kapot;;\n\
                       GM0363;WK036301;Elders;;\n";

async fn area_id(app: &TestApp, code: &str) -> i64 {
    let sql: &'static str = match code {
        "WK990101" => "SELECT id FROM areas WHERE code = 'WK990101'",
        "BU99010102" => "SELECT id FROM areas WHERE code = 'BU99010102'",
        "BU99010201" => "SELECT id FROM areas WHERE code = 'BU99010201'",
        _ => unreachable!("no query for {code}"),
    };
    app.scalar(sql).await
}

async fn areas_are_set_up_imported_and_mapped(app: TestApp) {
    let admin = app.register("Projectleider", "pl@zonnedal.example").await;
    let org = app
        .create_org(&admin, "municipality", "Gemeente Zonnedal")
        .await;
    let areas = format!("/municipalities/{org}/areas");

    // An upload's token is its first field: in the address, or after the file, it is refused.
    let import = format!("/municipalities/{org}/import");
    let token = admin.csrf().await;
    let file = || reqwest::multipart::Part::bytes(CSV.as_bytes().to_vec()).file_name("b.csv");
    let in_address = admin
        .post_multipart(
            &format!("{import}?csrf={token}"),
            reqwest::multipart::Form::new().part("file", file()),
        )
        .await;
    assert_eq!(in_address.status, 403, "{}", in_address.body);
    let after_the_file = admin
        .post_multipart(
            &import,
            reqwest::multipart::Form::new()
                .part("file", file())
                .text("csrf", token.clone()),
        )
        .await;
    assert_eq!(after_the_file.status, 403);

    // Importing needs the municipality's code first, and a bad code is explained.
    let early = admin
        .upload(
            &format!("/municipalities/{org}/import"),
            "b.csv",
            CSV.as_bytes().to_vec(),
        )
        .await;
    assert_eq!(early.status, 422);
    let bad = admin
        .post(&format!("/municipalities/{org}/code"), &[("code", "GM12")])
        .await;
    assert_eq!(bad.status, 422);
    bad.assert_contains("Een gemeentecode bestaat uit GM en vier cijfers")
        .assert_contains("value=\"GM12\"");
    let good = admin
        .post(
            &format!("/municipalities/{org}/code"),
            &[("code", "gm9901")],
        )
        .await;
    assert_eq!(good.status, 303);

    // A file with bad rows imports nothing and names every bad row.
    let refused = admin
        .upload(
            &format!("/municipalities/{org}/import"),
            "b.csv",
            BAD_CSV.as_bytes().to_vec(),
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    refused
        .assert_contains("Een wijkcode bestaat uit WK en zes cijfers")
        .assert_contains("Deze code hoort bij een andere gemeente")
        .assert_contains("<code>WK9901</code>");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM areas").await, 0);

    // A good file, twice: the second time changes nothing.
    for _ in 0..2 {
        let page = admin
            .upload(
                &format!("/municipalities/{org}/import"),
                "b.csv",
                CSV.as_bytes().to_vec(),
            )
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM areas").await, 5);
    assert_eq!(app.audit_count("areas.imported").await, 2);

    // Outlines from a GeoJSON file reach the map's data.
    let geojson = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"gemeentecode":"GM9901","wijkcode":"WK990101","wijknaam":"Centrum"},"geometry":{"type":"Polygon","coordinates":[[[5.9,52.2],[5.92,52.2],[5.92,52.22],[5.9,52.22],[5.9,52.2]]]}}]}"#;
    let page = admin
        .upload(
            &format!("/municipalities/{org}/import"),
            "wijken.geojson",
            geojson.as_bytes().to_vec(),
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let map = admin.get(&format!("{areas}.geojson")).await;
    assert_eq!(map.status, 200);
    let parsed: serde_json::Value = serde_json::from_str(&map.body).expect("GeoJSON");
    assert_eq!(parsed["features"][0]["properties"]["code"], "WK990101");
    assert_eq!(parsed["features"][0]["geometry"]["type"], "Polygon");

    // A detailed outline makes a file of megabytes: larger than a form, well within the limit.
    let ring: Vec<String> = (0..120_000)
        .map(|i| {
            let t = i as f64 / 120_000.0 * std::f64::consts::TAU;
            format!(
                "[{:.6},{:.6}]",
                5.91 + 0.01 * t.cos(),
                52.21 + 0.01 * t.sin()
            )
        })
        .chain(std::iter::once("[5.920000,52.210000]".to_owned()))
        .collect();
    let big = format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"wijkcode":"WK990102","wijknaam":"Noord"}},"geometry":{{"type":"Polygon","coordinates":[[{}]]}}}}]}}"#,
        ring.join(",")
    );
    assert!(big.len() > 2 * 1024 * 1024);
    let page = admin
        .upload(
            &format!("/municipalities/{org}/import"),
            "noord.geojson",
            big.into_bytes(),
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);

    // The page lists every area, also without script.
    let list = admin.get(&areas).await;
    assert_eq!(list.status, 200);
    list.assert_contains("Oude Kern")
        .assert_contains("BU99010201")
        .assert_contains("data-geojson");

    // By hand: a new buurt, a duplicate refused with the input kept, a rename.
    let added = admin
        .post(
            &areas,
            &[("area_code", "BU99010202"), ("area_name", "Vogelwijk")],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let duplicate = admin
        .post(
            &areas,
            &[("area_code", "BU99010202"), ("area_name", "Nog eens")],
        )
        .await;
    assert_eq!(duplicate.status, 422);
    duplicate.assert_contains("value=\"Nog eens\"");
    let elsewhere = admin
        .post(
            &areas,
            &[("area_code", "WK036301"), ("area_name", "Centrum")],
        )
        .await;
    assert_eq!(elsewhere.status, 422);
    let district = area_id(&app, "WK990101").await;
    let renamed = admin
        .post(&format!("{areas}/{district}"), &[("name", "Centrum-Oost")])
        .await;
    assert_eq!(renamed.status, 303);
    admin.get(&areas).await.assert_contains("Centrum-Oost");
    let empty = admin
        .post(&format!("{areas}/{district}"), &[("name", " ")])
        .await;
    assert_eq!(empty.status, 422);

    // Once areas exist, the code cannot change under them; another municipality cannot take
    // the same code; and another municipality's people see nothing.
    let change = admin
        .post(
            &format!("/municipalities/{org}/code"),
            &[("code", "GM0363")],
        )
        .await;
    assert_eq!(change.status, 422);
    let other = app.register("Elders", "pl@elders.example").await;
    let elders = app
        .create_org(&other, "municipality", "Gemeente Elders")
        .await;
    let taken = other
        .post(
            &format!("/municipalities/{elders}/code"),
            &[("code", "GM9901")],
        )
        .await;
    assert_eq!(taken.status, 422);
    assert_eq!(other.get(&areas).await.status, 403);
    assert_eq!(other.get(&format!("{areas}.geojson")).await.status, 403);
    // A platform import is for platform administrators only.
    assert_eq!(admin.get("/admin/areas/import").await.status, 403);
}

async fn initiatives_are_mapped_claimed_and_shown_to_the_right_people(app: TestApp) {
    let (admin, org) = app
        .municipality_with_areas("pl@zonnedal.example", "Gemeente Zonnedal")
        .await;
    let facilitator = app
        .register("Marloes", "begeleider@buurtkracht.example")
        .await;
    let facilitator_org = app
        .create_org(&facilitator, "facilitator", "Stichting Buurtkracht")
        .await;
    let registry = format!("/municipalities/{org}/initiatives");
    // Before the municipality lets it work there, the facilitator sees nothing.
    assert_eq!(facilitator.get(&registry).await.status, 403);
    let added = admin
        .post(
            &format!("/municipalities/{org}/facilitators"),
            &[("facilitator", &facilitator_org.to_string())],
        )
        .await;
    assert_eq!(added.status, 303);
    // Asked, not yet drawn in: it sees nothing until one of its administrators accepts.
    assert_eq!(facilitator.get(&registry).await.status, 403);
    let asked = app.dispatch_mail().await;
    assert!(
        asked
            .iter()
            .any(|m| m.contains("To: begeleider@buurtkracht.example")
                && m.contains("Gemeente Zonnedal vraagt Stichting Buurtkracht")),
        "{asked:?}"
    );
    assert_eq!(app.accept_requests(&facilitator, facilitator_org).await, 1);
    assert_eq!(facilitator.get(&registry).await.status, 200);

    // Mapping: a missing theme and a bad website are explained, the input kept.
    let linde = area_id(&app, "BU99010102").await.to_string();
    let refused = facilitator
        .post(
            &format!("{registry}/new"),
            &[
                ("name", "Sportclub De Linde"),
                ("legal_form", "association"),
                ("character", "technical"),
                ("website", "niet een adres"),
                ("description", "Zonnepanelen op de kantine"),
                ("areas", &linde),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    refused
        .assert_contains("value=\"Sportclub De Linde\"")
        .assert_contains("Zonnepanelen op de kantine")
        .assert_contains("aria-invalid=\"true\"");
    let mapped = facilitator
        .post(
            &format!("{registry}/new"),
            &[
                ("name", "Sportclub De Linde"),
                ("legal_form", "association"),
                ("character", "technical"),
                ("themes", "sport"),
                ("themes", "solar"),
                ("description", "Zonnepanelen op de kantine"),
                ("contact_email", "bestuur@sportclub.example"),
                ("areas", &linde),
                ("areas_of", &org.to_string()),
            ],
        )
        .await;
    assert_eq!(mapped.status, 303, "{}", mapped.body);
    let profile = mapped.location.clone();
    let initiative: i64 = profile.rsplit('/').next().unwrap().parse().unwrap();
    facilitator
        .get(&profile)
        .await
        .assert_contains("Stichting Buurtkracht")
        .assert_contains("De Linde");

    // The municipality sees it in the registry, with counts and filters.
    let page = admin.get(&registry).await;
    page.assert_contains("Sportclub De Linde");
    let district = area_id(&app, "WK990101").await;
    admin
        .get(&format!("{registry}?area={district}"))
        .await
        .assert_contains("Sportclub De Linde");
    let populieren = area_id(&app, "BU99010201").await;
    let none = admin.get(&format!("{registry}?area={populieren}")).await;
    assert!(!none.body.contains("Sportclub De Linde"));
    let none = admin.get(&format!("{registry}?theme=wind")).await;
    assert!(!none.body.contains("/initiatives/{initiative}\""));
    admin
        .get(&format!(
            "{registry}?q=kantine&theme=sport&sort=members&page=9"
        ))
        .await
        .assert_contains("Sportclub De Linde");
    // Nonsense in the query string is ignored, never an error.
    assert_eq!(
        admin
            .get(&format!("{registry}?area=x&theme=%00&page=-3&sort=;drop"))
            .await
            .status,
        200
    );
    let csv = admin.get(&format!("{registry}.csv?theme=sport")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.body.contains("Sportclub De Linde"), "{}", csv.body);
    assert!(csv.body.contains("BU99010102"));

    // Checked by someone else than who mapped it: not by the facilitator, by the municipality.
    facilitator
        .get(&profile)
        .await
        .assert_contains("Een andere organisatie, zoals de gemeente, controleert het");
    assert!(
        !facilitator
            .get(&profile)
            .await
            .body
            .contains(&format!("/initiatives/{initiative}/verify"))
    );
    let own_check = facilitator
        .post(&format!("/initiatives/{initiative}/verify"), &[])
        .await;
    assert_eq!(own_check.status, 403);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM initiative_profiles WHERE verified_at IS NOT NULL")
            .await,
        0
    );
    let verified = admin
        .post(&format!("/initiatives/{initiative}/verify"), &[])
        .await;
    assert_eq!(verified.status, 303);
    admin
        .get(&profile)
        .await
        .assert_contains("Gemeente Zonnedal");
    // The export gives the day it was checked, as a spreadsheet reads a date.
    let csv = admin.get(&format!("{registry}.csv?theme=sport")).await;
    let today = samenspel_web::format::today().to_string();
    let line = csv
        .body
        .lines()
        .find(|l| l.contains("Sportclub De Linde"))
        .expect("the initiative's line");
    assert!(line.contains(&format!(";{today};")), "{line}");

    // Another municipality's people, and visitors, see nothing of it.
    let other = app.register("Elders", "pl@elders.example").await;
    let elders = app
        .create_org(&other, "municipality", "Gemeente Elders")
        .await;
    assert_eq!(other.get(&registry).await.status, 403);
    assert_eq!(other.get(&profile).await.status, 403);
    assert_eq!(other.get(&format!("{registry}.csv")).await.status, 403);
    assert!(
        !other
            .get(&format!("/municipalities/{elders}/initiatives"))
            .await
            .body
            .contains("Sportclub")
    );
    let visitor = app.browser();
    assert!(visitor.get(&profile).await.location.starts_with("/login"));

    // The facilitator invites the club to claim its profile; whoever accepts owns it.
    let invited = facilitator
        .post(
            &format!("/initiatives/{initiative}/claim"),
            &[("email", "bestuur@sportclub.example")],
        )
        .await;
    assert_eq!(invited.status, 303, "{}", invited.body);
    let mails = app.dispatch_mail().await;
    let mail = mails
        .iter()
        .find(|m| m.contains("bestuur@sportclub.example"))
        .expect("claim mail");
    let link = link_in(mail, "/invitations/");
    let club = app.register("Bestuur", "bestuur@sportclub.example").await;
    assert_eq!(
        club.post(link.trim_start_matches(&app.base), &[])
            .await
            .status,
        303
    );
    // From now on the profile is the club's: the facilitator may look, not edit.
    assert_eq!(
        facilitator
            .get(&format!("/initiatives/{initiative}/edit"))
            .await
            .status,
        403
    );
    let edit = club.get(&format!("/initiatives/{initiative}/edit")).await;
    assert_eq!(edit.status, 200);
    edit.assert_contains("name=\"public\"");
    let public = club
        .post(
            &format!("/initiatives/{initiative}/edit"),
            &[
                ("municipality", &org.to_string()),
                ("areas_of", &org.to_string()),
                ("legal_form", "association"),
                ("character", "both"),
                ("themes", "sport"),
                ("member_count", "410"),
                ("founded_year", "1931"),
                ("public", "on"),
                ("areas", &linde),
            ],
        )
        .await;
    assert_eq!(public.status, 303, "{}", public.body);
    // Public: anyone may read it now, the other municipality too; nobody else may edit it.
    let seen = visitor.get(&profile).await;
    assert_eq!(seen.status, 200);
    seen.assert_contains("Sportclub De Linde");
    assert_eq!(other.get(&profile).await.status, 200);
    assert_eq!(
        other
            .get(&format!("/initiatives/{initiative}/edit"))
            .await
            .status,
        403
    );
    // A track record entry, with bad input explained.
    let bad_project = club
        .post(
            &format!("/initiatives/{initiative}/projects"),
            &[("project-year", "twintig"), ("project-title", "")],
        )
        .await;
    assert_eq!(bad_project.status, 422);
    bad_project.assert_contains("value=\"twintig\"");
    let project = club
        .post(
            &format!("/initiatives/{initiative}/projects"),
            &[
                ("project-year", "2019"),
                ("project-title", "Ledverlichting op het veld"),
                ("project-result", "40% minder stroom"),
            ],
        )
        .await;
    assert_eq!(project.status, 303);
    visitor
        .get(&profile)
        .await
        .assert_contains("Ledverlichting op het veld");
    // A second entry, typed by mistake, is removed after the question.
    let mistake = club
        .post(
            &format!("/initiatives/{initiative}/projects"),
            &[
                ("project-year", "2020"),
                ("project-title", "Dubbel ingevoerd"),
            ],
        )
        .await;
    assert_eq!(mistake.status, 303);
    let id = app
        .scalar("SELECT id FROM initiative_projects WHERE title = 'Dubbel ingevoerd'")
        .await;
    let remove = format!("/initiatives/{initiative}/projects/{id}/remove");
    let asked = club.post(&remove, &[]).await;
    assert_eq!(asked.status, 200);
    asked.assert_contains("“Dubbel ingevoerd” verwijderen?");
    visitor
        .get(&profile)
        .await
        .assert_contains("Dubbel ingevoerd");
    assert_eq!(club.post(&remove, &[("confirm", "yes")]).await.status, 303);
    let after = visitor.get(&profile).await;
    assert!(!after.body.contains("Dubbel ingevoerd"));
    after.assert_contains("Ledverlichting op het veld");
    // The facilitator leaves Zonnedal: its registry is closed to them again.
    let removed = admin
        .post(
            &format!("/municipalities/{org}/facilitators/{facilitator_org}/remove"),
            &[],
        )
        .await;
    assert_eq!(removed.status, 200, "asks first");
    assert_eq!(facilitator.get(&registry).await.status, 200);
    let removed = admin
        .post(
            &format!("/municipalities/{org}/facilitators/{facilitator_org}/remove"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(removed.status, 303);
    assert_eq!(facilitator.get(&registry).await.status, 403);
    // Every change is in the audit log, and asking first recorded nothing.
    for (action, count) in [
        ("initiative.mapped", 1),
        ("initiative.verified", 1),
        ("initiative.profile_updated", 1),
        ("initiative.project_added", 2),
        ("initiative.project_removed", 1),
        ("municipality.facilitator_added", 1),
        ("municipality.facilitator_removed", 1),
    ] {
        assert_eq!(app.audit_count(action).await, count, "{action}");
    }
}

async fn an_initiative_creates_its_own_profile_in_english(app: TestApp) {
    let (_admin, org) = app
        .municipality_with_areas("pl@zonnedal.example", "Gemeente Zonnedal")
        .await;
    let group = app.english_browser();
    assert_eq!(
        group
            .post(
                "/register",
                &[
                    ("name", "Emma"),
                    ("email", "emma@populieren.example"),
                    ("password", crate::support::PASSWORD),
                    ("language", "en"),
                ],
            )
            .await
            .status,
        200
    );
    app.activate(&group, "emma@populieren.example").await;
    let initiative = app
        .create_org(&group, "initiative", "Heat group Populierenbuurt")
        .await;
    let empty = group.get(&format!("/initiatives/{initiative}")).await;
    assert_eq!(empty.status, 200);
    // Choosing the municipality shows its areas.
    let form = group
        .get(&format!(
            "/initiatives/{initiative}/edit?municipality={org}"
        ))
        .await;
    assert_eq!(form.status, 200);
    form.assert_contains("Populierenbuurt")
        .assert_contains("lang=\"en\"");
    // Showing the areas of the municipality chosen in the form keeps what was typed, and
    // saves nothing.
    let shown = group
        .post(
            &format!("/initiatives/{initiative}/edit"),
            &[
                ("municipality", &org.to_string()),
                ("show_areas", "yes"),
                ("description", "Typed before the areas were shown."),
            ],
        )
        .await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    shown
        .assert_contains("Typed before the areas were shown.")
        .assert_contains("Populierenbuurt")
        .assert_contains(&format!("name=\"areas_of\" value=\"{org}\""));
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM initiative_profiles").await,
        0
    );
    // No municipality chosen: explained in English, input kept.
    let refused = group
        .post(
            &format!("/initiatives/{initiative}/edit"),
            &[("themes", "heat"), ("does_not_do", "We sell nothing.")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .assert_contains("We sell nothing.")
        .assert_contains("aria-invalid");
    let populieren = area_id(&app, "BU99010201").await.to_string();
    let saved = group
        .post(
            &format!("/initiatives/{initiative}/edit"),
            &[
                ("municipality", &org.to_string()),
                ("areas_of", &org.to_string()),
                ("legal_form", "none"),
                ("character", "technical"),
                ("themes", "heat"),
                ("areas", &populieren),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    // Areas of another municipality are refused.
    let refused = group
        .post(
            &format!("/initiatives/{initiative}/edit"),
            &[
                ("municipality", &org.to_string()),
                ("areas_of", &org.to_string()),
                ("legal_form", "none"),
                ("character", "technical"),
                ("themes", "heat"),
                ("areas", "999999"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    let page = group.get(&format!("/initiatives/{initiative}")).await;
    page.assert_contains("Populierenbuurt");
    // The hub lists the group's own profile.
    group
        .get("/initiatives")
        .await
        .assert_contains(&format!("/initiatives/{initiative}"));
}

/// A municipality of more than `LISTED_IN_FULL` (200) areas: its areas page and its registry's
/// area filter list the districts, and the neighbourhoods of one district on demand; the forms
/// that choose areas fold each district's neighbourhoods away.
async fn a_large_municipality_lists_its_districts_first(app: TestApp) {
    let mut csv = String::from("gemeentecode;gemeentenaam;wijkcode;wijknaam;buurtcode;buurtnaam\n");
    for w in 1..=3 {
        for b in 1..=70 {
            csv.push_str(&format!(
                "GM9902;Grootstad;WK99020{w};Wijk {w};BU99020{w}{b:02};Buurt {w}-{b:02}\n"
            ));
        }
    }
    let (admin, org) = app
        .municipality_importing("pl@grootstad.example", "Gemeente Grootstad", "GM9902", &csv)
        .await;
    let wijk2 = app
        .scalar("SELECT id FROM areas WHERE code = 'WK990202'")
        .await;
    let buurt2 = app
        .scalar("SELECT id FROM areas WHERE code = 'BU99020207'")
        .await;
    let areas = format!("/municipalities/{org}/areas");

    // The districts, each with a link to its neighbourhoods; the totals stay whole.
    let list = admin.get(&areas).await;
    assert_eq!(list.status, 200);
    list.assert_contains("Wijken: 3")
        .assert_contains("Buurten: 210")
        .assert_contains("open een wijk om haar buurten te zien")
        .assert_contains(&format!(
            "href=\"{areas}?district={wijk2}#area_{wijk2}\">Buurten van Wijk 2 tonen (70)"
        ));
    assert!(!list.body.contains("Buurt 1-01"));

    // Opening a district (by itself or by one of its neighbourhoods) lists its neighbourhoods.
    for open in [wijk2, buurt2] {
        let opened = admin.get(&format!("{areas}?district={open}")).await;
        assert_eq!(opened.status, 200);
        opened
            .assert_contains(&format!("id=\"area_{buurt2}\""))
            .assert_contains("Buurt 2-70")
            .assert_contains("Buurten van Wijk 1 tonen (70)");
        assert!(!opened.body.contains("Buurt 1-01"));
        assert!(!opened.body.contains("Buurten van Wijk 2 tonen"));
    }
    let nonsense = admin.get(&format!("{areas}?district=abc")).await;
    assert_eq!(nonsense.status, 200);
    assert!(!nonsense.body.contains("Buurt 2-07"));

    // Renaming a neighbourhood comes back to it, its district open.
    let renamed = admin
        .post(&format!("{areas}/{buurt2}"), &[("name", "Buurt Zeven")])
        .await;
    assert_eq!(renamed.status, 303, "{}", renamed.body);
    assert_eq!(
        renamed.location,
        format!("{areas}?district={buurt2}#area_{buurt2}")
    );
    admin
        .get(&renamed.location)
        .await
        .assert_contains("Buurt Zeven");

    // So does adding one.
    let added = admin
        .post(
            &areas,
            &[("area_code", "BU99020371"), ("area_name", "Nieuwe Buurt")],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let new = app
        .scalar("SELECT id FROM areas WHERE code = 'BU99020371'")
        .await;
    assert_eq!(added.location, format!("{areas}?district={new}#area_{new}"));
    admin
        .get(&added.location)
        .await
        .assert_contains(&format!("id=\"area_{new}\""))
        .assert_contains("Nieuwe Buurt")
        .assert_contains("Buurt 3-70");

    // The registry's area filter: districts only, with a hint; a chosen district adds its own.
    let registry = format!("/municipalities/{org}/initiatives");
    let filter = admin.get(&registry).await;
    assert_eq!(filter.status, 200);
    filter
        .assert_contains("aria-describedby=\"filter_area_hint\"")
        .assert_contains("Kies een wijk en klik op Zoeken")
        .assert_contains(&format!("<option value=\"{wijk2}\">Wijk 2 (0)</option>"));
    assert!(!filter.body.contains("Buurt 2-01"));
    let chosen = admin.get(&format!("{registry}?area={wijk2}")).await;
    assert_eq!(chosen.status, 200);
    chosen
        .assert_contains(&format!(
            "<option value=\"{wijk2}\" selected>Wijk 2 (0)</option>"
        ))
        .assert_contains("— Buurt 2-01 (0)");
    assert!(!chosen.body.contains("Buurt 1-01"));

    // Forms that choose areas offer every one, each district's neighbourhoods folded away
    // (`<details>`), open where one of them is chosen.
    let mapping = admin.get(&format!("{registry}/new")).await;
    assert_eq!(mapping.status, 200);
    mapping
        .assert_contains("open een wijk om een of meer van haar buurten te kiezen")
        .assert_contains("<details><summary class=\"ss-indent\">Buurten van Wijk 2 (70)</summary>")
        .assert_contains("Buurt 3-70");
    assert!(!mapping.body.contains("<details open>"));
    let refused = admin
        .post(
            &format!("{registry}/new"),
            &[
                ("name", "Buurtvereniging Zeven"),
                ("legal_form", "association"),
                ("character", "participation"),
                ("website", "niet een adres"),
                ("areas", &buurt2.to_string()),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    refused
        .assert_contains(
            "<details open><summary class=\"ss-indent\">Buurten van Wijk 2 (70)</summary>",
        )
        .assert_contains(&format!("value=\"{buurt2}\" checked"));
    assert_eq!(refused.body.matches("<details open>").count(), 1);
    admin
        .get(&format!("/municipalities/{org}/approaches/new"))
        .await
        .assert_contains("<details><summary class=\"ss-indent\">Buurten van Wijk 1 (70)</summary>");

    // In English.
    let english = admin
        .post("/account", &[("name", "Projectleider"), ("language", "en")])
        .await;
    assert_eq!(english.status, 303, "{}", english.body);
    admin
        .get(&areas)
        .await
        .assert_contains("open a district to see its neighbourhoods")
        .assert_contains("Show the neighbourhoods of Wijk 2 (70)");
    admin
        .get(&registry)
        .await
        .assert_contains("Choose a district and press Search");
    admin
        .get(&format!("{registry}/new"))
        .await
        .assert_contains("open a district to choose one or more of its neighbourhoods")
        .assert_contains("Neighbourhoods of Wijk 3 (71)");
}

on_both_databases!(
    areas_are_set_up_imported_and_mapped,
    initiatives_are_mapped_claimed_and_shown_to_the_right_people,
    an_initiative_creates_its_own_profile_in_english,
    a_large_municipality_lists_its_districts_first,
);
