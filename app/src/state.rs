//! Server-side state shared by every request, and what the server's middleware learned about
//! the request (client address, session, locale) before the page or server function runs.

use crate::AppError;
use db::Db;
use domain::account::UserProfile;
use domain::authz::Actor;
use domain::Locale;
use leptos::prelude::*;
use std::sync::Arc;

/// Limits of sessions and login throttling, from configuration.
#[derive(Clone, Debug)]
pub struct AuthConfig {
    /// A session unused this long ends.
    pub session_idle_secs: i64,
    /// A session ends this long after login, used or not.
    pub session_absolute_secs: i64,
    /// Failed logins allowed per account within the window.
    pub max_failures_per_account: i64,
    /// Failed logins allowed per client address within the window.
    pub max_failures_per_ip: i64,
    /// The throttling window.
    pub failure_window_secs: i64,
    /// Registrations allowed per client address within the registration window.
    pub max_registrations_per_ip: i64,
    /// The registration window.
    pub registration_window_secs: i64,
    /// Add `Secure` to cookies (the site is served over TLS).
    pub secure_cookies: bool,
    /// Chat messages one person may send at once before the rate applies.
    pub chat_burst: u32,
    /// Chat messages one person may send per minute, sustained.
    pub chat_per_minute: u32,
    /// Frames one realtime connection may send per second (bursts of three times that).
    pub ws_frames_per_sec: u32,
    /// STUN/TURN servers for meetings: a JSON array of `RTCIceServer` objects.
    pub ice_servers: String,
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            session_idle_secs: 7 * 24 * 3600,
            session_absolute_secs: 30 * 24 * 3600,
            max_failures_per_account: 5,
            max_failures_per_ip: 30,
            failure_window_secs: 15 * 60,
            max_registrations_per_ip: 20,
            registration_window_secs: 3600,
            secure_cookies: false,
            chat_burst: 10,
            chat_per_minute: 120,
            ws_frames_per_sec: 40,
            ice_servers: "[]".to_owned(),
        }
    }
}

/// Everything a request handler needs from the running server: one shared [`Shared`], so a
/// clone (several per request: each layer's state, the page's context) is one reference count.
#[derive(Clone, Debug)]
pub struct AppState {
    shared: Arc<Shared>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.shared
    }
}

/// What [`AppState`] shares.
#[derive(Clone, Debug)]
pub struct Shared {
    /// The database.
    pub db: Db,
    /// Session and login rules.
    pub auth: Arc<AuthConfig>,
    /// The realtime hub.
    pub hub: crate::realtime::hub::Hub,
    /// The live streams on air on this node (their media relays).
    pub live: crate::live::relay::Relays,
    /// STUN/TURN servers for meetings (JSON), as configured.
    pub ice_servers: Arc<String>,
    /// Chat flood limit per sender (on this node).
    pub chat_limiter: Arc<governor::DefaultKeyedRateLimiter<String>>,
    /// Caps on one visitor's page-view beacons (on this node).
    pub footprints: Arc<crate::analytics::guard::FootprintGuard>,
    /// This node's footprint writer (batches beacons' events into few transactions).
    pub footprint_writer: Arc<crate::analytics::ingest::FootprintWriter>,
    /// The maintenance state as this node last read it.
    pub maintenance: Arc<crate::ops::service::MaintenanceMemo>,
    /// This node's search index, when the server opened one.
    pub search: Option<crate::search::engine::SearchIndex>,
    /// The site's public origin (`https://expo.example`), when configured; otherwise links
    /// that must be absolute (QR codes, sitemap, Open Graph) use the request's host.
    pub public_origin: Option<String>,
    /// This server's own address (`http://127.0.0.1:3000`), the origin of links sent by e-mail
    /// when no public origin is configured — never the request's `Host`, which anyone can set.
    pub bind_origin: String,
    /// The machine translation provider for chat messages, when one is configured.
    pub translator: Option<Arc<dyn crate::chat::translate::Translator>>,
}

impl AppState {
    /// The state around a database and login rules.
    pub fn new(db: Db, auth: AuthConfig) -> Self {
        let per_minute = std::num::NonZeroU32::new(auth.chat_per_minute.max(1))
            .unwrap_or(std::num::NonZeroU32::MIN);
        let burst =
            std::num::NonZeroU32::new(auth.chat_burst.max(1)).unwrap_or(std::num::NonZeroU32::MIN);
        let chat_limiter = Arc::new(governor::RateLimiter::keyed(
            governor::Quota::per_minute(per_minute).allow_burst(burst),
        ));
        // Several nodes may share a PostgreSQL database: their hubs talk through it.
        let hub = match db.backend() {
            db::Backend::Postgres => crate::realtime::hub::Hub::new(Box::new(
                crate::realtime::bus::PgBus::new(db.clone()),
            )),
            db::Backend::Sqlite => crate::realtime::hub::Hub::default(),
        };
        let shared = Shared {
            ice_servers: Arc::new(auth.ice_servers.clone()),
            chat_limiter,
            footprints: Arc::default(),
            footprint_writer: Arc::default(),
            maintenance: Arc::default(),
            db,
            auth: Arc::new(auth),
            hub,
            live: crate::live::relay::Relays::default(),
            search: None,
            public_origin: None,
            bind_origin: "http://localhost".to_owned(),
            translator: None,
        };
        Self {
            shared: Arc::new(shared),
        }
    }

    /// What is set up once after [`AppState::new`], before the state is shared (copied if it
    /// already is).
    pub fn setup(&mut self) -> &mut Shared {
        Arc::make_mut(&mut self.shared)
    }

    /// Tells each of `people`, on every node, that they have a new notification.
    pub fn notified(&self, people: &[String]) {
        for user in people {
            self.hub.signal(
                &domain::realtime::Topic::User(user.clone()).to_string(),
                domain::realtime::Hint::Notification,
            );
        }
    }

    /// Marks public content as changed (pages rendered before are not reused), on every node.
    pub fn content_changed(&self) {
        self.hub.content_changed();
    }

    /// The origin absolute links start with: the configured public origin, else the scheme and
    /// the request's `Host` (kept only when it looks like a host name, else `localhost`).
    pub fn origin(&self, https: bool, host: Option<&str>) -> String {
        if let Some(o) = &self.public_origin {
            return o.clone();
        }
        let host = host
            .filter(|h| {
                !h.is_empty()
                    && h.len() <= 255
                    && h.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
            })
            .unwrap_or("localhost");
        format!("{}://{host}", if https { "https" } else { "http" })
    }

    /// The origin of links sent by e-mail (password reset): the configured public origin, else
    /// this server's own address. Unlike page links it never comes from the request.
    pub fn mail_origin(&self) -> String {
        self.public_origin
            .clone()
            .unwrap_or_else(|| self.bind_origin.clone())
    }

    /// The current content version.
    pub fn content_version(&self) -> u64 {
        self.hub.content_version()
    }
}

/// The client's address and browser, as seen by the server.
#[derive(Clone, Debug, Default)]
pub struct ClientInfo {
    /// IP address (from the socket; a trusted proxy header when configured).
    pub ip: String,
    /// User-Agent, truncated.
    pub user_agent: String,
    /// The request reached us over TLS (a trusted proxy said `X-Forwarded-Proto: https`).
    pub https: bool,
    /// The expo the organizer chose to manage in the console (cookie
    /// [`domain::plan::CONSOLE_EXPO_COOKIE`]), if it is an id; honoured only for its organizers.
    pub console_expo: Option<String>,
    /// The browser asks not to be tracked (`Sec-GPC: 1` or `DNT: 1`).
    pub do_not_track: bool,
}

impl ClientInfo {
    /// What per-address throttles count: the address, or its /64 for IPv6
    /// ([`domain::account::address_group`]).
    pub fn address_group(&self) -> String {
        domain::account::address_group(&self.ip)
    }
}

/// A signed-in session, resolved from the cookie by the server's middleware.
#[derive(Clone, Debug)]
pub struct AuthSession {
    /// SHA-256 of the cookie token (the token itself is never stored).
    pub token_hash: String,
    /// The account.
    pub user: UserProfile,
    /// The account's roles, for authorization.
    pub actor: Actor,
}

/// The session of this request, if any.
#[derive(Clone, Debug, Default)]
pub struct CurrentSession(pub Option<AuthSession>);

/// The locale negotiated for this request.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequestLocale(pub Locale);

/// The CSP nonce of this response.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// A request's context for services: state, client, session, locale.
#[derive(Clone, Debug)]
pub struct Ctx {
    /// Server state.
    pub state: AppState,
    /// Client address and agent.
    pub client: ClientInfo,
    /// Session, if signed in.
    pub session: Option<AuthSession>,
    /// Locale.
    pub locale: Locale,
}

impl Ctx {
    /// The context of a plain axum handler, from what the middleware put in the request.
    pub fn of_request(
        state: AppState,
        client: ClientInfo,
        session: CurrentSession,
        locale: RequestLocale,
    ) -> Ctx {
        Ctx {
            state,
            client,
            session: session.0,
            locale: locale.0,
        }
    }

    /// Whether cookies must carry `Secure`: configured, or the request came over TLS.
    pub fn secure_cookies(&self) -> bool {
        self.state.auth.secure_cookies || self.client.https
    }

    /// The signed-in actor, for [`domain::authz::authorize`].
    pub fn actor(&self) -> Option<&Actor> {
        self.session.as_ref().map(|s| &s.actor)
    }
}

fn parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// Builds the context of the current request (inside a server function or SSR).
pub fn ctx() -> Result<Ctx, AppError> {
    let state = use_context::<AppState>()
        .ok_or_else(|| AppError::internal("AppState missing from context"))?;
    let parts = parts();
    let ext = |p: &http::request::Parts| {
        (
            p.extensions
                .get::<ClientInfo>()
                .cloned()
                .unwrap_or_default(),
            p.extensions
                .get::<CurrentSession>()
                .cloned()
                .unwrap_or_default()
                .0,
            p.extensions
                .get::<RequestLocale>()
                .copied()
                .unwrap_or_default()
                .0,
        )
    };
    let (client, session, locale) = parts.as_ref().map(ext).unwrap_or_default();
    Ok(Ctx {
        state,
        client,
        session,
        locale,
    })
}

/// The locale of the current request (default outside a request).
pub fn request_locale() -> Locale {
    parts()
        .and_then(|p| p.extensions.get::<RequestLocale>().copied())
        .unwrap_or_default()
        .0
}

/// The value of a cookie the current request carries.
pub fn request_cookie(name: &str) -> Option<String> {
    let parts = parts()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find_map(|h| crate::account::session::read_cookie(h, name).map(str::to_owned))
}

/// The CSP nonce of the current response, if the middleware made one.
pub fn request_nonce() -> Option<String> {
    parts().and_then(|p| p.extensions.get::<CspNonce>().map(|n| n.0.clone()))
}
