//! Versions of the method: each content pack is stored once, by the hash of its contents, with
//! its nodes as rows so that progress can be counted in SQL. Approaches refer to the version
//! they use.

use crate::{Exec, PackId, Result, dispatch};
use samenspel_domain::method::Pack;
use time::OffsetDateTime;

/// Stores the pack unless a pack with the same contents is there already; returns its id.
pub async fn install(mut ex: Exec<'_>, pack: &Pack, now: OffsetDateTime) -> Result<PackId> {
    let hash = pack.hash();
    let sql = "SELECT id FROM method_packs WHERE hash = $1";
    let existing: Option<PackId> =
        dispatch!(ex.reborrow(), c => sqlx::query_scalar(sql).bind(&hash).fetch_optional(c).await?);
    if let Some(id) = existing {
        return Ok(id);
    }
    let contents = serde_json::to_string(pack).unwrap_or_default();
    let sql = "INSERT INTO method_packs (hash, pack_key, version, contents, installed_at) \
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT (hash) DO NOTHING RETURNING id";
    let inserted: Option<PackId> = dispatch!(ex.reborrow(), c => sqlx::query_scalar(sql)
        .bind(&hash).bind(&pack.pack.key).bind(&pack.pack.version).bind(&contents).bind(now)
        .fetch_optional(c).await?);
    let Some(id) = inserted else {
        // Another node installed it at the same moment.
        let sql = "SELECT id FROM method_packs WHERE hash = $1";
        return Ok(dispatch!(ex, c => sqlx::query_scalar(sql).bind(&hash).fetch_one(c).await?));
    };
    for (position, node) in pack.nodes.iter().enumerate() {
        let sql = "INSERT INTO method_nodes (pack_id, node_key, phase_key, position) VALUES ($1, $2, $3, $4)";
        dispatch!(ex.reborrow(), c => sqlx::query(sql).bind(id).bind(&node.key).bind(&node.phase)
            .bind(position as i64).execute(c).await?.rows_affected());
        for track in &node.tracks {
            let sql =
                "INSERT INTO method_node_tracks (pack_id, node_key, track_key) VALUES ($1, $2, $3)";
            dispatch!(ex.reborrow(), c => sqlx::query(sql).bind(id).bind(&node.key).bind(track)
                .execute(c).await?.rows_affected());
        }
    }
    Ok(id)
}

/// A stored pack's contents, read back.
pub async fn load(ex: Exec<'_>, id: PackId) -> Result<Option<Pack>> {
    let sql = "SELECT contents FROM method_packs WHERE id = $1";
    let contents: Option<String> =
        dispatch!(ex, c => sqlx::query_scalar(sql).bind(id).fetch_optional(c).await?);
    Ok(contents.and_then(|json| match serde_json::from_str(&json) {
        Ok(pack) => Some(pack),
        Err(error) => {
            tracing::error!(%id, %error, "a stored method pack cannot be read");
            None
        }
    }))
}

/// A stored version of the method, for the list of versions.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PackRow {
    pub id: PackId,
    pub pack_key: String,
    pub version: String,
    pub hash: String,
    pub installed_at: OffsetDateTime,
}

pub async fn by_id(ex: Exec<'_>, id: PackId) -> Result<Option<PackRow>> {
    let sql = "SELECT id, pack_key, version, hash, installed_at FROM method_packs WHERE id = $1";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(id).fetch_optional(c).await?))
}

/// Every stored version, newest first.
pub async fn ids(ex: Exec<'_>) -> Result<Vec<PackId>> {
    let sql = "SELECT id FROM method_packs ORDER BY id DESC";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).fetch_all(c).await?))
}
