//! The built site's `/pkg` files (the WASM, the JS that loads it, the style sheet) and the
//! caching rules of what the server sends, for browsers and for a CDN in front of the servers.
//!
//! - `/pkg` files are served as the build precompressed them (`.br`, `.gz` beside each file)
//!   when the browser takes that encoding, with ranges and `Last-Modified`. When their names
//!   carry a hash of their content (`hash.txt` beside the server binary, written by the
//!   build), a new build has new names, so they are cached for a year as `immutable`;
//!   otherwise they must be revalidated. A missing file is never cached.
//! - Pages (`text/html`) are never stored by a shared cache: each carries its own CSP nonce,
//!   and what it shows depends on the session cookie and the language. Anonymous pages may be
//!   kept by the browser only to revalidate (`no-cache`); a signed-in person's or one that sets
//!   a cookie is `private, no-store`. Both vary on `Cookie` and `Accept-Language`. The
//!   servers' own page cache shares anonymous pages between visitors.

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use tower_http::services::ServeDir;

/// Cache-Control of a file whose name changes with its content.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Whether the running binary's build named its site files by their hashes (the build writes
/// `hash.txt` beside the binary, where Leptos reads the names from).
pub fn hashed_names() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|file| file.is_file())
}

/// `/pkg/…` from `<site_root>/pkg`, precompressed, cached for a year when `hashed`.
pub fn pkg_routes(site_root: &str, hashed: bool) -> Router {
    let files = ServeDir::new(std::path::Path::new(site_root).join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service("/pkg", files)
        .layer(axum::middleware::map_response(
            move |resp: Response| async move { pkg_headers(resp, hashed) },
        ))
}

fn pkg_headers(mut resp: Response, hashed: bool) -> Response {
    let found = matches!(
        resp.status(),
        StatusCode::OK | StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED
    );
    let h = resp.headers_mut();
    let policy = match (found, hashed) {
        (true, true) => IMMUTABLE,
        (true, false) => "no-cache",
        (false, _) => "no-store",
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    // Which file was sent depends on the encodings the browser takes.
    if found && !h.contains_key(header::VARY) {
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    resp
}

/// Gives every page (`text/html`) without caching rules of its own the ones in the module's
/// text. `signed_in` is whether the request carried a session.
pub fn page_headers(resp: &mut Response, signed_in: bool) {
    let html = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if !html || resp.headers().contains_key(header::CACHE_CONTROL) {
        return;
    }
    let personal = signed_in || resp.headers().contains_key(header::SET_COOKIE);
    let h = resp.headers_mut();
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if personal {
            "private, no-store"
        } else {
            "no-cache"
        }),
    );
    h.append(
        header::VARY,
        HeaderValue::from_static("cookie, accept-language"),
    );
}

/// Middleware: [`page_headers`] on every response.
pub async fn pages(req: Request, next: Next) -> Response {
    let signed_in = req
        .extensions()
        .get::<app::state::CurrentSession>()
        .is_some_and(|s| s.0.is_some());
    let mut resp = next.run(req).await;
    page_headers(&mut resp, signed_in);
    resp
}
