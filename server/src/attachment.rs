//! What files sent between people (chat files, inquiry files) have in common once their bytes
//! are stored under `media/<id>/original`: pictures are re-encoded into their widths and the
//! original (with its camera and GPS metadata) is dropped; documents are kept as sent. Serving
//! sends a picture's width as it is, and a document as a download under its name.

use crate::media::{fail, field_error, object_path, Detected, MediaState};
use app::AppError;
use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::chat::Attachment;
use object_store::{ObjectStoreExt, PutPayload};

/// The variants kept of a stored upload and a picture's size: a picture in `widths` (its
/// original deleted), anything else as `original`.
pub(crate) async fn keep(
    media: &MediaState,
    id: &str,
    detected: &Detected,
    widths: &'static [u32],
) -> Result<(Vec<String>, Option<i64>, Option<i64>), Response> {
    if detected.kind != "image" {
        return Ok((vec!["original".to_owned()], None, None));
    }
    let original = object_path(id, "original");
    let bytes = match media.store.get(&original).await {
        Ok(r) => r
            .bytes()
            .await
            .map_err(|e| fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)))?,
        Err(e) => {
            return Err(fail(
                StatusCode::INTERNAL_SERVER_ERROR,
                AppError::internal(e),
            ))
        }
    };
    let made = crate::media::picture_variants(bytes, widths).await;
    // The original keeps the picture's metadata: it is not kept.
    let _ = media.store.delete(&original).await;
    let ((w, h), encoded) = made
        .map_err(|refusal| field_error(StatusCode::UNPROCESSABLE_ENTITY, refusal.message_id()))?;
    let mut variants = Vec::new();
    for (name, bytes) in encoded {
        if let Err(e) = media
            .store
            .put(&object_path(id, &name), PutPayload::from(bytes))
            .await
        {
            forget(media, id, &variants).await;
            return Err(fail(
                StatusCode::INTERNAL_SERVER_ERROR,
                AppError::internal(e),
            ));
        }
        variants.push(name);
    }
    Ok((variants, Some(i64::from(w)), Some(i64::from(h))))
}

/// Deletes the stored variants of an upload that will not be kept.
pub(crate) async fn forget(media: &MediaState, id: &str, variants: &[String]) {
    for v in variants {
        let _ = media.store.delete(&object_path(id, v)).await;
    }
}

/// Sends variant `variant` of a stored file to a reader already allowed to have it: never to
/// shared caches; a document as a download under its name (non-ASCII letters kept in the
/// RFC 5987 form).
pub(crate) async fn send(media: &MediaState, file: &Attachment, variant: &str) -> Response {
    let bytes = match media.store.get(&object_path(&file.id, variant)).await {
        Ok(r) => match r.bytes().await {
            Ok(b) => b,
            Err(e) => return fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)),
        },
        Err(_) => return fail(StatusCode::NOT_FOUND, AppError::NotFound),
    };
    let content_type = if variant == "original" {
        file.content_type.clone()
    } else if bytes.starts_with(b"\x89PNG") {
        "image/png".to_owned()
    } else {
        "image/jpeg".to_owned()
    };
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    if variant == "original" {
        let ascii: String = file
            .name
            .chars()
            .map(|c| {
                if (c.is_ascii_graphic() || c == ' ') && c != '"' && c != '\\' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let encoded = app::shell::language_menu::encode_query_value(&file.name);
        if let Ok(v) = HeaderValue::from_str(&format!(
            "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
        )) {
            headers.insert(header::CONTENT_DISPOSITION, v);
        }
    }
    (StatusCode::OK, headers, Body::from(bytes)).into_response()
}

/// A refusal as JSON, with the status the error carries.
pub(crate) fn refused(e: AppError) -> Response {
    let status = e.status_code();
    fail(status, e)
}

/// Whether `variant` can name a stored variant (letters and digits only).
pub(crate) fn is_variant(variant: &str) -> bool {
    !variant.is_empty() && variant.bytes().all(|b| b.is_ascii_alphanumeric())
}
