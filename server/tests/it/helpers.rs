//! `TestApp::spawn`: a server with a fresh database, and a cookie-aware client.

use server::config::Config;
use std::net::SocketAddr;
use std::path::PathBuf;

pub use db::Backend;

/// A running server for one test.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// Client with a cookie jar and no redirects followed.
    pub client: reqwest::Client,
    /// The database, for checks behind the API.
    pub db: db::Db,
    /// The database URL (for commands run against it).
    pub database_url: String,
    /// The media folder (object store).
    pub media_dir: PathBuf,
    search_dir: PathBuf,
    /// The live spool folder.
    pub live_dir: PathBuf,
    sqlite_file: Option<PathBuf>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.media_dir);
        let _ = std::fs::remove_dir_all(&self.search_dir);
        let _ = std::fs::remove_dir_all(&self.live_dir);
        if let Some(f) = &self.sqlite_file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", f.display()));
            }
        }
    }
}

/// The settings tests run with: small limits so they are quick to reach.
pub fn test_config(database_url: &str) -> Config {
    Config {
        database_url: database_url.to_owned(),
        database_max_connections: 4,
        page_cache_secs: 0,
        addr: "127.0.0.1:0".parse().expect("addr"),
        site_root: "target/site".into(),
        hashed_assets: false,
        max_body_bytes: 64 * 1024,
        public_origin: None,
        secure_cookies: false,
        trust_forwarded_for: false,
        session_idle_secs: 3600,
        session_absolute_secs: 24 * 3600,
        login_max_failures_per_account: 3,
        login_max_failures_per_ip: 50,
        login_failure_window_secs: 600,
        registrations_per_ip_per_hour: 1000,
        log_json: false,
        chat_burst: 10,
        chat_per_minute: 120,
        ws_frames_per_sec: 40,
        ice_servers: "[]".to_owned(),
        media_dir: std::env::temp_dir()
            .join(format!("expo-it-media-{}", uuid::Uuid::now_v7().simple()))
            .display()
            .to_string(),
        search_dir: std::env::temp_dir()
            .join(format!("expo-it-search-{}", uuid::Uuid::now_v7().simple()))
            .display()
            .to_string(),
        live_dir: std::env::temp_dir()
            .join(format!("expo-it-live-{}", uuid::Uuid::now_v7().simple()))
            .display()
            .to_string(),
        // The matcher runs only in the tests that want it (they set an interval).
        match_interval_ms: 0,
        media_limits: server::media::MediaLimits {
            image: 2 << 20,
            video: 4 << 20,
            document: 1 << 20,
            model: 1 << 20,
        },
        smtp_url: None,
        translate_url: None,
        translate_key: None,
        mail_from: "Cloud Expo <no-reply@expo.example>".to_owned(),
    }
}

/// A fresh database URL on `backend`.
pub async fn fresh_database(backend: Backend) -> (String, Option<PathBuf>) {
    let name = format!("t_{}", uuid::Uuid::now_v7().simple());
    match backend {
        Backend::Sqlite => {
            let file = std::env::temp_dir().join(format!("expo-it-{name}.db"));
            (format!("sqlite:{}", file.display()), Some(file))
        }
        Backend::Postgres => {
            let admin = std::env::var("EXPO_TEST_POSTGRES_URL").expect(
                "EXPO_TEST_POSTGRES_URL is not set: run the tests with `cargo xtask test`, which starts PostgreSQL",
            );
            (
                db::create_postgres_database(&admin, &name)
                    .await
                    .expect("create test database"),
                None,
            )
        }
    }
}

impl TestApp {
    /// Spawns a server on a fresh, migrated database (seeded with the demo expo when `seed`).
    pub async fn spawn_with(
        backend: Backend,
        seed: bool,
        tweak: impl FnOnce(&mut Config),
    ) -> TestApp {
        let (url, sqlite_file) = fresh_database(backend).await;
        let mut config = test_config(&url);
        tweak(&mut config);
        let db = db::Db::connect(&url, config.database_max_connections)
            .await
            .expect("connect");
        db.migrate().await.expect("migrate");
        if seed {
            server::seed::seed_demo(&db).await.expect("seed");
        }
        Self::serve(config, db, url, sqlite_file).await
    }

    /// Another server (node) on this one's database, with folders of its own and the same
    /// settings otherwise; dropping it leaves the database alone.
    pub async fn another_node(&self, tweak: impl FnOnce(&mut Config)) -> TestApp {
        let mut config = test_config(&self.database_url);
        tweak(&mut config);
        let db = db::Db::connect(&self.database_url, config.database_max_connections)
            .await
            .expect("connect");
        Self::serve(config, db, self.database_url.clone(), None).await
    }

    async fn serve(
        config: Config,
        db: db::Db,
        url: String,
        sqlite_file: Option<PathBuf>,
    ) -> TestApp {
        let app = server::router::build(&config, db.clone()).expect("router");
        let media_dir = PathBuf::from(&config.media_dir);
        let search_dir = PathBuf::from(&config.search_dir);
        let live_dir = PathBuf::from(&config.live_dir);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await;
        });
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        TestApp {
            base: format!("http://{addr}"),
            client,
            db,
            sqlite_file,
            media_dir,
            search_dir,
            live_dir,
            database_url: url,
        }
    }

    /// Spawns a server on a fresh, migrated, empty database.
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, false, |_| {}).await
    }

    /// A plain connection pool to this test's database, for setting up what no request can
    /// (time passing, a day's worth of uploads).
    pub async fn sql(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.database_url)
            .await
            .expect("connect")
    }

    /// A new client with its own (empty) cookie jar, for a second person.
    pub fn new_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// Full URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The HTML of a page as a visitor who is not signed in gets it.
    pub async fn html(&self, path: &str) -> String {
        self.new_client()
            .get(self.url(path))
            .send()
            .await
            .expect("get")
            .text()
            .await
            .expect("html")
    }

    /// Calls a server function with form fields, as the browser does.
    pub async fn call(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(self.url(&format!("/api/{endpoint}")))
            .header("Accept", "application/json")
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// Registers a person; returns the response.
    pub async fn register(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        self.call(
            client,
            "account/register",
            &[
                ("input[email]", email),
                ("input[password]", password),
                ("input[display_name]", "Li Wei"),
                ("input[company]", "Weihai Marine"),
                ("input[country]", "CN"),
                ("input[language]", "en"),
            ],
        )
        .await
    }

    /// Signs in; returns the response.
    pub async fn login(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        self.call(
            client,
            "account/login",
            &[
                ("input[email]", email),
                ("input[password]", password),
                ("input[next]", "/"),
            ],
        )
        .await
    }

    /// The signed-in user's display name per `account/me`, or `None`.
    pub async fn me(&self, client: &reqwest::Client) -> Option<String> {
        let resp = self.call(client, "account/me", &[]).await;
        assert!(resp.status().is_success(), "me: {}", resp.status());
        let v: serde_json::Value = resp.json().await.expect("json");
        v.get("display_name")
            .and_then(|n| n.as_str())
            .map(str::to_owned)
    }
}

/// The JSON body of an error response.
pub async fn error_json(resp: reqwest::Response) -> serde_json::Value {
    let text = resp.text().await.expect("body");
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
}
