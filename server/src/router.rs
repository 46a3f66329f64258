//! The HTTP surface: Leptos pages and server functions, health checks, the language switch,
//! static files, and the middleware every request passes through.

use crate::config::Config;
use crate::middleware;
use app::state::{AppState, CurrentSession};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use db::Db;
use domain::Locale;
use leptos::config::{Env, LeptosOptions};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

/// The Leptos options for a configuration (output name as in the workspace metadata).
pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("expo")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .env(Env::PROD)
        .hash_files(config.hashed_assets)
        .build()
}

/// The app's routes, generated once per process. Generating them renders the app with a
/// process-wide "do not load resources" switch on (leptos `SuppressResourceLoad`); doing that
/// again while another router already serves pages would leave that server's page resources
/// waiting forever (found when integration tests started servers concurrently).
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// Builds the application router, with uploads in the local object store of the configuration.
pub fn build(config: &Config, db: Db) -> anyhow::Result<Router> {
    let store = crate::media::local_store(&config.media_dir)?;
    Ok(build_with_store(config, db, store))
}

/// Builds the application router around a given object store.
pub fn build_with_store(
    config: &Config,
    db: Db,
    store: Arc<dyn object_store::ObjectStore>,
) -> Router {
    let mut state = AppState::new(db.clone(), config.auth());
    state
        .setup()
        .public_origin
        .clone_from(&config.public_origin);
    state.setup().bind_origin = format!("http://{}", config.addr);
    state.setup().translator =
        config.translate_url.as_deref().and_then(
            |url| match crate::translate::LibreTranslate::new(url, config.translate_key.clone()) {
                Ok(t) => Some(Arc::new(t) as Arc<dyn app::chat::translate::Translator>),
                Err(e) => {
                    tracing::error!(error = %e, "EXPO_TRANSLATE_URL unusable: no translate button");
                    None
                }
            },
        );
    // Search follows the database from its own folder; without it, search answers an error
    // and every other page works.
    match app::search::engine::SearchIndex::open(std::path::Path::new(&config.search_dir)) {
        Ok(index) => {
            app::search::follower::spawn(db, index.clone(), std::time::Duration::from_millis(200));
            state.setup().search = Some(index);
        }
        Err(e) => tracing::error!(error = %e, dir = %config.search_dir, "search index unavailable"),
    }
    let live = crate::live::LiveState {
        app: state.clone(),
        store: store.clone(),
        spool_dir: Arc::new(std::path::PathBuf::from(&config.live_dir)),
    };
    crate::live::spawn_reminders(state.clone());
    app::analytics::service::spawn_pusher(state.clone());
    if config.match_interval_ms > 0 {
        app::matching::service::spawn(
            state.clone(),
            std::time::Duration::from_millis(config.match_interval_ms),
        );
    }
    let live_routes = Router::new()
        .route("/live/{id}/ingest", get(crate::live::ingest))
        .route("/live/{id}/watch", get(crate::live::watch))
        .route("/live/{id}/replay.webm", get(crate::live::replay))
        .route("/live/{id}/replay", get(crate::live::replay))
        .route("/live/{id}/fallback", get(crate::live::fallback))
        .route("/live/{id}/calendar.ics", get(crate::live::calendar))
        .with_state(live);
    let media = crate::media::MediaState {
        app: state.clone(),
        store,
        limits: config.media_limits,
    };
    let media_routes = Router::new()
        .route(
            "/api/media/upload",
            axum::routing::post(crate::media::upload),
        )
        .route("/media/{id}/{variant}", get(crate::media::serve))
        .route(
            "/api/live/{id}/video",
            axum::routing::post(crate::live::upload_video),
        )
        .route(
            "/api/chat/attach",
            axum::routing::post(crate::chat_files::attach),
        )
        .route(
            "/api/chat/file/{id}/{variant}",
            get(crate::chat_files::serve),
        )
        .route(
            "/api/expo/logo/remove",
            axum::routing::post(crate::expo_logo::remove),
        )
        .merge(
            Router::new()
                .route(
                    "/api/expo/logo",
                    axum::routing::post(crate::expo_logo::upload),
                )
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::expo_logo::MAX_LOGO_BYTES + 64 * 1024,
                )),
        )
        .route(
            "/api/trade/file",
            axum::routing::post(crate::inquiry_files::upload),
        )
        .route(
            "/api/trade/file/{id}/{variant}",
            get(crate::inquiry_files::serve),
        )
        .merge(
            Router::new()
                .route(
                    "/api/trade/file/form",
                    axum::routing::post(crate::inquiry_files::upload_form),
                )
                .layer(axum::extract::DefaultBodyLimit::max(
                    config.media_limits.image.max(config.media_limits.document) as usize
                        + 64 * 1024,
                )),
        )
        .route(
            "/application-documents/{id}",
            get(crate::documents::download),
        )
        .merge(
            Router::new()
                .route(
                    "/api/application/document",
                    axum::routing::post(crate::documents::upload),
                )
                .layer(axum::extract::DefaultBodyLimit::max(
                    domain::application::MAX_DOCUMENT_BYTES as usize + 64 * 1024,
                )),
        )
        .with_state(media);
    // Spreadsheets may be larger than other request bodies (their own limit is checked too).
    let import_routes = Router::new()
        .route(
            "/api/import/upload",
            axum::routing::post(crate::import::upload),
        )
        .layer(axum::extract::DefaultBodyLimit::max(
            domain::import::MAX_BYTES + 64 * 1024,
        ))
        .route("/import/template/{file}", get(crate::import::template))
        .route("/import/{id}/errors.csv", get(crate::import::errors))
        .with_state(state.clone());
    let options = leptos_options(config);
    let routes = route_list();
    let pages = Router::new()
        .leptos_routes_with_context(
            &options,
            routes,
            {
                let state = state.clone();
                move || provide_context(state.clone())
            },
            {
                let options = options.clone();
                move || app::shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler_with_context(
            {
                let state = state.clone();
                move || provide_context(state.clone())
            },
            app::shell,
        ))
        .with_state(options)
        .layer(axum::middleware::from_fn_with_state(
            crate::page_cache::PageCache::new(state.clone(), config.page_cache_secs),
            crate::page_cache::layer,
        ));
    let mw = Arc::new(middleware::MiddlewareConfig::from(config));
    Router::new()
        .route("/healthz", get(crate::health::healthz))
        .route("/readyz", get(crate::health::readyz))
        .route("/lang/{tag}", get(set_language))
        .route("/ws", get(crate::realtime::upgrade))
        .route("/export/{file}", get(crate::export::export))
        .route("/i/{code}", get(crate::invite::follow))
        .route("/qr/{kind}/{file}", get(crate::share::qr))
        .route("/calendar/feed/{file}", get(crate::calendar::feed))
        .route("/robots.txt", get(crate::share::robots))
        .route("/sitemap.xml", get(crate::share::sitemap))
        .with_state(state.clone())
        .merge(media_routes)
        .merge(import_routes)
        .merge(live_routes)
        .merge(crate::assets::pkg_routes(
            &config.site_root,
            config.hashed_assets,
        ))
        .merge(pages)
        .layer(axum::middleware::from_fn(middleware::api_error_status))
        .layer(axum::middleware::from_fn(crate::assets::pages))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::maintenance_gate,
        ))
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), config.trust_forwarded_for),
            middleware::request_context,
        ))
        .layer(axum::middleware::from_fn_with_state(
            mw.clone(),
            middleware::origin_check,
        ))
        .layer(axum::middleware::from_fn_with_state(
            mw.clone(),
            middleware::body_limit,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(config.max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            mw,
            middleware::security_headers,
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

#[derive(serde::Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// `GET /lang/<tag>?next=/path`: remembers the language in a cookie and returns to `next`. An
/// unknown or malformed tag changes nothing. The account's stored preference is updated only for
/// same-origin navigations, so another site cannot change it with a link.
async fn set_language(
    State(state): State<AppState>,
    tag: Result<Path<String>, axum::extract::rejection::PathRejection>,
    query: Result<Query<NextQuery>, axum::extract::rejection::QueryRejection>,
    Extension(session): Extension<CurrentSession>,
    request_headers: HeaderMap,
) -> Response {
    let next = query
        .ok()
        .and_then(|Query(q)| q.next)
        .unwrap_or_else(|| "/".to_owned());
    let next = app::account::safe_next(&next);
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&next) {
        headers.insert(header::LOCATION, v);
    }
    if let Some(locale) = tag.ok().and_then(|Path(t)| Locale::parse(&t)) {
        let cookie = app::account::session::lang_cookie(locale.tag(), state.auth.secure_cookies);
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            headers.insert(header::SET_COOKIE, v);
        }
        let same_origin = matches!(
            request_headers
                .get("sec-fetch-site")
                .and_then(|v| v.to_str().ok()),
            Some("same-origin" | "none")
        );
        if let (Some(s), true) = (session.0, same_origin) {
            if let Err(e) = db::account::set_language(&state.db, &s.user.id, locale).await {
                tracing::warn!(error = %e, "could not store language preference");
            }
        }
    }
    (StatusCode::SEE_OTHER, headers).into_response()
}
