//! Areas: a municipality's districts (wijken) and neighbourhoods (buurten), identified by their
//! CBS codes. Imports upsert by code, so importing the same file again changes nothing and a
//! newer file updates names and outlines.

use crate::{AreaId, Exec, OrgId, Result, StoreError, dispatch};
pub use samenspel_domain::areas::AreaRecord;
use samenspel_domain::areas::{AreaKind, AreaName, MunicipalityCode};
use std::collections::HashMap;
use time::OffsetDateTime;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Area {
    pub id: AreaId,
    pub municipality_id: OrgId,
    pub kind: String,
    pub code: String,
    pub name: String,
    pub parent_id: Option<AreaId>,
    pub geometry: Option<String>,
    pub updated_at: OffsetDateTime,
}

/// Gives a municipality its CBS code. Another municipality with the same code is a conflict.
pub async fn set_municipality_code(
    ex: Exec<'_>,
    org: OrgId,
    code: &MunicipalityCode,
) -> Result<()> {
    let sql = "UPDATE organisations SET cbs_code = $2 WHERE id = $1 AND kind = 'municipality'";
    let changed = dispatch!(ex, c => sqlx::query(sql).bind(org).bind(code.as_str()).execute(c).await?.rows_affected());
    if changed == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

pub async fn municipality_code(ex: Exec<'_>, org: OrgId) -> Result<Option<MunicipalityCode>> {
    let sql = "SELECT cbs_code FROM organisations WHERE id = $1";
    let code: Option<Option<String>> =
        dispatch!(ex, c => sqlx::query_scalar(sql).bind(org).fetch_optional(c).await?);
    Ok(code
        .flatten()
        .and_then(|c| MunicipalityCode::parse(&c).ok()))
}

/// What an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// Creates or updates the records, districts before the neighbourhoods that lie in them. Call
/// inside a transaction, so that a failure leaves nothing half-imported. A neighbourhood whose
/// district is neither in the records nor already stored is refused, and so is a code that
/// another municipality already has.
///
/// The municipality's areas are read once; only new and changed areas are written.
pub async fn upsert(
    mut ex: Exec<'_>,
    municipality: OrgId,
    records: &[AreaRecord],
    now: OffsetDateTime,
) -> Result<ImportOutcome> {
    let sql = "SELECT id, municipality_id, kind, code, name, parent_id, geometry, updated_at FROM areas \
               WHERE municipality_id = $1";
    let stored: Vec<Area> =
        dispatch!(ex.reborrow(), c => sqlx::query_as(sql).bind(municipality).fetch_all(c).await?);
    let mut stored: HashMap<String, Area> =
        stored.into_iter().map(|a| (a.code.clone(), a)).collect();
    let mut outcome = ImportOutcome::default();
    // Districts first: the records come in any order.
    let districts = records.iter().filter_map(|r| match r {
        AreaRecord::District {
            code,
            name,
            geometry,
        } => Some((AreaKind::District, code.as_str(), name, geometry, None)),
        AreaRecord::Neighbourhood { .. } => None,
    });
    let neighbourhoods = records.iter().filter_map(|r| match r {
        AreaRecord::Neighbourhood {
            code,
            name,
            geometry,
        } => Some((
            AreaKind::Neighbourhood,
            code.as_str(),
            name,
            geometry,
            Some(code.district()),
        )),
        AreaRecord::District { .. } => None,
    });
    for (kind, code, name, geometry, district) in districts.chain(neighbourhoods) {
        let parent = match &district {
            None => None,
            Some(district) => Some(
                stored
                    .get(district.as_str())
                    .map(|d| d.id)
                    .ok_or(StoreError::Refused("error-import-district-missing"))?,
            ),
        };
        let geometry = geometry.as_deref();
        match stored.get(code) {
            None => {
                let sql = "INSERT INTO areas (municipality_id, kind, code, name, parent_id, geometry, created_at, updated_at) \
                           VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";
                let inserted: Result<AreaId> = async {
                    Ok(dispatch!(ex.reborrow(), c => sqlx::query_scalar(sql)
                        .bind(municipality).bind(kind.as_str()).bind(code).bind(name.as_str())
                        .bind(parent).bind(geometry).bind(now)
                        .fetch_one(c).await?))
                }
                .await;
                let id = match inserted {
                    Ok(id) => id,
                    // Codes are unique across the country: another municipality has this one.
                    Err(StoreError::Conflict(_)) => {
                        return Err(StoreError::Refused("error-import-other-municipality"));
                    }
                    Err(other) => return Err(other),
                };
                stored.insert(
                    code.to_owned(),
                    Area {
                        id,
                        municipality_id: municipality,
                        kind: kind.as_str().to_owned(),
                        code: code.to_owned(),
                        name: name.as_str().to_owned(),
                        parent_id: parent,
                        geometry: geometry.map(str::to_owned),
                        updated_at: now,
                    },
                );
                outcome.created += 1;
            }
            Some(area)
                if area.name == name.as_str()
                    && (geometry.is_none() || area.geometry.as_deref() == geometry)
                    && area.parent_id == parent =>
            {
                outcome.unchanged += 1;
            }
            Some(area) => {
                // A file without outlines keeps the outline already stored.
                let sql = "UPDATE areas SET name = $2, geometry = COALESCE($3, geometry), parent_id = $4, updated_at = $5 WHERE id = $1";
                dispatch!(ex.reborrow(), c => sqlx::query(sql)
                    .bind(area.id).bind(name.as_str()).bind(geometry).bind(parent).bind(now)
                    .execute(c).await?.rows_affected());
                outcome.updated += 1;
            }
        }
    }
    Ok(outcome)
}

/// An area of the municipality by its code. A code that belongs to another municipality's
/// area is refused: codes are unique across the country.
pub async fn by_code(ex: Exec<'_>, municipality: OrgId, code: &str) -> Result<Option<Area>> {
    let sql = "SELECT id, municipality_id, kind, code, name, parent_id, geometry, updated_at FROM areas WHERE code = $1";
    let area: Option<Area> =
        dispatch!(ex, c => sqlx::query_as(sql).bind(code).fetch_optional(c).await?);
    match area {
        Some(area) if area.municipality_id != municipality => {
            Err(StoreError::Refused("error-import-other-municipality"))
        }
        other => Ok(other),
    }
}

/// The municipality's areas by code, without outlines (they can be large).
pub async fn list(ex: Exec<'_>, municipality: OrgId) -> Result<Vec<Area>> {
    let sql = "SELECT id, municipality_id, kind, code, name, parent_id, NULL AS geometry, updated_at FROM areas \
               WHERE municipality_id = $1 ORDER BY code";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(municipality).fetch_all(c).await?))
}

/// An area as lists and choices name it, without its outline and times.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Named {
    pub id: AreaId,
    pub code: String,
    pub name: String,
    pub parent_id: Option<AreaId>,
    /// Of a district: how many neighbourhoods it has, whether they are listed or not; of a
    /// neighbourhood: 0.
    pub neighbourhoods: i64,
}

/// The municipality's districts by code, each with its number of neighbourhoods, and the
/// neighbourhoods of the district `open` (that district or one of its neighbourhoods), or of
/// every district when the municipality has at most `all_up_to` areas. A large city has over
/// a thousand: its lists show the districts and one district's neighbourhoods at a time.
pub async fn overview(
    ex: Exec<'_>,
    municipality: OrgId,
    open: Option<AreaId>,
    all_up_to: i64,
) -> Result<Vec<Named>> {
    let sql = "SELECT a.id, a.code, a.name, a.parent_id, \
                      (SELECT COUNT(*) FROM areas n WHERE n.parent_id = a.id) AS neighbourhoods \
               FROM areas a WHERE a.municipality_id = $1 AND (a.parent_id IS NULL \
                 OR a.parent_id = (SELECT COALESCE(o.parent_id, o.id) FROM areas o \
                                   WHERE o.id = $2 AND o.municipality_id = $1) \
                 OR (SELECT COUNT(*) FROM areas t WHERE t.municipality_id = $1) <= $3) \
               ORDER BY a.code";
    Ok(
        dispatch!(ex, c => sqlx::query_as(sql).bind(municipality).bind(open).bind(all_up_to).fetch_all(c).await?),
    )
}

/// One of the municipality's areas.
pub async fn by_id(ex: Exec<'_>, municipality: OrgId, id: AreaId) -> Result<Option<Area>> {
    let sql = "SELECT id, municipality_id, kind, code, name, parent_id, NULL AS geometry, updated_at FROM areas \
               WHERE id = $1 AND municipality_id = $2";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(id).bind(municipality).fetch_optional(c).await?))
}

/// The codes of the municipality's districts, for reading a file whose neighbourhoods lie in
/// districts stored earlier.
pub async fn district_codes(ex: Exec<'_>, municipality: OrgId) -> Result<Vec<String>> {
    let sql = "SELECT code FROM areas WHERE municipality_id = $1 AND kind = 'district'";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).bind(municipality).fetch_all(c).await?))
}

/// Renames one of the municipality's areas; `false` when it has no such area.
pub async fn rename(
    ex: Exec<'_>,
    municipality: OrgId,
    id: AreaId,
    name: &AreaName,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE areas SET name = $3, updated_at = $4 WHERE id = $1 AND municipality_id = $2";
    let changed = dispatch!(ex, c => sqlx::query(sql).bind(id).bind(municipality).bind(name.as_str()).bind(now).execute(c).await?.rows_affected());
    Ok(changed == 1)
}

/// The municipality's areas with their outlines, for the map.
pub async fn with_outlines(ex: Exec<'_>, municipality: OrgId) -> Result<Vec<Area>> {
    let sql = "SELECT id, municipality_id, kind, code, name, parent_id, geometry, updated_at FROM areas \
               WHERE municipality_id = $1 ORDER BY code";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(municipality).fetch_all(c).await?))
}

/// Municipalities by CBS code, for a file that covers several of them.
pub async fn municipalities_by_code(ex: Exec<'_>) -> Result<HashMap<String, OrgId>> {
    let sql = "SELECT cbs_code, id FROM organisations WHERE kind = 'municipality' AND cbs_code IS NOT NULL";
    let rows: Vec<(String, OrgId)> = dispatch!(ex, c => sqlx::query_as(sql).fetch_all(c).await?);
    Ok(rows.into_iter().collect())
}

/// Every stored district code, for a file that covers several municipalities.
pub async fn all_district_codes(ex: Exec<'_>) -> Result<Vec<String>> {
    let sql = "SELECT code FROM areas WHERE kind = 'district'";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).fetch_all(c).await?))
}
