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
        let (zonnedal, other) = app
            .db
            .write(move |c| {
                let email = Email::parse("gemeente@example.nl").unwrap();
                let new = users::NewUser {
                    email: &email,
                    name: &PersonName::parse("G").unwrap(),
                    password_hash: "x",
                    language: Language::Nl,
                    platform_admin: false,
                };
                let user = users::create(c, &new, now)?;
                let (zonnedal, _) = organisations::create(
                    c,
                    OrgKind::Municipality,
                    &OrgName::parse("Gemeente Zonnedal").unwrap(),
                    user,
                    now,
                )?;
                let (other, _) = organisations::create(
                    c,
                    OrgKind::Municipality,
                    &OrgName::parse("Gemeente Elders").unwrap(),
                    user,
                    now,
                )?;
                areas::set_municipality_code(
                    c,
                    zonnedal,
                    &MunicipalityCode::parse("GM9901").unwrap(),
                )?;
                Ok::<_, StoreError>((zonnedal, other))
            })
            .await
            .expect("user, organisations and code");
        // On PostgreSQL a refused statement ends its transaction, so the attempt gets its own.
        let taken = app
            .db
            .write(move |c| {
                areas::set_municipality_code(c, other, &MunicipalityCode::parse("GM9901").unwrap())
            })
            .await;
        assert!(
            matches!(taken, Err(StoreError::Conflict(_))),
            "{backend:?}: a GM code belongs to one municipality"
        );

        let records = vec![
            neighbourhood("BU99010101", "Oude Dorp"),
            district("WK990101", "Centrum"),
            neighbourhood("BU99010102", "Molenbuurt"),
        ];
        let first = app
            .db
            .write({
                let records = records.clone();
                move |c| areas::upsert(c, zonnedal, &records, now)
            })
            .await
            .expect("import");
        assert_eq!(
            first,
            ImportOutcome {
                created: 3,
                updated: 0,
                unchanged: 0
            },
            "{backend:?}"
        );

        let (again, renamed) = app
            .db
            .write(move |c| {
                let again = areas::upsert(c, zonnedal, &records, now)?;
                let renamed =
                    areas::upsert(c, zonnedal, &[district("WK990101", "Centrum-Noord")], now)?;
                Ok::<_, StoreError>((again, renamed))
            })
            .await
            .expect("import again, then rename");
        assert_eq!(
            again,
            ImportOutcome {
                created: 0,
                updated: 0,
                unchanged: 3
            },
            "{backend:?}: the same file changes nothing"
        );
        assert_eq!(renamed.updated, 1);
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
            let refused = app
                .db
                .write(move |c| areas::upsert(c, org, &records, now))
                .await;
            assert!(
                matches!(refused, Err(StoreError::Refused(k)) if k == key),
                "{backend:?}: {key}"
            );
        }

        let (list, code) = app
            .db
            .read(move |c| {
                Ok::<_, StoreError>((
                    areas::list(c, zonnedal)?,
                    areas::municipality_code(c, zonnedal)?,
                ))
            })
            .await
            .expect("list and code");
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
        assert_eq!(code.map(|c| c.as_str().to_owned()), Some("GM9901".into()));
    }
}
