//! What every handler can reach: the database, the settings, the rate limiter, the metrics.

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use metrics_exporter_prometheus::PrometheusHandle;
use samenspel_store::Db;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
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
}

impl AppState {
    pub fn new(db: Db, config: WebConfig, metrics: Option<PrometheusHandle>) -> Self {
        let per_minute =
            NonZeroU32::new(config.auth_attempts_per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        Self {
            db,
            auth_limiter: Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))),
            config: Arc::new(config),
            metrics,
            jobs_waiting: Arc::new(Notify::new()),
        }
    }
}
