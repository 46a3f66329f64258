//! Configuration from the environment (see `.env.example`). Every setting has a default that
//! runs the demo on one machine.

use anyhow::Context;
use std::net::SocketAddr;

/// The server's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite:data/expo.db` (default) or `postgres://…`.
    pub database_url: String,
    /// Maximum pooled connections.
    pub database_max_connections: u32,
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Folder with the built site (`pkg/`, assets).
    pub site_root: String,
    /// Whether the site's files are named by their content's hash (the build wrote `hash.txt`
    /// beside this binary): they are then cached for a year as immutable.
    pub hashed_assets: bool,
    /// Maximum request body in bytes.
    pub max_body_bytes: usize,
    /// How long a public page rendered for visitors who are not signed in is reused, seconds
    /// (0 turns the page cache off). Any change on this node empties it at once.
    pub page_cache_secs: u64,
    /// Public origin (`https://expo.example.com`) used for the Origin check; when unset, the
    /// request's `Host` is the origin.
    pub public_origin: Option<String>,
    /// Mark cookies `Secure` and send HSTS (the site is behind TLS).
    pub secure_cookies: bool,
    /// Trust `X-Forwarded-For` from a reverse proxy for the client address.
    pub trust_forwarded_for: bool,
    /// Session idle timeout, seconds.
    pub session_idle_secs: i64,
    /// Session absolute timeout, seconds.
    pub session_absolute_secs: i64,
    /// Failed logins allowed per account per window.
    pub login_max_failures_per_account: i64,
    /// Failed logins allowed per address per window.
    pub login_max_failures_per_ip: i64,
    /// Throttling window, seconds.
    pub login_failure_window_secs: i64,
    /// Registrations allowed per address per hour.
    pub registrations_per_ip_per_hour: i64,
    /// Log as JSON lines instead of text.
    pub log_json: bool,
    /// Chat messages one person may send at once before the per-minute rate applies.
    pub chat_burst: u32,
    /// Chat messages one person may send per minute, sustained.
    pub chat_per_minute: u32,
    /// Frames one realtime connection may send per second (bursts of three times that).
    pub ws_frames_per_sec: u32,
    /// STUN/TURN servers for meetings: a JSON array of `RTCIceServer` objects.
    pub ice_servers: String,
    /// Folder of the local object store for uploads.
    pub media_dir: String,
    /// Folder of this server's search index (one per server process; rebuilt from the database
    /// when missing).
    pub search_dir: String,
    /// Folder of live streams' spool files (`EXPO_LIVE_DIR`, default `data/live`).
    pub live_dir: String,
    /// How often the matcher takes the queue of people to recompute, in milliseconds
    /// (`EXPO_MATCH_INTERVAL_MS`, default 2000); 0 turns the matcher off on this node.
    pub match_interval_ms: u64,
    /// Upload size limits per kind.
    pub media_limits: crate::media::MediaLimits,
    /// Where the e-mail outbox goes: `smtp://[user:pass@]host[:port][?tls=required]` or
    /// `smtps://…`; unset, mail stays queued.
    pub smtp_url: Option<String>,
    /// The sender of the platform's e-mail.
    pub mail_from: String,
    /// A LibreTranslate-compatible translation service (`https://translate.example`), for the
    /// chat's translate button; unset, there is no such button.
    pub translate_url: Option<String>,
    /// Its API key, if it needs one.
    pub translate_key: Option<String>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parse<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        Some(v) => v
            .trim()
            .parse()
            .map_err(|e| anyhow::anyhow!("{name}={v:?} is invalid: {e}")),
        None => Ok(default),
    }
}

fn flag(name: &str) -> anyhow::Result<bool> {
    match var(name).as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("0" | "false" | "no" | "off") => Ok(false),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some(other) => anyhow::bail!("{name}={other:?} is not a boolean (true/false)"),
    }
}

/// Checks `EXPO_ICE_SERVERS`: a JSON array of objects with `urls` (and, for TURN, `username`
/// and `credential`), as the browser's `RTCPeerConnection` takes them. Unset: none (peers on
/// the same network or machine still connect).
fn ice_servers(raw: Option<String>) -> anyhow::Result<String> {
    let Some(raw) = raw else {
        return Ok("[]".to_owned());
    };
    let value: serde_json::Value = serde_json::from_str(&raw)
        .map_err(|e| anyhow::anyhow!("EXPO_ICE_SERVERS is not JSON: {e}"))?;
    let ok = value.as_array().is_some_and(|servers| {
        servers.iter().all(|s| {
            s.get("urls").is_some_and(|u| {
                u.is_string()
                    || u.as_array()
                        .is_some_and(|a| a.iter().all(|x| x.is_string()))
            })
        })
    });
    anyhow::ensure!(
        ok,
        "EXPO_ICE_SERVERS must be a JSON array of {{\"urls\": …}} objects"
    );
    Ok(value.to_string())
}

impl Config {
    /// Reads the settings from the environment (and `.env` if present).
    pub fn from_env() -> anyhow::Result<Config> {
        let _ = dotenvy::dotenv();
        let host = var("EXPO_HOST").unwrap_or_else(|| "127.0.0.1".into());
        let port: u16 = parse("EXPO_PORT", 3000)?;
        let addr: SocketAddr = format!("{host}:{port}")
            .parse()
            .or_else(|_| format!("[{host}]:{port}").parse())
            .with_context(|| format!("EXPO_HOST={host:?} is not an IP address"))?;
        Ok(Config {
            database_url: var("DATABASE_URL").unwrap_or_else(|| "sqlite:data/expo.db".into()),
            database_max_connections: parse("DATABASE_MAX_CONNECTIONS", 8)?,
            addr,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            hashed_assets: crate::assets::hashed_names(),
            max_body_bytes: parse("EXPO_MAX_BODY_BYTES", 2 * 1024 * 1024)?,
            page_cache_secs: parse("EXPO_PAGE_CACHE_SECS", 5)?,
            public_origin: var("EXPO_PUBLIC_ORIGIN").map(|o| o.trim_end_matches('/').to_owned()),
            secure_cookies: flag("EXPO_SECURE_COOKIES")?,
            trust_forwarded_for: flag("EXPO_TRUST_FORWARDED_FOR")?,
            session_idle_secs: parse("EXPO_SESSION_IDLE_SECS", 7 * 24 * 3600)?,
            session_absolute_secs: parse("EXPO_SESSION_ABSOLUTE_SECS", 30 * 24 * 3600)?,
            login_max_failures_per_account: parse("EXPO_LOGIN_MAX_FAILURES_PER_ACCOUNT", 5)?,
            login_max_failures_per_ip: parse("EXPO_LOGIN_MAX_FAILURES_PER_IP", 30)?,
            login_failure_window_secs: parse("EXPO_LOGIN_FAILURE_WINDOW_SECS", 15 * 60)?,
            registrations_per_ip_per_hour: parse("EXPO_REGISTRATIONS_PER_IP_PER_HOUR", 20)?,
            log_json: flag("EXPO_LOG_JSON")?,
            chat_burst: parse("EXPO_CHAT_BURST", 10)?,
            chat_per_minute: parse("EXPO_CHAT_PER_MINUTE", 120)?,
            ws_frames_per_sec: parse("EXPO_WS_FRAMES_PER_SEC", 40)?,
            ice_servers: ice_servers(var("EXPO_ICE_SERVERS"))?,
            media_dir: var("EXPO_MEDIA_DIR").unwrap_or_else(|| "data/media".into()),
            search_dir: var("EXPO_SEARCH_DIR").unwrap_or_else(|| "data/search".into()),
            live_dir: var("EXPO_LIVE_DIR").unwrap_or_else(|| "data/live".into()),
            match_interval_ms: parse("EXPO_MATCH_INTERVAL_MS", 2000)?,
            media_limits: {
                let d = crate::media::MediaLimits::default();
                crate::media::MediaLimits {
                    image: parse("EXPO_MEDIA_MAX_IMAGE_BYTES", d.image)?,
                    video: parse("EXPO_MEDIA_MAX_VIDEO_BYTES", d.video)?,
                    document: parse("EXPO_MEDIA_MAX_DOCUMENT_BYTES", d.document)?,
                    model: parse("EXPO_MEDIA_MAX_MODEL_BYTES", d.model)?,
                }
            },
            smtp_url: var("EXPO_SMTP_URL"),
            mail_from: var("EXPO_MAIL_FROM")
                .unwrap_or_else(|| "Cloud Expo <no-reply@localhost>".into()),
            translate_url: var("EXPO_TRANSLATE_URL"),
            translate_key: var("EXPO_TRANSLATE_KEY"),
        })
    }

    /// Session and login rules for the app.
    pub fn auth(&self) -> app::state::AuthConfig {
        app::state::AuthConfig {
            session_idle_secs: self.session_idle_secs,
            session_absolute_secs: self.session_absolute_secs,
            max_failures_per_account: self.login_max_failures_per_account,
            max_failures_per_ip: self.login_max_failures_per_ip,
            failure_window_secs: self.login_failure_window_secs,
            max_registrations_per_ip: self.registrations_per_ip_per_hour,
            registration_window_secs: 3600,
            secure_cookies: self.secure_cookies,
            chat_burst: self.chat_burst,
            chat_per_minute: self.chat_per_minute,
            ws_frames_per_sec: self.ws_frames_per_sec,
            ice_servers: self.ice_servers.clone(),
        }
    }
}
