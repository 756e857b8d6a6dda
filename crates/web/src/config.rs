//! The web layer's settings.

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
            // Empty: the default tiles' attribution, in the reader's language.
            map_attribution: String::new(),
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
