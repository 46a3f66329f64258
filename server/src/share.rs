//! Sharing public pages: QR codes of booth and product pages (PNG and SVG, made on the server),
//! `robots.txt` and the sitemap of public pages.

use app::state::{AppState, ClientInfo};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use domain::favorite::FavoriteKind;
use std::fmt::Write as _;

/// Most URLs one sitemap file may list (the sitemap protocol's limit).
const SITEMAP_MAX_URLS: usize = 50_000;

fn origin(state: &AppState, client: &ClientInfo, headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    state.origin(client.https, host)
}

/// The path of a public page that can be shared with a QR code.
pub fn page_path(kind: &str, id: &str) -> Option<String> {
    match kind {
        "booth" => Some(format!("/exhibitors/{id}")),
        "product" => Some(format!("/products/{id}")),
        _ => None,
    }
}

fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// `GET /qr/{kind}/{id}.{png|svg}`: the QR code of a booth or product page's absolute URL.
pub async fn qr(
    State(state): State<AppState>,
    Extension(client): Extension<ClientInfo>,
    headers: HeaderMap,
    Path((kind, file)): Path<(String, String)>,
) -> Response {
    let Some((id, format)) = file.rsplit_once('.') else {
        return not_found();
    };
    let (Some(path), true) = (page_path(&kind, id), domain::text::is_id(id)) else {
        return not_found();
    };
    let target = if kind == "booth" {
        FavoriteKind::Booth
    } else {
        FavoriteKind::Product
    };
    match db::favorite::target_exists(&state.db, target, id).await {
        Ok(true) => {}
        Ok(false) => return not_found(),
        Err(e) => {
            tracing::error!(error = %e, "qr: lookup failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    }
    let url = format!("{}{path}", origin(&state, &client, &headers));
    let code = match qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
    {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "qr: cannot encode");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let (body, content_type) = match format {
        "svg" => (
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(256, 256)
                .quiet_zone(true)
                .build()
                .into_bytes(),
            "image/svg+xml",
        ),
        "png" => {
            let img = code
                .render::<image::Luma<u8>>()
                .min_dimensions(512, 512)
                .quiet_zone(true)
                .build();
            let mut out = std::io::Cursor::new(Vec::new());
            if let Err(e) =
                image::DynamicImage::ImageLuma8(img).write_to(&mut out, image::ImageFormat::Png)
            {
                tracing::error!(error = %e, "qr: cannot write PNG");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
            (out.into_inner(), "image/png")
        }
        _ => return not_found(),
    };
    let disposition = format!("inline; filename=\"qr-{kind}-{id}.{format}\"");
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("inline")),
            ),
        ],
        body,
    )
        .into_response()
}

/// `GET /robots.txt`: everything public may be crawled; accounts, consoles and the API not.
pub async fn robots(
    State(state): State<AppState>,
    Extension(client): Extension<ClientInfo>,
    headers: HeaderMap,
) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /dashboard\nDisallow: /messages\n\
         Disallow: /meetings\nDisallow: /favorites\nDisallow: /search\n\nSitemap: {}/sitemap.xml\n",
        origin(&state, &client, &headers)
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// `GET /sitemap.xml`: the landing page, halls, booths, products and guides of the current expo.
pub async fn sitemap(
    State(state): State<AppState>,
    Extension(client): Extension<ClientInfo>,
    headers: HeaderMap,
) -> Response {
    let origin = origin(&state, &client, &headers);
    let mut paths: Vec<String> = vec!["/".into(), "/halls".into(), "/help".into()];
    paths.extend(
        app::help::TOPICS
            .iter()
            .map(|(slug, _)| format!("/help/{slug}")),
    );
    let listed = async {
        let Some(expo) = db::expo::current_expo(&state.db).await? else {
            return Ok::<_, db::Error>(());
        };
        for hall in db::hall::halls_of(&state.db, &expo.id).await? {
            paths.push(format!("/halls/{}", hall.slug));
        }
        let (booths, products) = db::search::public_pages(&state.db, &expo.id).await?;
        paths.extend(booths.iter().map(|id| format!("/exhibitors/{id}")));
        paths.extend(products.iter().map(|id| format!("/products/{id}")));
        Ok(())
    }
    .await;
    if let Err(e) = listed {
        tracing::error!(error = %e, "sitemap: lookup failed");
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    if paths.len() > SITEMAP_MAX_URLS {
        tracing::warn!(urls = paths.len(), "sitemap cut at the protocol's limit");
        paths.truncate(SITEMAP_MAX_URLS);
    }
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in &paths {
        let _ = writeln!(
            body,
            "  <url><loc>{}</loc></url>",
            xml_escape(&format!("{origin}{p}"))
        );
    }
    body.push_str("</urlset>\n");
    (
        [
            (header::CONTENT_TYPE, "application/xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=600"),
        ],
        body,
    )
        .into_response()
}
