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

/// Settings of the web layer. The server crate fills them from the configuration file and the
/// environment.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Where people reach this installation, e.g. `https://samenspel.example.nl`; used for links
    /// in e-mail.
    pub base_url: String,
    /// Whether anyone may create an account. When off, only people with an invitation can.
    pub allow_registration: bool,
    /// Marks cookies `Secure`; on whenever the base URL is https.
    pub secure_cookies: bool,
    /// Take the client's address from the last `X-Forwarded-For` entry (behind a load balancer).
    pub trust_forwarded_for: bool,
    /// How long a session lasts without being used.
    pub session_idle_days: i64,
    /// Login, registration and reset attempts allowed per address per minute.
    pub auth_attempts_per_minute: u32,
    /// The sender of Samenspel's e-mail.
    pub mail_from: String,
    /// Tile server for the maps (`{z}/{x}/{y}` template); empty for outlines only.
    pub map_tiles_url: String,
    /// Attribution of the tiles, shown on the map.
    pub map_attribution: String,
    /// Where uploaded documents are kept: the local folder [`WebConfig::upload_dir`] when
    /// empty, or an S3 bucket as `s3://bucket[/prefix]`.
    pub upload_store: String,
    pub upload_dir: String,
    /// For S3: the endpoint of an S3-compatible service (empty for AWS), region and keys; each
    /// empty one is taken from the usual `AWS_*` environment variables.
    pub s3_endpoint: String,
    pub s3_region: String,
    pub s3_access_key_id: String,
    pub s3_secret_access_key: String,
    /// Adds a `Server-Timing` header with the time the server spent on each response; for
    /// benchmarks and for looking at a slow page in the browser's developer tools.
    pub server_timing: bool,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            base_url: "http://127.0.0.1:8080".into(),
            allow_registration: true,
            secure_cookies: false,
            trust_forwarded_for: false,
            session_idle_days: 14,
            auth_attempts_per_minute: 10,
            mail_from: "Samenspel <noreply@samenspel.invalid>".into(),
            // PDOK's background map of the Kadaster, the Dutch government's open tile service.
            map_tiles_url:
                "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
                    .into(),
            map_attribution: "Kaartgegevens © Kadaster".into(),
            upload_store: String::new(),
            upload_dir: "data/uploads".into(),
            s3_endpoint: String::new(),
            s3_region: String::new(),
            s3_access_key_id: String::new(),
            s3_secret_access_key: String::new(),
            server_timing: false,
        }
    }
}

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
