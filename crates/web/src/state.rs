//! What every handler can reach: the database, the settings, the rate limiter, the metrics.

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use metrics_exporter_prometheus::PrometheusHandle;
use samenspel_domain::method::Pack;
use samenspel_store::sql::Sql;
use samenspel_store::{Db, PackId, method};
use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::{OnceLock, RwLock};
use tokio::sync::Notify;

use crate::config::WebConfig;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<WebConfig>,
    /// Per-address limiter for login, registration and password reset. Per node by design:
    /// the per-account counter, which must hold across nodes, is in the database.
    pub auth_limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    pub metrics: Option<PrometheusHandle>,
    /// Wakes this node's job worker when a job was queued here.
    pub jobs_waiting: Arc<Notify>,
    /// The versions of the method.
    pub methods: Arc<Methods>,
    /// Where uploaded documents are kept.
    pub files: Arc<crate::uploads::Files>,
}

impl AppState {
    pub fn new(db: Db, config: WebConfig, metrics: Option<PrometheusHandle>) -> Self {
        let per_minute =
            NonZeroU32::new(config.auth_attempts_per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        Self {
            db,
            auth_limiter: Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))),
            files: Arc::new(crate::uploads::Files::new(&config)),
            config: Arc::new(config),
            metrics,
            jobs_waiting: Arc::new(Notify::new()),
            methods: Arc::new(Methods::new(default_pack())),
        }
    }

    /// The same state with another method pack as the current one (a newer pack arriving).
    pub fn with_method(mut self, pack: Pack) -> Self {
        self.methods = Arc::new(Methods::new(pack));
        self
    }
}

/// The pack that ships with Samenspel. Its completeness is checked by a test, so a broken pack
/// cannot be released; should one be found anyway, the problems are logged and an empty method
/// is used rather than refusing to start.
fn default_pack() -> Pack {
    Pack::default_pack().unwrap_or_else(|problems| {
        tracing::error!(
            ?problems,
            "the method pack that ships with Samenspel is invalid"
        );
        Pack::default()
    })
}

/// The method packs: the current one (installed in the database the first time it is needed)
/// and older versions that approaches still use, read from the database once.
pub struct Methods {
    current: Arc<Pack>,
    current_id: OnceLock<PackId>,
    cache: RwLock<HashMap<PackId, Arc<Pack>>>,
}

impl Methods {
    pub fn new(pack: Pack) -> Self {
        Self {
            current: Arc::new(pack),
            current_id: OnceLock::new(),
            cache: RwLock::new(HashMap::new()),
        }
    }

    /// The current pack and its id, storing it first if this database does not have it yet
    /// (installing the same pack twice stores it once, so two first requests may both try).
    pub fn current_in(&self, c: &mut Sql<'_>) -> samenspel_store::Result<(PackId, Arc<Pack>)> {
        let id = match self.current_id.get() {
            Some(id) => *id,
            // Inside a change's transaction the pack is stored with the change, and only
            // remembered once a transaction of its own has committed it.
            None if c.in_transaction() => {
                return Ok((
                    method::install(c, &self.current, samenspel_store::now())?,
                    self.current.clone(),
                ));
            }
            None => {
                let id =
                    c.transaction(|c| method::install(c, &self.current, samenspel_store::now()))?;
                *self.current_id.get_or_init(|| id)
            }
        };
        Ok((id, self.current.clone()))
    }

    /// The pack with this id.
    pub fn get_in(&self, c: &mut Sql<'_>, id: PackId) -> samenspel_store::Result<Arc<Pack>> {
        let (current, pack) = self.current_in(c)?;
        if id == current {
            return Ok(pack);
        }
        if let Some(pack) = self.cache.read().ok().and_then(|c| c.get(&id).cloned()) {
            return Ok(pack);
        }
        let pack = Arc::new(method::load(c, id)?.ok_or(samenspel_store::StoreError::NotFound)?);
        if let Ok(mut cache) = self.cache.write() {
            cache.insert(id, pack.clone());
        }
        Ok(pack)
    }

    /// A node as the newest stored version that has it describes it, for progress on nodes
    /// that an approach's version no longer has.
    pub fn find_node_in(
        &self,
        c: &mut Sql<'_>,
        key: &str,
    ) -> samenspel_store::Result<Option<samenspel_domain::method::Node>> {
        for id in method::ids(c)? {
            if let Some(node) = self.get_in(c, id)?.node(key) {
                return Ok(Some(node.clone()));
            }
        }
        Ok(None)
    }

    /// [`Methods::current_in`] for async code.
    pub async fn current(
        self: &Arc<Self>,
        db: &Db,
    ) -> samenspel_store::Result<(PackId, Arc<Pack>)> {
        let methods = self.clone();
        db.read(move |c| methods.current_in(c)).await
    }
}
