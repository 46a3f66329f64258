//! Middleware: security headers with a CSP nonce, the body-size limit, the cross-site check on
//! state-changing requests, and the request context (client address, session, locale).

use crate::config::Config;
use app::account::session::{self, LANG_COOKIE, SESSION_COOKIE};
use app::shell::i18n::I18n;
use app::state::{AppState, ClientInfo, CspNonce, CurrentSession, RequestLocale};
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use domain::Locale;
use std::net::SocketAddr;
use std::sync::Arc;

/// The parts of [`Config`] the middleware needs.
#[derive(Clone, Debug)]
pub struct MiddlewareConfig {
    /// Public origin, if configured.
    pub public_origin: Option<String>,
    /// TLS in front: send HSTS.
    pub secure: bool,
    /// Largest accepted body.
    pub max_body_bytes: usize,
    /// Use the last `X-Forwarded-For` entry (the one our proxy appended).
    pub trust_forwarded_for: bool,
}

impl From<&Config> for MiddlewareConfig {
    fn from(c: &Config) -> Self {
        Self {
            public_origin: c.public_origin.clone(),
            secure: c.secure_cookies,
            max_body_bytes: c.max_body_bytes,
            trust_forwarded_for: c.trust_forwarded_for,
        }
    }
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| session::read_cookie(h, name))
}

/// The locale of a request from its headers alone (cookie, then `Accept-Language`).
pub fn header_locale(headers: &HeaderMap) -> Locale {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Locale::negotiate(cookie(headers, LANG_COOKIE), accept)
}

/// A plain-text error in the request's language.
fn localized_error(headers: &HeaderMap, status: StatusCode, message_id: &str) -> Response {
    let text = I18n {
        locale: header_locale(headers),
    }
    .t(message_id);
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

/// Adds the security headers, with a fresh CSP nonce that the document's scripts carry.
pub async fn security_headers(
    State(cfg): State<Arc<MiddlewareConfig>>,
    mut req: Request,
    next: Next,
) -> Response {
    let nonce = {
        use rand::RngCore;
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        base64::engine::general_purpose::STANDARD.encode(bytes)
    };
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; \
         font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    let pairs = [
        (header::CONTENT_SECURITY_POLICY, csp),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        (header::X_FRAME_OPTIONS, "DENY".to_owned()),
        (
            header::REFERRER_POLICY,
            "strict-origin-when-cross-origin".to_owned(),
        ),
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(self), microphone=(self), display-capture=(self), geolocation=()".to_owned(),
        ),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin".to_owned(),
        ),
    ];
    for (name, value) in pairs {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    }
    if cfg.secure {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    resp
}

/// Caps every request body at the limit while it arrives: a declared length over it is refused
/// at once, and a body without one (chunked) is read up to the limit and refused with the same
/// localized 413 as soon as it passes it, before any handler (server functions included) sees
/// it. Upload routes stream their bodies with limits of their own (see `media` and `import`).
pub async fn body_limit(
    State(cfg): State<Arc<MiddlewareConfig>>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    let live_video = path.starts_with("/api/live/") && path.ends_with("/video");
    if live_video
        || matches!(
            path,
            "/api/media/upload"
                | "/api/chat/attach"
                | "/api/trade/file"
                | "/api/trade/file/form"
                | "/api/import/upload"
                | "/api/application/document"
                | "/api/expo/logo"
        )
    {
        return next.run(req).await;
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > cfg.max_body_bytes as u64) {
        return localized_error(
            req.headers(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "error-body-too-large",
        );
    }
    if declared == Some(0) || axum::body::HttpBody::is_end_stream(req.body()) {
        // Nothing to read (a WebSocket upgrade keeps its connection in the extensions).
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let mut stream = body.into_data_stream();
    let mut read = Vec::new();
    while let Some(chunk) = futures_util::StreamExt::next(&mut stream).await {
        let Ok(chunk) = chunk else {
            return localized_error(
                &parts.headers,
                StatusCode::BAD_REQUEST,
                "error-request-malformed",
            );
        };
        if read.len() + chunk.len() > cfg.max_body_bytes {
            return localized_error(
                &parts.headers,
                StatusCode::PAYLOAD_TOO_LARGE,
                "error-body-too-large",
            );
        }
        read.extend_from_slice(&chunk);
    }
    next.run(Request::from_parts(parts, Body::from(read))).await
}

/// Whether a client asks for JSON rather than a page (a script, not a plain form post):
/// upload handlers answer such clients with JSON and browsers with a redirect.
pub fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json") && !a.contains("text/html"))
}

fn state_changing(method: &Method) -> bool {
    !matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// True when a state-changing request comes from another site (CSRF defence beside SameSite
/// cookies): `Sec-Fetch-Site` other than same-origin/none, or an `Origin` that is not ours.
/// Requests without either header (non-browser clients) pass; they carry no ambient cookies.
pub fn is_cross_site(headers: &HeaderMap, public_origin: Option<&str>) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if !matches!(site, "same-origin" | "none") {
            return true;
        }
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let allowed = match public_origin {
        Some(p) => origin == p,
        None => origin == format!("http://{host}") || origin == format!("https://{host}"),
    };
    !allowed
}

/// Refuses cross-site state-changing requests, and WebSocket upgrades from other sites
/// (cross-site WebSocket hijacking: the browser sends the cookies of the target site), with a
/// localized 403.
pub async fn origin_check(
    State(cfg): State<Arc<MiddlewareConfig>>,
    req: Request,
    next: Next,
) -> Response {
    let websocket = req
        .headers()
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    if (state_changing(req.method()) || websocket)
        && is_cross_site(req.headers(), cfg.public_origin.as_deref())
    {
        tracing::warn!(method = %req.method(), uri = %req.uri(), "cross-site request refused");
        return localized_error(req.headers(), StatusCode::FORBIDDEN, "error-cross-site");
    }
    next.run(req).await
}

fn client_ip(req: &Request<Body>, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for {
        if let Some(first) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            // The proxy appends the address it saw; earlier entries are whatever the client sent.
            .and_then(|v| v.split(',').next_back())
            .map(str::trim)
            .filter(|s| s.parse::<std::net::IpAddr>().is_ok())
        {
            return first.to_owned();
        }
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Resolves who is asking (address, agent, session) and in which language, for every handler.
pub async fn request_context(
    State((state, trust)): State<(AppState, bool)>,
    mut req: Request,
    next: Next,
) -> Response {
    let user_agent: String = req
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .take(256)
        .collect();
    let https = trust
        && req
            .headers()
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
    let console_expo = cookie(req.headers(), domain::plan::CONSOLE_EXPO_COOKIE)
        .filter(|id| domain::text::is_id(id))
        .map(str::to_owned);
    // Global Privacy Control or the older Do Not Track: footprints are then not recorded.
    let do_not_track = ["sec-gpc", "dnt"].iter().any(|h| {
        req.headers()
            .get(*h)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() == "1")
    });
    let client = ClientInfo {
        ip: client_ip(&req, trust),
        user_agent,
        https,
        console_expo,
        do_not_track,
    };
    let session = match cookie(req.headers(), SESSION_COOKIE) {
        Some(token) => match session::resolve(&state, token).await {
            Ok(s) => s,
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                None
            }
        },
        None => None,
    };
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let from_cookie = cookie(req.headers(), LANG_COOKIE).and_then(Locale::parse);
    let locale = from_cookie
        .or_else(|| session.as_ref().map(|s| s.user.language))
        .unwrap_or_else(|| Locale::negotiate(None, accept));
    let ext = req.extensions_mut();
    ext.insert(client);
    ext.insert(CurrentSession(session));
    ext.insert(RequestLocale(locale));
    next.run(req).await
}

/// Maintenance mode: state-changing API requests other than reads, sign-in and sign-out are
/// refused (503, "read-only") unless an organizer or operator sends them. Server-function
/// clients get the `ReadOnly` error they explain in the user's language; plain form posts a
/// localized page.
pub async fn maintenance_gate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if !state_changing(req.method())
        || !path.starts_with("/api/")
        || domain::ops::passes_maintenance(path)
    {
        return next.run(req).await;
    }
    let session = req
        .extensions()
        .get::<CurrentSession>()
        .and_then(|s| s.0.as_ref());
    match app::ops::service::may_write(&state, session).await {
        Ok(true) => next.run(req).await,
        Ok(false) => {
            let html = req
                .headers()
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|a| a.contains("text/html"));
            if html {
                return localized_error(
                    req.headers(),
                    StatusCode::SERVICE_UNAVAILABLE,
                    "error-read-only",
                );
            }
            let body = serde_json::to_string(&app::AppError::ReadOnly).unwrap_or_default();
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [
                    (header::CONTENT_TYPE, "application/json"),
                    (header::RETRY_AFTER, "60"),
                ],
                body,
            )
                .into_response()
        }
        Err(_) => {
            // The write itself will meet the same database; let it answer.
            next.run(req).await
        }
    }
}

/// Server functions answer argument-decoding failures (a malformed or truncated form) with
/// status 500, although the body already says `Validation`; this gives them the 400 they are,
/// so monitoring does not count bad input as server faults.
pub async fn api_error_status(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let resp = next.run(req).await;
    if !is_api || resp.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
    };
    if let Ok(app::AppError::Validation(_)) = serde_json::from_slice::<app::AppError>(&bytes) {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(
                header::HeaderName::from_bytes(k.as_bytes()).expect("name"),
                HeaderValue::from_str(v).expect("value"),
            );
        }
        h
    }

    #[test]
    fn cross_site_detection() {
        assert!(!is_cross_site(&headers(&[]), None));
        assert!(!is_cross_site(
            &headers(&[("sec-fetch-site", "same-origin")]),
            None
        ));
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "cross-site")]),
            None
        ));
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "same-site")]),
            None
        ));
        assert!(!is_cross_site(
            &headers(&[("host", "a.test:3000"), ("origin", "http://a.test:3000")]),
            None
        ));
        assert!(is_cross_site(
            &headers(&[("host", "a.test:3000"), ("origin", "http://evil.test")]),
            None
        ));
        assert!(is_cross_site(
            &headers(&[("host", "a.test"), ("origin", "null")]),
            None
        ));
        assert!(!is_cross_site(
            &headers(&[("origin", "https://expo.test")]),
            Some("https://expo.test")
        ));
        assert!(is_cross_site(
            &headers(&[("host", "expo.test"), ("origin", "http://expo.test")]),
            Some("https://expo.test")
        ));
    }
}
