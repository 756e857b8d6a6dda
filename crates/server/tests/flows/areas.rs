//! Areas in the store: municipality codes, importing districts and neighbourhoods by upsert.

use crate::support::{TestApp, backends};
use samenspel_domain::Language;
use samenspel_domain::accounts::{Email, PersonName};
use samenspel_domain::areas::{AreaName, DistrictCode, MunicipalityCode, NeighbourhoodCode};
use samenspel_domain::organisations::{OrgKind, OrgName};
use samenspel_store::areas::{self, AreaRecord, ImportOutcome};
use samenspel_store::{StoreError, organisations, users};

fn district(code: &str, name: &str) -> AreaRecord {
    AreaRecord::District {
        code: DistrictCode::parse(code).unwrap(),
        name: AreaName::parse(name).unwrap(),
        geometry: None,
    }
}

fn neighbourhood(code: &str, name: &str) -> AreaRecord {
    AreaRecord::Neighbourhood {
        code: NeighbourhoodCode::parse(code).unwrap(),
        name: AreaName::parse(name).unwrap(),
        geometry: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn importing_areas_is_an_idempotent_upsert() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let now = samenspel_store::now();
        let mut tx = app.db.begin().await.expect("begin");
        let email = Email::parse("gemeente@example.nl").unwrap();
        let new = users::NewUser {
            email: &email,
            name: &PersonName::parse("G").unwrap(),
            password_hash: "x",
            language: Language::Nl,
            platform_admin: false,
        };
        let user = users::create(&mut tx.ex(), &new, now).expect("user");
        let (zonnedal, _) = organisations::create(
            &mut tx.ex(),
            OrgKind::Municipality,
            &OrgName::parse("Gemeente Zonnedal").unwrap(),
            user,
            now,
        )
        .expect("org");
        let (other, _) = organisations::create(
            &mut tx.ex(),
            OrgKind::Municipality,
            &OrgName::parse("Gemeente Elders").unwrap(),
            user,
            now,
        )
        .expect("org");
        areas::set_municipality_code(
            &mut tx.ex(),
            zonnedal,
            &MunicipalityCode::parse("GM9901").unwrap(),
        )
        .expect("code");
        tx.commit().await.expect("commit");
        // On PostgreSQL a refused statement ends its transaction, so the attempt gets its own.
        let mut tx = app.db.begin().await.expect("begin");
        let taken = areas::set_municipality_code(
            &mut tx.ex(),
            other,
            &MunicipalityCode::parse("GM9901").unwrap(),
        );
        assert!(
            matches!(taken, Err(StoreError::Conflict(_))),
            "{backend:?}: a GM code belongs to one municipality"
        );
        drop(tx);

        let records = vec![
            neighbourhood("BU99010101", "Oude Dorp"),
            district("WK990101", "Centrum"),
            neighbourhood("BU99010102", "Molenbuurt"),
        ];
        let mut tx = app.db.begin().await.expect("begin");
        let first = areas::upsert(&mut tx.ex(), zonnedal, &records, now).expect("import");
        tx.commit().await.expect("commit");
        assert_eq!(
            first,
            ImportOutcome {
                created: 3,
                updated: 0,
                unchanged: 0
            },
            "{backend:?}"
        );

        let mut tx = app.db.begin().await.expect("begin");
        let again = areas::upsert(&mut tx.ex(), zonnedal, &records, now).expect("import again");
        assert_eq!(
            again,
            ImportOutcome {
                created: 0,
                updated: 0,
                unchanged: 3
            },
            "{backend:?}: the same file changes nothing"
        );
        let renamed = areas::upsert(
            &mut tx.ex(),
            zonnedal,
            &[district("WK990101", "Centrum-Noord")],
            now,
        )
        .expect("rename");
        assert_eq!(renamed.updated, 1);
        tx.commit().await.expect("commit");
        for (org, records, key) in [
            (
                zonnedal,
                vec![neighbourhood("BU99010201", "Nergens")],
                "error-import-district-missing",
            ),
            (
                other,
                vec![district("WK990101", "Kaping")],
                "error-import-other-municipality",
            ),
        ] {
            let mut tx = app.db.begin().await.expect("begin");
            let refused = areas::upsert(&mut tx.ex(), org, &records, now);
            assert!(
                matches!(refused, Err(StoreError::Refused(k)) if k == key),
                "{backend:?}: {key}"
            );
        }

        let mut conn = app.db.conn().await.expect("conn");
        let list = areas::list(&mut conn.ex(), zonnedal).expect("list");
        let codes: Vec<_> = list
            .iter()
            .map(|a| (a.code.as_str(), a.name.as_str(), a.parent_id.is_some()))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("BU99010101", "Oude Dorp", true),
                ("BU99010102", "Molenbuurt", true),
                ("WK990101", "Centrum-Noord", false)
            ]
        );
        assert_eq!(
            areas::municipality_code(&mut conn.ex(), zonnedal)
                .expect("code")
                .map(|c| c.as_str().to_owned()),
            Some("GM9901".into())
        );
    }
}
