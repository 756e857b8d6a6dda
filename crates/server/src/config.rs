//! Configuration: defaults, then an optional TOML file (`samenspel.toml`, or the file named by
//! `--config` / `SAMENSPEL_CONFIG`), then `SAMENSPEL_*` environment variables, then a plain
//! `DATABASE_URL`. Every setting is listed in the README.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `sqlite://data/samenspel.db` (embedded) or `postgres://user@host/db`.
    pub database_url: String,
    /// The connection pool's size; unset: 4 on SQLite, 16 on PostgreSQL.
    pub db_max_connections: Option<u32>,
    /// Address to listen on.
    pub listen: String,
    /// Public address of this installation, for links in e-mail.
    pub base_url: String,
    pub allow_registration: bool,
    pub trust_forwarded_for: bool,
    pub session_idle_days: i64,
    pub auth_attempts_per_minute: u32,
    pub mail_from: String,
    /// `smtp://user:pass@host:587?tls=required`, `smtps://…`, or empty: mail is then written as
    /// `.eml` files into `mail_dir`.
    pub smtp_url: String,
    pub mail_dir: String,
    /// Days a sent mail's text stays in the job queue (for looking into delivery problems)
    /// before it is emptied; 0 empties it at the next clean-up.
    pub sent_mail_days: i64,
    /// Run the job worker inside `serve` (turn off when running `samenspel worker` separately).
    pub run_worker: bool,
    /// `text` or `json`.
    pub log_format: String,
    /// Tile server for the maps, as a URL template with `{z}`, `{x}` and `{y}`; empty for maps
    /// with outlines only.
    pub map_tiles_url: String,
    /// Attribution shown on the maps, as the tile server asks for it.
    pub map_attribution: String,
    /// Where uploaded documents are kept: empty for the folder `upload_dir`, or
    /// `s3://bucket[/prefix]` for S3 or an S3-compatible service.
    pub upload_store: String,
    pub upload_dir: String,
    /// For S3: endpoint of an S3-compatible service (empty for AWS), region and keys; empty
    /// ones come from the usual `AWS_*` environment variables.
    pub s3_endpoint: String,
    pub s3_region: String,
    pub s3_access_key_id: String,
    pub s3_secret_access_key: String,
    /// Add a `Server-Timing` header to every response (benchmarks, developer tools).
    pub server_timing: bool,
}

impl Default for Config {
    fn default() -> Self {
        let web = samenspel_web::config::WebConfig::default();
        Self {
            database_url: "sqlite://data/samenspel.db".into(),
            db_max_connections: None,
            listen: "127.0.0.1:8080".into(),
            base_url: web.base_url,
            allow_registration: web.allow_registration,
            trust_forwarded_for: web.trust_forwarded_for,
            session_idle_days: web.session_idle_days,
            auth_attempts_per_minute: web.auth_attempts_per_minute,
            mail_from: web.mail_from,
            smtp_url: String::new(),
            mail_dir: "data/mail".into(),
            sent_mail_days: 1,
            run_worker: true,
            log_format: "text".into(),
            map_tiles_url: web.map_tiles_url,
            map_attribution: web.map_attribution,
            upload_store: web.upload_store,
            upload_dir: web.upload_dir,
            s3_endpoint: web.s3_endpoint,
            s3_region: web.s3_region,
            s3_access_key_id: web.s3_access_key_id,
            s3_secret_access_key: web.s3_secret_access_key,
            server_timing: web.server_timing,
        }
    }
}

impl Config {
    pub fn load(file: Option<&Path>) -> anyhow::Result<Config> {
        // A file that was named must exist; the default `samenspel.toml` is optional.
        let named = file
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("SAMENSPEL_CONFIG").map(Into::into));
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match named {
            Some(path) if !path.is_file() => {
                anyhow::bail!("configuration file {} does not exist", path.display())
            }
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None if Path::new("samenspel.toml").is_file() => {
                figment = figment.merge(Toml::file_exact("samenspel.toml"))
            }
            None => {}
        }
        let config = figment
            .merge(Env::prefixed("SAMENSPEL_").ignore(&["CONFIG"]))
            .merge(Env::raw().only(&["DATABASE_URL"]))
            .extract()?;
        Ok(config)
    }

    pub fn web(&self) -> samenspel_web::config::WebConfig {
        samenspel_web::config::WebConfig {
            base_url: self.base_url.trim_end_matches('/').to_owned(),
            allow_registration: self.allow_registration,
            secure_cookies: self.base_url.starts_with("https://"),
            trust_forwarded_for: self.trust_forwarded_for,
            session_idle_days: self.session_idle_days,
            auth_attempts_per_minute: self.auth_attempts_per_minute,
            mail_from: self.mail_from.clone(),
            map_tiles_url: self.map_tiles_url.clone(),
            map_attribution: self.map_attribution.clone(),
            upload_store: self.upload_store.clone(),
            upload_dir: self.upload_dir.clone(),
            s3_endpoint: self.s3_endpoint.clone(),
            s3_region: self.s3_region.clone(),
            s3_access_key_id: self.s3_access_key_id.clone(),
            s3_secret_access_key: self.s3_secret_access_key.clone(),
            server_timing: self.server_timing,
        }
    }

    /// Creates the folder of an SQLite database file when it does not exist yet.
    pub fn prepare_paths(&self) -> anyhow::Result<()> {
        if let Some(path) = self.database_url.strip_prefix("sqlite://")
            && let Some(parent) = Path::new(path.split('?').next().unwrap_or(path)).parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent)?;
        }
        Ok(())
    }
}
