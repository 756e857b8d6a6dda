//! Areas: a municipality's districts (wijken) and neighbourhoods (buurten), identified by their
//! CBS codes. Imports upsert by code, so importing the same file again changes nothing and a
//! newer file updates names and outlines.

use crate::{AreaId, Exec, OrgId, Result, StoreError, dispatch};
pub use samenspel_domain::areas::AreaRecord;
use samenspel_domain::areas::{AreaKind, AreaName, MunicipalityCode};
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
/// district is neither in the records nor already stored is refused.
pub async fn upsert(
    mut ex: Exec<'_>,
    municipality: OrgId,
    records: &[AreaRecord],
    now: OffsetDateTime,
) -> Result<ImportOutcome> {
    let mut outcome = ImportOutcome::default();
    for record in records {
        if let AreaRecord::District {
            code,
            name,
            geometry,
        } = record
        {
            let change = upsert_one(
                ex.reborrow(),
                municipality,
                AreaKind::District,
                code.as_str(),
                name,
                geometry.as_deref(),
                None,
                now,
            )
            .await?;
            tally(&mut outcome, change);
        }
    }
    for record in records {
        if let AreaRecord::Neighbourhood {
            code,
            name,
            geometry,
        } = record
        {
            let district = by_code(ex.reborrow(), municipality, code.district().as_str())
                .await?
                .ok_or(StoreError::Refused("error-import-district-missing"))?;
            let change = upsert_one(
                ex.reborrow(),
                municipality,
                AreaKind::Neighbourhood,
                code.as_str(),
                name,
                geometry.as_deref(),
                Some(district.id),
                now,
            )
            .await?;
            tally(&mut outcome, change);
        }
    }
    Ok(outcome)
}

enum Change {
    Created,
    Updated,
    Unchanged,
}

fn tally(outcome: &mut ImportOutcome, change: Change) {
    match change {
        Change::Created => outcome.created += 1,
        Change::Updated => outcome.updated += 1,
        Change::Unchanged => outcome.unchanged += 1,
    }
}

#[allow(clippy::too_many_arguments)]
async fn upsert_one(
    mut ex: Exec<'_>,
    municipality: OrgId,
    kind: AreaKind,
    code: &str,
    name: &AreaName,
    geometry: Option<&str>,
    parent: Option<AreaId>,
    now: OffsetDateTime,
) -> Result<Change> {
    let existing = by_code(ex.reborrow(), municipality, code).await?;
    match existing {
        None => {
            let sql = "INSERT INTO areas (municipality_id, kind, code, name, parent_id, geometry, created_at, updated_at) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";
            dispatch!(ex, c => sqlx::query(sql)
                .bind(municipality).bind(kind.as_str()).bind(code).bind(name.as_str()).bind(parent).bind(geometry).bind(now)
                .execute(c).await?.rows_affected());
            Ok(Change::Created)
        }
        Some(area)
            if area.name == name.as_str()
                && (geometry.is_none() || area.geometry.as_deref() == geometry)
                && area.parent_id == parent =>
        {
            Ok(Change::Unchanged)
        }
        Some(area) => {
            // A file without outlines keeps the outline already stored.
            let sql = "UPDATE areas SET name = $2, geometry = COALESCE($3, geometry), parent_id = $4, updated_at = $5 WHERE id = $1";
            dispatch!(ex, c => sqlx::query(sql)
                .bind(area.id).bind(name.as_str()).bind(geometry).bind(parent).bind(now)
                .execute(c).await?.rows_affected());
            Ok(Change::Updated)
        }
    }
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
