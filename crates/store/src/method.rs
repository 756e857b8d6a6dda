//! Versions of the method: each content pack is stored once, by the hash of its contents, with
//! its nodes as rows so that progress can be counted in SQL. Approaches refer to the version
//! they use.

use crate::sql::Sql;
use crate::{PackId, Result, params};
use samenspel_domain::method::Pack;
use time::OffsetDateTime;

/// Stores the pack unless a pack with the same contents is there already; returns its id.
pub fn install(c: &mut Sql<'_>, pack: &Pack, now: OffsetDateTime) -> Result<PackId> {
    let hash = pack.hash();
    let sql = "SELECT id FROM method_packs WHERE hash = $1";
    let existing: Option<PackId> = c.optional_scalar(sql, params![&hash])?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let contents = serde_json::to_string(pack).unwrap_or_default();
    let sql = "INSERT INTO method_packs (hash, pack_key, version, contents, installed_at) \
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT (hash) DO NOTHING RETURNING id";
    let inserted: Option<PackId> = c.optional_scalar(
        sql,
        params![&hash, &pack.pack.key, &pack.pack.version, &contents, now],
    )?;
    let Some(id) = inserted else {
        // Another node installed it at the same moment.
        let sql = "SELECT id FROM method_packs WHERE hash = $1";
        return c.scalar(sql, params![&hash]);
    };
    for (position, node) in pack.nodes.iter().enumerate() {
        let sql = "INSERT INTO method_nodes (pack_id, node_key, phase_key, position) VALUES ($1, $2, $3, $4)";
        c.execute(sql, params![id, &node.key, &node.phase, position as i64])?;
        for track in &node.tracks {
            let sql =
                "INSERT INTO method_node_tracks (pack_id, node_key, track_key) VALUES ($1, $2, $3)";
            c.execute(sql, params![id, &node.key, track])?;
        }
    }
    Ok(id)
}

/// A stored pack's contents, read back.
pub fn load(c: &mut Sql<'_>, id: PackId) -> Result<Option<Pack>> {
    let sql = "SELECT contents FROM method_packs WHERE id = $1";
    let contents: Option<String> = c.optional_scalar(sql, params![id])?;
    Ok(contents.and_then(|json| match serde_json::from_str(&json) {
        Ok(pack) => Some(pack),
        Err(error) => {
            tracing::error!(%id, %error, "a stored method pack cannot be read");
            None
        }
    }))
}

crate::row! {
    /// A stored version of the method, for the list of versions.
    #[derive(Debug, Clone)]
    pub struct PackRow {
        pub id: PackId,
        pub pack_key: String,
        pub version: String,
        pub hash: String,
        pub installed_at: OffsetDateTime,
    }
}

pub fn by_id(c: &mut Sql<'_>, id: PackId) -> Result<Option<PackRow>> {
    let sql = "SELECT id, pack_key, version, hash, installed_at FROM method_packs WHERE id = $1";
    c.optional(sql, params![id])
}

/// Every stored version, newest first.
pub fn ids(c: &mut Sql<'_>) -> Result<Vec<PackId>> {
    let sql = "SELECT id FROM method_packs ORDER BY id DESC";
    c.column(sql, &[])
}
