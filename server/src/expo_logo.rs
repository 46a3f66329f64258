//! The expo's logo: `POST /api/expo/logo` (a multipart form with `file`: a JPEG, PNG or WebP
//! picture up to 5 MB, from an organizer of the expo being managed) and `POST
//! /api/expo/logo/remove`. The picture is re-encoded at the logo widths (the original, with its
//! metadata, is not kept) and served by the media route; the header of every page shows it.
//! Without JavaScript both are plain forms that return to the setup page with the outcome.

use crate::media::{detect, object_path, picture_variants, MediaState, LOGO_WIDTHS};
use app::state::{ClientInfo, Ctx, CurrentSession, RequestLocale};
use app::AppError;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Json};
use object_store::{ObjectStoreExt, PutPayload};

/// Largest logo upload.
pub const MAX_LOGO_BYTES: usize = 5 << 20;

/// A refusal: JSON for scripts, back to the setup page with the reason for a plain form.
fn refuse(json: bool, e: AppError) -> Response {
    if json {
        return (e.status_code(), Json(e)).into_response();
    }
    let id = match &e {
        AppError::Validation(errors) => errors
            .first()
            .map_or(e.message_id(), |f| f.message_id.as_str()),
        AppError::Conflict(id) if !id.is_empty() => id.as_str(),
        other => other.message_id(),
    };
    Redirect::to(&format!("/dashboard/setup?logo_error={id}")).into_response()
}

fn invalid(id: &str) -> AppError {
    AppError::Validation(vec![domain::FieldError::new("file", id)])
}

/// The upload handler.
pub async fn upload(
    State(media): State<MediaState>,
    Extension(session): Extension<CurrentSession>,
    Extension(locale): Extension<RequestLocale>,
    Extension(client): Extension<ClientInfo>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let json = crate::middleware::wants_json(&headers);
    let ctx = Ctx::of_request(media.app.clone(), client, session, locale);
    // Strangers are refused before anything they send is read.
    let expo_id = match app::console::managed_expo(&ctx).await {
        Ok(id) => id,
        Err(e) => return refuse(json, e),
    };
    let Ok(mut multipart) = multipart else {
        return refuse(json, invalid("error-request-malformed"));
    };
    let mut bytes = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return refuse(json, invalid("error-media-too-large"))
            }
            Err(_) => return refuse(json, invalid("error-request-malformed")),
        };
        // The form names the expo it was opened for (before the file): one switched away from
        // in another tab since is refused, not given this logo.
        if field.name() == Some("expo_id") {
            let named = field.text().await.unwrap_or_default();
            if !named.is_empty() && named != expo_id {
                return refuse(json, AppError::Conflict("setup-error-switched".into()));
            }
            continue;
        }
        if field.name() != Some("file") {
            continue;
        }
        let mut field = field;
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() > MAX_LOGO_BYTES {
                        return refuse(json, invalid("error-media-too-large"));
                    }
                }
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    return refuse(json, invalid("error-media-too-large"))
                }
                Err(_) => return refuse(json, invalid("error-media-incomplete")),
            }
        }
    }
    if bytes.is_empty() {
        return refuse(json, invalid("error-media-empty"));
    }
    let detected = match detect(&bytes[..bytes.len().min(4096)]) {
        Ok(d) if d.kind == "image" => d,
        Err("error-media-svg") => return refuse(json, invalid("error-media-svg")),
        _ => return refuse(json, invalid("error-media-picture-only")),
    };
    let size = bytes.len();
    let ((width, height), encoded) = match picture_variants(bytes, &LOGO_WIDTHS).await {
        Ok(v) => v,
        Err(refusal) => return refuse(json, invalid(refusal.message_id())),
    };
    let id = db::new_id();
    let mut variants = Vec::new();
    for (name, data) in encoded {
        if let Err(e) = media
            .store
            .put(&object_path(&id, &name), PutPayload::from(data))
            .await
        {
            return refuse(json, AppError::internal(e));
        }
        variants.push(name);
    }
    let asset = db::setup::ExpoAsset {
        id: id.clone(),
        expo_id: expo_id.clone(),
        kind: "logo".into(),
        content_type: detected.content_type.into(),
        byte_size: i64::try_from(size).unwrap_or(i64::MAX),
        width: i64::from(width),
        height: i64::from(height),
        variants: variants.clone(),
    };
    let user = ctx.session.as_ref().map_or("", |s| s.user.id.as_str());
    if let Err(e) = db::setup::set_expo_logo(&media.app.db, &asset, user, db::now_millis()).await {
        for v in &variants {
            let _ = media.store.delete(&object_path(&id, v)).await;
        }
        return refuse(json, AppError::internal(e));
    }
    media.app.content_changed();
    app::console::audit(&ctx, "expo.logo", &expo_id).await;
    if json {
        let body = serde_json::json!({ "id": id, "variants": variants });
        return (StatusCode::CREATED, Json(body)).into_response();
    }
    Redirect::to("/dashboard/setup?logo=saved").into_response()
}

/// Removes the managed expo's logo.
pub async fn remove(
    State(media): State<MediaState>,
    Extension(session): Extension<CurrentSession>,
    Extension(locale): Extension<RequestLocale>,
    Extension(client): Extension<ClientInfo>,
    headers: HeaderMap,
) -> Response {
    let json = crate::middleware::wants_json(&headers);
    let ctx = Ctx::of_request(media.app.clone(), client, session, locale);
    let expo_id = match app::console::managed_expo(&ctx).await {
        Ok(id) => id,
        Err(e) => return refuse(json, e),
    };
    match db::setup::remove_expo_logo(&media.app.db, &expo_id).await {
        Ok(_) => {}
        Err(e) => return refuse(json, AppError::internal(e)),
    }
    media.app.content_changed();
    app::console::audit(&ctx, "expo.logo-remove", &expo_id).await;
    if json {
        return StatusCode::NO_CONTENT.into_response();
    }
    Redirect::to("/dashboard/setup?logo=removed").into_response()
}
