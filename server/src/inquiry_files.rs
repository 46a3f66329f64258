//! Files attached to inquiries, through the media pipeline (a picture or a PDF, its type read
//! from its bytes, within the media size limits):
//!
//! - `POST /api/trade/file?inquiry=<id>&name=<file name>` takes the file itself as the body
//!   (the pages' script sends it with its progress). Without `inquiry` the file is kept for the
//!   inquiry form being filled in, whose sending claims it. Answers the stored file (201).
//! - `POST /api/trade/file/form` takes a plain multipart form (`inquiry`, `file`): the inquiry
//!   page's form without JavaScript. Goes back to the inquiry, with the reason when refused.
//! - `GET /api/trade/file/<id>/<variant>` serves a file to the inquiry's buyer and booth team
//!   (and an unsent upload to its uploader); to anyone else it does not exist.

use crate::attachment::refused;
use crate::media::{fail, field_error, object_path, store_original, MediaState, Only};
use app::state::{AuthSession, CurrentSession};
use app::trade::files::Target;
use app::AppError;
use axum::body::Body;
use axum::extract::{Multipart, Path as UrlPath, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Json};
use domain::chat::Attachment;
use domain::trade::{INQUIRY_FILE_WIDTHS, MAX_FILES_PER_INQUIRY};
use object_store::ObjectStoreExt;

/// The upload's query.
#[derive(serde::Deserialize, Debug)]
pub struct FileQuery {
    /// The inquiry it is for (none: the inquiry form).
    #[serde(default)]
    pub inquiry: String,
    /// The file's name as the sender has it.
    #[serde(default)]
    pub name: String,
}

fn target_of(inquiry: &str) -> Target {
    match inquiry.trim() {
        "" => Target::Form,
        id => Target::Inquiry(id.to_owned()),
    }
}

/// Stores one file for `target` once the person may attach it there; the refusal as a
/// response otherwise (nothing kept).
async fn store(
    media: &MediaState,
    session: &AuthSession,
    target: &Target,
    name: &str,
    body: Body,
) -> Result<Attachment, Response> {
    let state = &media.app;
    app::trade::files::may_attach(state, session, target)
        .await
        .map_err(refused)?;
    let id = db::new_id();
    let only = Only {
        kinds: &["image", "document"],
        refusal: "trade-error-file-type",
    };
    let (detected, size) = store_original(media, &id, body, Some(only)).await?;
    let byte_size = i64::try_from(size).unwrap_or(i64::MAX);
    // The day's bytes are known once the file is in; over them, it goes again.
    if let Err(e) = app::trade::files::within_quota(state, session, byte_size).await {
        let _ = media.store.delete(&object_path(&id, "original")).await;
        return Err(refused(e));
    }
    let (variants, width, height) =
        crate::attachment::keep(media, &id, &detected, &INQUIRY_FILE_WIDTHS).await?;
    let file = Attachment {
        id: id.clone(),
        kind: detected.kind.to_owned(),
        name: domain::application::clean_file_name(name),
        content_type: detected.content_type.to_owned(),
        byte_size,
        width,
        height,
        variants,
    };
    let inquiry = match target {
        Target::Inquiry(i) => Some(i.as_str()),
        Target::Form => None,
    };
    let limit = MAX_FILES_PER_INQUIRY as i64;
    let kept = db::inquiry_file::insert(
        &state.db,
        &file,
        inquiry,
        &session.user.id,
        limit,
        db::now_millis(),
    )
    .await;
    match kept {
        Ok(db::inquiry_file::Kept::Stored) => {}
        Ok(other) => {
            // Another upload filled the inquiry, or an answer settled it, meanwhile.
            crate::attachment::forget(media, &id, &file.variants).await;
            let reason = if other == db::inquiry_file::Kept::Full {
                "trade-error-files-count"
            } else {
                "trade-error-settled"
            };
            return Err(refused(AppError::Conflict(reason.into())));
        }
        Err(e) => {
            crate::attachment::forget(media, &id, &file.variants).await;
            return Err(fail(
                StatusCode::INTERNAL_SERVER_ERROR,
                AppError::internal(e),
            ));
        }
    }
    if let Some(inquiry) = inquiry {
        if let Err(e) = app::trade::files::changed(state, inquiry).await {
            tracing::warn!(error = %e.message_id(), "inquiry file signal failed");
        }
    }
    Ok(file)
}

/// `POST /api/trade/file`: one file sent as the body.
pub async fn upload(
    State(media): State<MediaState>,
    Extension(session): Extension<CurrentSession>,
    query: Result<Query<FileQuery>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> Response {
    let Ok(Query(q)) = query else {
        return field_error(StatusCode::BAD_REQUEST, "error-request-malformed");
    };
    let Some(session) = session.0 else {
        return refused(AppError::Unauthenticated);
    };
    match store(&media, &session, &target_of(&q.inquiry), &q.name, body).await {
        Ok(file) => (StatusCode::CREATED, Json(file)).into_response(),
        Err(resp) => resp,
    }
}

/// The Fluent id a refusal carries (for the page a plain form goes back to).
async fn reason_of(resp: Response) -> String {
    let bytes = axum::body::to_bytes(resp.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    match serde_json::from_slice::<AppError>(&bytes) {
        Ok(AppError::Validation(fields)) => fields
            .first()
            .map(|f| f.message_id.clone())
            .unwrap_or_else(|| "error-validation".into()),
        Ok(AppError::Conflict(id)) if !id.is_empty() => id,
        Ok(other) => other.message_id().to_owned(),
        Err(_) => "error-internal".to_owned(),
    }
}

/// `POST /api/trade/file/form`: the inquiry page's plain form (`inquiry`, then `file`).
pub async fn upload_form(
    State(media): State<MediaState>,
    Extension(session): Extension<CurrentSession>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let json = crate::middleware::wants_json(&headers);
    let Some(session) = session.0 else {
        return refused(AppError::Unauthenticated);
    };
    let Ok(mut multipart) = multipart else {
        return field_error(StatusCode::BAD_REQUEST, "error-request-malformed");
    };
    let mut inquiry = String::new();
    let outcome = loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break Err(field_error(StatusCode::BAD_REQUEST, "error-media-empty")),
            Err(e) => break Err(field_error(e.status(), "error-media-incomplete")),
        };
        match field.name().unwrap_or("") {
            "inquiry" => inquiry = field.text().await.unwrap_or_default(),
            "file" if !domain::text::is_id(inquiry.trim()) => {
                break Err(refused(AppError::NotFound));
            }
            "file" => {
                let name = field.file_name().unwrap_or("").to_owned();
                if name.is_empty() {
                    // The form was sent without choosing a file.
                    break Err(field_error(StatusCode::BAD_REQUEST, "error-media-empty"));
                }
                // Refused before the bytes are read.
                let target = target_of(&inquiry);
                if let Err(e) = app::trade::files::may_attach(&media.app, &session, &target).await {
                    break Err(refused(e));
                }
                // The field borrows the form: its bytes are read (up to the largest limit)
                // and pass the same checks as a script's upload.
                let bytes =
                    match read_field(field, media.limits.image.max(media.limits.document)).await {
                        Ok(b) => b,
                        Err(resp) => break Err(resp),
                    };
                let body = Body::from(bytes);
                break store(&media, &session, &target, &name, body).await;
            }
            _ => {}
        }
    };
    let inquiry = inquiry.trim().to_owned();
    match outcome {
        Ok(file) if json => (StatusCode::CREATED, Json(file)).into_response(),
        Err(resp) if json => resp,
        _ if !domain::text::is_id(&inquiry) => Redirect::to("/inquiries").into_response(),
        Ok(_) => Redirect::to(&format!("/inquiries/{inquiry}#inquiry-files")).into_response(),
        Err(resp) => {
            let reason = reason_of(resp).await;
            Redirect::to(&format!(
                "/inquiries/{inquiry}?file_error={reason}#inquiry-files"
            ))
            .into_response()
        }
    }
}

/// A multipart field's bytes, refused past `cap`.
async fn read_field(
    mut field: axum::extract::multipart::Field<'_>,
    cap: u64,
) -> Result<Vec<u8>, Response> {
    let mut bytes = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                bytes.extend_from_slice(&chunk);
                if bytes.len() as u64 > cap {
                    return Err(field_error(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "error-media-too-large",
                    ));
                }
            }
            Ok(None) => return Ok(bytes),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(field_error(e.status(), "error-media-too-large"))
            }
            Err(e) => return Err(field_error(e.status(), "error-media-incomplete")),
        }
    }
}

/// `GET /api/trade/file/<id>/<variant>`.
pub async fn serve(
    State(media): State<MediaState>,
    Extension(session): Extension<CurrentSession>,
    UrlPath((id, variant)): UrlPath<(String, String)>,
) -> Response {
    let Some(session) = session.0 else {
        return refused(AppError::Unauthenticated);
    };
    if !crate::attachment::is_variant(&variant) {
        return refused(AppError::NotFound);
    }
    match app::trade::files::readable_file(&media.app, &session, &id).await {
        Ok(r) if r.file.variants.contains(&variant) => {
            crate::attachment::send(&media, &r.file, &variant).await
        }
        Ok(_) => refused(AppError::NotFound),
        Err(e) => refused(e),
    }
}
