//! A short-lived cache of server-rendered public pages for visitors who are not signed in.
//!
//! Hall, booth and product pages are the same for every anonymous visitor in one language, so
//! the rendered HTML is reused for a few seconds instead of querying and rendering again.
//! Invariants: only `GET` pages with status 200, `text/html` and no `Set-Cookie` are kept;
//! signed-in requests never read or fill it; the key holds the origin of the page's absolute
//! links (so a forged `Host` cannot poison it), the path with its query, the negotiated
//! language and the content version, which every change bumps (so a change shows on
//! the next request); each response still gets its own CSP nonce (the stored page's nonce is
//! replaced); size is bounded by bytes. A page older than its freshness is served once more
//! while one request renders it anew (stale-while-revalidate), so readers never queue behind
//! renders when pages expire.

use app::state::{AppState, CspNonce, CurrentSession, RequestLocale};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::Locale;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How many freshness periods a page is kept to be served while it is rendered anew.
const STALE_FACTOR: u32 = 12;

/// Largest page kept, bytes.
const MAX_PAGE_BYTES: usize = 4 << 20;
/// Total bytes kept.
const MAX_TOTAL_BYTES: u64 = 64 << 20;

/// (content version, origin of the page's absolute links, path and query, language).
type Key = (u64, String, String, Locale);

struct Page {
    headers: HeaderMap,
    body: String,
    nonce: String,
    rendered: Instant,
    /// Set by the one request that renders the page again.
    refreshing: AtomicBool,
}

/// The cache and the state whose content version it follows; `None` inside when turned off.
#[derive(Clone)]
pub struct PageCache(Option<(AppState, Duration, moka::future::Cache<Key, Arc<Page>>)>);

impl PageCache {
    /// A cache keeping pages for `secs` seconds (0: no cache).
    pub fn new(state: AppState, secs: u64) -> Self {
        if secs == 0 {
            return Self(None);
        }
        let fresh = Duration::from_secs(secs);
        let pages = moka::future::Cache::builder()
            .time_to_live(fresh * STALE_FACTOR)
            .weigher(|_: &Key, p: &Arc<Page>| u32::try_from(p.body.len()).unwrap_or(u32::MAX))
            .max_capacity(MAX_TOTAL_BYTES)
            .build();
        Self(Some((state, fresh, pages)))
    }
}

fn cacheable_request(req: &Request) -> bool {
    let path = req.uri().path();
    req.method() == Method::GET
        && !path.starts_with("/api/")
        && !path.starts_with("/pkg/")
        && !path.starts_with("/vendor/")
        // Every search is recorded, so each one must reach the server.
        && path != "/search"
        && req
            .extensions()
            .get::<CurrentSession>()
            .is_none_or(|s| s.0.is_none())
}

fn cacheable_response(resp: &Response) -> bool {
    resp.status() == StatusCode::OK
        && !resp.headers().contains_key(header::SET_COOKIE)
        && resp
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html"))
}

/// Serves a kept page or renders, keeps and serves it.
pub async fn layer(State(cache): State<PageCache>, req: Request, next: Next) -> Response {
    let Some((state, fresh, pages)) = cache.0.as_ref() else {
        return next.run(req).await;
    };
    let nonce = req.extensions().get::<CspNonce>().map(|n| n.0.clone());
    let (true, Some(nonce)) = (cacheable_request(&req), nonce) else {
        return next.run(req).await;
    };
    let locale = req
        .extensions()
        .get::<RequestLocale>()
        .map(|l| l.0)
        .unwrap_or_default();
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    // Absolute links and Open Graph tags name the origin: the configured public origin, else
    // the one the request's `Host` gives. A page rendered for one host is never served to a
    // request for another, so a forged `Host` only ever reaches the request that forged it.
    let https = req
        .extensions()
        .get::<app::state::ClientInfo>()
        .is_some_and(|c| c.https);
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let origin = state.origin(https, host);
    let key = (state.content_version(), origin, path, locale);
    let cached = pages.get(&key).await.filter(|page| {
        // A stale page is served unless this request is the one that renders it anew.
        page.rendered.elapsed() < *fresh || page.refreshing.swap(true, Ordering::AcqRel)
    });
    if let Some(page) = cached {
        let mut resp = page.body.replace(&page.nonce, &nonce).into_response();
        *resp.headers_mut() = page.headers.clone();
        resp.headers_mut()
            .insert("x-page-cache", HeaderValue::from_static("hit"));
        return resp;
    }
    let resp = next.run(req).await;
    if !cacheable_response(&resp) {
        return resp;
    }
    let (parts, body) = resp.into_parts();
    let bytes: Bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            tracing::warn!(error = %e, "page body could not be read for the cache");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if let (true, Ok(text)) = (bytes.len() <= MAX_PAGE_BYTES, std::str::from_utf8(&bytes)) {
        let page = Page {
            headers: parts.headers.clone(),
            body: text.to_owned(),
            nonce,
            rendered: Instant::now(),
            refreshing: AtomicBool::new(false),
        };
        pages.insert(key, Arc::new(page)).await;
    }
    Response::from_parts(parts, Body::from(bytes))
}
