//! Areas: a municipality's districts (wijken) and neighbourhoods (buurten), identified by their
//! CBS codes. Imports upsert by code, so importing the same file again changes nothing and a
//! newer file updates names and outlines.

use crate::sql::Sql;
use crate::{AreaId, OrgId, Result, StoreError, params};
pub use samenspel_domain::areas::AreaRecord;
use samenspel_domain::areas::{AreaKind, AreaName, MunicipalityCode};
use std::collections::HashMap;
use time::OffsetDateTime;

crate::row! {
    #[derive(Debug, Clone)]
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
}

/// Gives a municipality its CBS code. Another municipality with the same code is a conflict.
pub fn set_municipality_code(c: &mut Sql<'_>, org: OrgId, code: &MunicipalityCode) -> Result<()> {
    let sql = "UPDATE organisations SET cbs_code = $2 WHERE id = $1 AND kind = 'municipality'";
    let changed = c.execute(sql, params![org, code.as_str()])?;
    if changed == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

pub fn municipality_code(c: &mut Sql<'_>, org: OrgId) -> Result<Option<MunicipalityCode>> {
    let sql = "SELECT cbs_code FROM organisations WHERE id = $1";
    let code: Option<Option<String>> = c.optional_scalar(sql, params![org])?;
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
pub fn upsert(
    c: &mut Sql<'_>,
    municipality: OrgId,
    records: &[AreaRecord],
    now: OffsetDateTime,
) -> Result<ImportOutcome> {
    let sql = "SELECT id, municipality_id, kind, code, name, parent_id, geometry, updated_at FROM areas \
               WHERE municipality_id = $1";
    let stored: Vec<Area> = c.all(sql, params![municipality])?;
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
                let inserted: Result<AreaId> = c.scalar(
                    sql,
                    params![
                        municipality,
                        kind.as_str(),
                        code,
                        name.as_str(),
                        parent,
                        geometry,
                        now
                    ],
                );
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
                c.execute(sql, params![area.id, name.as_str(), geometry, parent, now])?;
                outcome.updated += 1;
            }
        }
    }
    Ok(outcome)
}

/// An area of the municipality by its code. A code that belongs to another municipality's
/// area is refused: codes are unique across the country.
pub fn by_code(c: &mut Sql<'_>, municipality: OrgId, code: &str) -> Result<Option<Area>> {
    let sql = "SELECT id, municipality_id, kind, code, name, parent_id, geometry, updated_at FROM areas WHERE code = $1";
    let area: Option<Area> = c.optional(sql, params![code])?;
    match area {
        Some(area) if area.municipality_id != municipality => {
            Err(StoreError::Refused("error-import-other-municipality"))
        }
        other => Ok(other),
    }
}

/// The municipality's areas by code, without outlines (they can be large).
pub fn list(c: &mut Sql<'_>, municipality: OrgId) -> Result<Vec<Area>> {
    let sql = "SELECT id, municipality_id, kind, code, name, parent_id, NULL AS geometry, updated_at FROM areas \
               WHERE municipality_id = $1 ORDER BY code";
    c.all(sql, params![municipality])
}

crate::row! {
    /// An area as lists and choices name it, without its outline and times.
    #[derive(Debug, Clone)]
    pub struct Named {
        pub id: AreaId,
        pub code: String,
        pub name: String,
        pub parent_id: Option<AreaId>,
        /// Of a district: how many neighbourhoods it has, whether they are listed or not; of a
        /// neighbourhood: 0.
        pub neighbourhoods: i64,
    }
}

/// The municipality's districts by code, each with its number of neighbourhoods, and the
/// neighbourhoods of the district `open` (that district or one of its neighbourhoods), or of
/// every district when the municipality has at most `all_up_to` areas. A large city has over
/// a thousand: its lists show the districts and one district's neighbourhoods at a time.
pub fn overview(
    c: &mut Sql<'_>,
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
    c.all(sql, params![municipality, open, all_up_to])
}

/// One of the municipality's areas.
pub fn by_id(c: &mut Sql<'_>, municipality: OrgId, id: AreaId) -> Result<Option<Area>> {
    let sql = "SELECT id, municipality_id, kind, code, name, parent_id, NULL AS geometry, updated_at FROM areas \
               WHERE id = $1 AND municipality_id = $2";
    c.optional(sql, params![id, municipality])
}

/// The codes of the municipality's districts, for reading a file whose neighbourhoods lie in
/// districts stored earlier.
pub fn district_codes(c: &mut Sql<'_>, municipality: OrgId) -> Result<Vec<String>> {
    let sql = "SELECT code FROM areas WHERE municipality_id = $1 AND kind = 'district'";
    c.column(sql, params![municipality])
}

/// Renames one of the municipality's areas; `false` when it has no such area.
pub fn rename(
    c: &mut Sql<'_>,
    municipality: OrgId,
    id: AreaId,
    name: &AreaName,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE areas SET name = $3, updated_at = $4 WHERE id = $1 AND municipality_id = $2";
    let changed = c.execute(sql, params![id, municipality, name.as_str(), now])?;
    Ok(changed == 1)
}

/// The municipality's areas with their outlines, for the map.
pub fn with_outlines(c: &mut Sql<'_>, municipality: OrgId) -> Result<Vec<Area>> {
    let sql = "SELECT id, municipality_id, kind, code, name, parent_id, geometry, updated_at FROM areas \
               WHERE municipality_id = $1 ORDER BY code";
    c.all(sql, params![municipality])
}

/// Municipalities by CBS code, for a file that covers several of them.
pub fn municipalities_by_code(c: &mut Sql<'_>) -> Result<HashMap<String, OrgId>> {
    let sql = "SELECT cbs_code, id FROM organisations WHERE kind = 'municipality' AND cbs_code IS NOT NULL";
    let rows: Vec<(String, OrgId)> = c.all(sql, &[])?;
    Ok(rows.into_iter().collect())
}

/// Every stored district code, for a file that covers several municipalities.
pub fn all_district_codes(c: &mut Sql<'_>) -> Result<Vec<String>> {
    let sql = "SELECT code FROM areas WHERE kind = 'district'";
    c.column(sql, &[])
}
