//! The test harness: a real Samenspel on a random port, on a fresh SQLite file or a fresh
//! PostgreSQL database, with browsers (HTTP clients with their own cookies) to drive it.

use samenspel::config::Config;
use samenspel_store::sql::Pool;
use samenspel_store::{Backend, Db, params};
use std::path::PathBuf;
use tokio::net::TcpListener;

/// Where the tests create their PostgreSQL databases.
fn postgres_admin_url() -> String {
    std::env::var("SAMENSPEL_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        samenspel_web::http::random_token(6)
            .to_lowercase()
            .replace(['-', '_'], "x")
    )
}

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub config: Config,
    pub dir: PathBuf,
    pg_database: Option<String>,
    /// Mail sent while a helper looked for its own (an activation link), kept for the next
    /// [`TestApp::dispatch_mail`].
    unread_mail: std::sync::Mutex<Vec<String>>,
}

/// Test settings on top of the defaults.
#[derive(Clone)]
pub struct Options {
    pub allow_registration: bool,
    pub auth_attempts_per_minute: u32,
    pub smtp_url: String,
    /// `s3://bucket` to keep uploads in S3 (at `s3_endpoint`) instead of a local folder.
    pub upload_store: String,
    pub s3_endpoint: String,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            allow_registration: true,
            auth_attempts_per_minute: 1000,
            smtp_url: String::new(),
            upload_store: String::new(),
            s3_endpoint: String::new(),
        }
    }
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, Options::default()).await
    }

    pub async fn spawn_with(backend: Backend, options: Options) -> TestApp {
        let dir = std::env::temp_dir().join(unique("samenspel-test"));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let (database_url, pg_database) = match backend {
            Backend::Sqlite => (format!("sqlite://{}", dir.join("test.db").display()), None),
            Backend::Postgres => {
                let name = unique("samenspel_test");
                let create = format!("CREATE DATABASE {name}");
                let admin = Pool::open(&postgres_admin_url(), 1)
                    .expect("PostgreSQL must run for the tests (see README)");
                admin
                    .read(move |c| c.batch(&create))
                    .await
                    .expect("create test database");
                let url = postgres_admin_url();
                let base = url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&url);
                (format!("{base}/{name}"), Some(name))
            }
        };
        let config = Config {
            database_url,
            // One connection: a request that held one while waiting for another would hang
            // here instead of only under load.
            db_max_connections: Some(1),
            listen: "127.0.0.1:0".into(),
            allow_registration: options.allow_registration,
            auth_attempts_per_minute: options.auth_attempts_per_minute,
            smtp_url: options.smtp_url,
            mail_dir: dir.join("mail").display().to_string(),
            upload_dir: dir.join("uploads").display().to_string(),
            s3_region: "eu-west-1".into(),
            s3_access_key_id: "samenspel".into(),
            s3_secret_access_key: "samenspel-test".into(),
            upload_store: options.upload_store,
            s3_endpoint: options.s3_endpoint,
            run_worker: false,
            ..Config::default()
        };
        let db = samenspel::open_db(&config).await.expect("open database");
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let base = format!("http://{addr}");
        let mut config = config;
        config.base_url = base.clone();
        let served = config.clone();
        let serve_db = db.clone();
        tokio::spawn(async move {
            samenspel::serve(&served, serve_db, listener, std::future::pending())
                .await
                .expect("serve");
        });
        TestApp {
            base,
            db,
            config,
            dir,
            pg_database,
            unread_mail: std::sync::Mutex::default(),
        }
    }

    pub fn browser(&self) -> Browser {
        Browser::new(&self.base)
    }

    /// A browser that prefers English.
    pub fn english_browser(&self) -> Browser {
        let mut browser = Browser::new(&self.base);
        browser.accept_language = "en-GB,en;q=0.9";
        browser
    }

    /// Sends every queued e-mail now (the worker is not running in tests) and returns the
    /// messages written since the last call, oldest first.
    pub async fn dispatch_mail(&self) -> Vec<String> {
        let worker = samenspel::worker::Worker {
            db: self.db.clone(),
            mailer: samenspel::mailer::Mailer::from_config(
                &self.config.smtp_url,
                &self.config.mail_dir,
            )
            .expect("mailer"),
            mail_from: self.config.mail_from.clone(),
            base_url: self.config.base_url.clone(),
            name: "test-worker".into(),
        };
        worker
            .queue_notification_mail()
            .await
            .expect("queue notification mail");
        worker.run_due().await.expect("run jobs");
        let dir = PathBuf::from(&self.config.mail_dir);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "eml"));
        files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        let mut mails = std::mem::take(&mut *self.unread_mail.lock().expect("unread mail"));
        for file in files {
            mails.push(decode_mail(
                &std::fs::read_to_string(&file).expect("read mail"),
            ));
            std::fs::remove_file(&file).expect("remove mail");
        }
        mails
    }

    /// Runs SQL directly, for arranging states the UI cannot reach quickly (expired links).
    pub async fn exec(&self, sql: &'static str) {
        self.db.read(move |c| c.batch(sql)).await.expect("sql");
    }

    pub async fn scalar(&self, sql: &'static str) -> i64 {
        self.db
            .read(move |c| c.scalar(sql, params![]))
            .await
            .expect("sql")
    }

    /// How many events of one kind the audit log holds.
    pub async fn audit_count(&self, action: &str) -> i64 {
        let action = action.to_owned();
        self.db
            .read(move |c| {
                c.scalar(
                    "SELECT COUNT(*) FROM audit_events WHERE action = $1",
                    params![&action],
                )
            })
            .await
            .expect("sql")
    }

    /// Registers and logs in a new person; returns their browser.
    pub async fn register(&self, name: &str, email: &str) -> Browser {
        let browser = self.browser();
        let page = browser
            .post(
                "/register",
                &[
                    ("name", name),
                    ("email", email),
                    ("password", PASSWORD),
                    ("language", "nl"),
                ],
            )
            .await;
        assert_eq!(page.status, 200, "registering {email}: {}", page.body);
        page.assert_contains("Kijk in uw e-mail");
        self.activate(&browser, email).await;
        browser
    }

    /// Opens the activation link mailed to `email` in `browser` and activates the account,
    /// which logs the browser in. Other mail stays for the next [`TestApp::dispatch_mail`].
    pub async fn activate(&self, browser: &Browser, email: &str) {
        let mut mails = self.dispatch_mail().await;
        let at = mails
            .iter()
            .rposition(|m| m.contains(&format!("To: {email}")) && m.contains("/register/confirm?"))
            .unwrap_or_else(|| panic!("no activation mail to {email} in {mails:?}"));
        let mail = mails.remove(at);
        self.unread_mail.lock().expect("unread mail").extend(mails);
        let link = link_in(&mail, "/register/confirm?token=");
        let path = link.strip_prefix(&self.base).expect("a link to this app");
        assert_eq!(browser.get(path).await.status, 200, "{path}");
        let token = path.split("token=").nth(1).expect("token");
        let done = browser.post("/register/confirm", &[("token", token)]).await;
        assert_eq!(done.status, 303, "activating {email}: {}", done.body);
    }

    /// Creates an organisation as `browser`; returns its id.
    pub async fn create_org(&self, browser: &Browser, kind: &str, name: &str) -> i64 {
        let page = browser
            .post("/organisations/new", &[("kind", kind), ("name", name)])
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
        let org = page
            .location
            .rsplit('/')
            .next()
            .and_then(|id| id.parse().ok())
            .expect("organisation id");
        if kind == "municipality" {
            self.verify_municipality(org).await;
        }
        org
    }

    /// Accepts, as `admin` (an administrator of `org`), every open request to `org` to take
    /// part; returns how many there were.
    pub async fn accept_requests(&self, admin: &Browser, org: i64) -> usize {
        let page = admin.get(&format!("/organisations/{org}")).await;
        let marker = format!("action=\"/organisations/{org}/requests/");
        let ids: Vec<String> = page
            .body
            .split(&marker)
            .skip(1)
            .filter_map(|rest| rest.split('"').next().map(str::to_owned))
            .collect();
        for id in &ids {
            let answered = admin
                .post(
                    &format!("/organisations/{org}/requests/{id}"),
                    &[("answer", "accept")],
                )
                .await;
            assert_eq!(answered.status, 303, "{}", answered.body);
        }
        ids.len()
    }

    /// Verifies a municipality as a platform administrator would (the page for that has flow
    /// tests of its own in `security.rs`).
    pub async fn verify_municipality(&self, org: i64) {
        self.db
            .read(move |c| {
                c.execute(
                    "UPDATE organisations SET verification = 'verified' WHERE id = $1",
                    params![org],
                )
            })
            .await
            .expect("verify");
    }

    /// A municipality with its CBS code (GM9901) and the areas of [`AREAS_CSV`], administered by
    /// a new person; returns their browser and the municipality's id.
    pub async fn municipality_with_areas(&self, email: &str, name: &str) -> (Browser, i64) {
        self.municipality_importing(email, name, "GM9901", AREAS_CSV)
            .await
    }

    /// A project leader (`email`) and their new municipality `name` with CBS code `code`, whose
    /// areas they imported from `csv`.
    pub async fn municipality_importing(
        &self,
        email: &str,
        name: &str,
        code: &str,
        csv: &str,
    ) -> (Browser, i64) {
        let admin = self.register("Projectleider", email).await;
        let org = self.create_org(&admin, "municipality", name).await;
        let page = admin
            .post(&format!("/municipalities/{org}/code"), &[("code", code)])
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
        let imported = admin
            .upload(
                &format!("/municipalities/{org}/import"),
                "buurten.csv",
                csv.as_bytes().to_vec(),
            )
            .await;
        assert_eq!(imported.status, 200, "{}", imported.body);
        (admin, org)
    }

    /// Starts a light approach named `name` in municipality `org` (one made by
    /// [`TestApp::municipality_with_areas`]), in the method's first phase and buurt BU99010101;
    /// returns its address.
    pub async fn start_approach(&self, admin: &Browser, org: i64, name: &str) -> String {
        let pack = samenspel_domain::method::Pack::default_pack().expect("the method pack");
        let area = self
            .scalar("SELECT id FROM areas WHERE code = 'BU99010101'")
            .await
            .to_string();
        let page = admin
            .post(
                &format!("/municipalities/{org}/approaches/new"),
                &[
                    ("name", name),
                    ("phase", pack.phases[0].key.as_str()),
                    ("intensity", "light"),
                    ("areas", area.as_str()),
                ],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
        page.location
    }

    /// Invites `email` into `org` and returns the link from the e-mail.
    pub async fn invite(&self, admin: &Browser, org: i64, email: &str, role: &str) -> String {
        let page = admin
            .post(
                &format!("/organisations/{org}/invitations"),
                &[("email", email), ("role", role)],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
        let mails = self.dispatch_mail().await;
        let mail = mails
            .iter()
            .find(|m| m.contains(email))
            .expect("invitation mail");
        link_in(mail, "/invitations/")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some(name) = self.pg_database.take() {
            // Drop the database from a thread of its own: there is no async drop.
            let _ = std::thread::spawn(move || {
                let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                if let Ok(mut conn) = Pool::open(&postgres_admin_url(), 1).and_then(|p| p.get()) {
                    let _ = conn.sql().batch(&drop);
                }
            })
            .join();
        }
    }
}

/// Three buurten of Zonnedal (GM9901) in two wijken, as the CBS publishes them.
pub const AREAS_CSV: &str = "gemeentecode;gemeentenaam;wijkcode;wijknaam;buurtcode;buurtnaam\n\
                   GM9901;Zonnedal;WK990101;Centrum;BU99010101;Oude Kern\n\
                   GM9901;Zonnedal;WK990101;Centrum;BU99010102;De Linde\n\
                   GM9901;Zonnedal;WK990102;Noord;BU99010201;Populierenbuurt\n";

/// The password every test account gets.
pub const PASSWORD: &str = "een-lange-zin-als-wachtwoord";

/// Undoes the quoted-printable soft line breaks of a plain-text mail, for reading links.
pub fn decode_mail(raw: &str) -> String {
    raw.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

/// The six-digit code for `secret` (base32, as the page shows it) `ahead` steps from now.
pub fn code_for(secret: &str, ahead: u64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_owned())
        .to_bytes()
        .expect("a base32 secret");
    let totp = totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes).expect("totp");
    let now = u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).expect("time");
    totp.generate(now + ahead * 30)
}

/// Switches on two-step login for the person logged in in `browser`; returns the secret.
pub async fn enrol_two_factor(browser: &Browser) -> String {
    assert_eq!(browser.post("/account/two-factor", &[]).await.status, 303);
    let page = browser.get("/account/two-factor").await;
    let secret: String = page
        .body
        .split("<code class=\"ss-secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the secret as text")
        .split_whitespace()
        .collect();
    let code = code_for(&secret, 0);
    let done = browser
        .post("/account/two-factor/confirm", &[("code", code.as_str())])
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    secret
}

/// The first link in `text` that contains `marker`.
pub fn link_in(text: &str, marker: &str) -> String {
    text.split_whitespace()
        .find(|word| word.starts_with("http") && word.contains(marker))
        .map(|w| w.trim_end_matches(['.', ',', ')']).to_owned())
        .unwrap_or_else(|| panic!("no link with {marker} in:\n{text}"))
}

/// A response, read.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub body: String,
    pub location: String,
}

impl Page {
    pub fn assert_contains(&self, needle: &str) -> &Self {
        assert!(
            self.body.contains(needle),
            "expected {needle:?} in page (status {}):\n{}",
            self.status,
            self.body
        );
        self
    }
}

/// One person's browser: its own cookies, no automatic redirects.
pub struct Browser {
    client: reqwest::Client,
    base: String,
    pub accept_language: &'static str,
}

impl Browser {
    fn new(base: &str) -> Self {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Self {
            client,
            base: base.to_owned(),
            accept_language: "nl-NL,nl;q=0.9",
        }
    }

    async fn read(response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let body = response.text().await.unwrap_or_default();
        Page {
            status,
            body,
            location,
        }
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        let response = self
            .client
            .get(self.url(path))
            .header("accept-language", self.accept_language)
            .send()
            .await
            .expect("GET");
        Self::read(response).await
    }

    /// The CSRF token this browser's forms carry now.
    pub async fn csrf(&self) -> String {
        let mut page = self.get("/").await;
        // Someone led through enrolling in two-step login is sent on from every page.
        if page.status == 303 {
            page = self.get(&page.location).await;
        }
        csrf_in(&page.body)
    }

    /// Posts a form with this browser's CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// Posts exactly these fields (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let response = self
            .client
            .post(self.url(path))
            .header("accept-language", self.accept_language)
            .form(fields)
            .send()
            .await
            .expect("POST");
        Self::read(response).await
    }

    /// Posts exactly these fields with the headers a browser adds of its own accord (`Origin`,
    /// `Sec-Fetch-Site`, `Referer`), which no page can forge.
    pub async fn post_raw_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let mut request = self
            .client
            .post(self.url(path))
            .header("accept-language", self.accept_language)
            .form(fields);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Self::read(request.send().await.expect("POST")).await
    }

    /// Uploads a file as a page without script does: a multipart form whose first field is
    /// the CSRF token.
    pub async fn upload(&self, path: &str, file_name: &str, content: Vec<u8>) -> Page {
        self.upload_form(path, &[], file_name, content).await
    }

    /// Like [`Browser::upload`], with other fields of the form too (after the file).
    pub async fn upload_form(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file_name: &str,
        content: Vec<u8>,
    ) -> Page {
        let token = self.csrf().await;
        let part = reqwest::multipart::Part::bytes(content).file_name(file_name.to_owned());
        // As the document form orders them: the token, the file, then the other fields.
        let mut form = reqwest::multipart::Form::new()
            .text("csrf", token)
            .part("file", part);
        for (name, value) in fields {
            form = form.text((*name).to_owned(), (*value).to_owned());
        }
        self.post_multipart(path, form).await
    }

    /// Posts `form` as `multipart/form-data`, as it is (the caller adds the token, or not).
    pub async fn post_multipart(&self, path: &str, form: reqwest::multipart::Form) -> Page {
        let response = self
            .client
            .post(self.url(path))
            .header("accept-language", self.accept_language)
            .multipart(form)
            .send()
            .await
            .expect("POST multipart");
        Self::read(response).await
    }

    /// A GET whose body is bytes: (status, body, Content-Disposition).
    pub async fn get_bytes(&self, path: &str) -> (u16, Vec<u8>, String) {
        let response = self
            .client
            .get(self.url(path))
            .header("accept-language", self.accept_language)
            .send()
            .await
            .expect("GET");
        let status = response.status().as_u16();
        let disposition = response
            .headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let body = response.bytes().await.expect("body").to_vec();
        (status, body, disposition)
    }

    pub async fn login(&self, email: &str, password: &str) -> Page {
        self.post("/login", &[("email", email), ("password", password)])
            .await
    }
}

pub fn csrf_in(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html
        .find(marker)
        .map(|i| i + marker.len())
        .expect("a CSRF field on the page");
    html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Runs an async test function on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! on_both_databases {
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$test($crate::support::TestApp::spawn(samenspel_store::Backend::Sqlite).await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$test($crate::support::TestApp::spawn(samenspel_store::Backend::Postgres).await).await;
            }
        }
    )*};
}

pub fn backends() -> [Backend; 2] {
    [Backend::Sqlite, Backend::Postgres]
}
