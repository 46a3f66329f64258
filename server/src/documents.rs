//! Documents attached to exhibitor applications: `POST /api/application/document` (a multipart
//! form with `application` and `file`: PDF, JPEG or PNG, recognised from the bytes, up to
//! 10 MB, five per application, while it is open, by its applicant) and
//! `GET /application-documents/<id>` (the applicant and the expo's organizers download it).

use crate::media::{detect, MediaState};
use app::application::service::{document_reader, may_attach};
use app::state::{ClientInfo, Ctx, CurrentSession, RequestLocale};
use app::AppError;
use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Json};
use domain::application::{clean_file_name, ApplicationDocument, MAX_DOCUMENT_BYTES};
use object_store::{ObjectStoreExt, PutPayload};

fn object_path(application: &str, id: &str) -> object_store::path::Path {
    object_store::path::Path::from(format!("applications/{application}/{id}"))
}

/// A refusal: JSON for scripts, back to `/apply` with the reason for a plain form.
fn refuse(json: bool, status: StatusCode, e: AppError) -> Response {
    if json {
        return (status, Json(e)).into_response();
    }
    Redirect::to(&format!("/apply?document_error={}", e.message_id())).into_response()
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
    let Some(user) = ctx.session.as_ref().map(|s| s.user.id.clone()) else {
        return refuse(json, StatusCode::UNAUTHORIZED, AppError::Unauthenticated);
    };
    let Ok(mut multipart) = multipart else {
        return refuse(
            json,
            StatusCode::BAD_REQUEST,
            invalid("error-request-malformed"),
        );
    };
    let (mut application, mut name, mut bytes) = (String::new(), String::new(), Vec::new());
    // The application checked when the file arrived is the one the file is stored under: a
    // second `application` or `file` field after it is refused, never obeyed.
    let mut checked: Option<String> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                let id = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    "apply-error-document-size"
                } else {
                    "error-request-malformed"
                };
                return refuse(json, e.status(), invalid(id));
            }
        };
        let kind = field.name().unwrap_or("").to_owned();
        if checked.is_some() && matches!(kind.as_str(), "application" | "file") {
            return refuse(
                json,
                StatusCode::BAD_REQUEST,
                invalid("error-request-malformed"),
            );
        }
        match kind.as_str() {
            "application" => application = field.text().await.unwrap_or_default(),
            "file" => {
                name = clean_file_name(field.file_name().unwrap_or(""));
                // The applicant and the state are checked before the bytes are read.
                if let Err(e) = may_attach(&ctx, application.trim()).await {
                    return refuse(json, e.status_code(), e);
                }
                checked = Some(application.trim().to_owned());
                let mut field = field;
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) => {
                            bytes.extend_from_slice(&chunk);
                            if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
                                return refuse(
                                    json,
                                    StatusCode::PAYLOAD_TOO_LARGE,
                                    invalid("apply-error-document-size"),
                                );
                            }
                        }
                        Ok(None) => break,
                        Err(e) => {
                            let id = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                                "apply-error-document-size"
                            } else {
                                "error-request-malformed"
                            };
                            return refuse(json, e.status(), invalid(id));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let application = checked.unwrap_or_else(|| application.trim().to_owned());
    if bytes.is_empty() {
        // No file (or the file came before the application's id).
        if let Err(e) = may_attach(&ctx, &application).await {
            return refuse(json, e.status_code(), e);
        }
        return refuse(
            json,
            StatusCode::UNPROCESSABLE_ENTITY,
            invalid("apply-error-document-empty"),
        );
    }
    let content_type = match detect(&bytes[..bytes.len().min(8192)]) {
        Ok(d)
            if matches!(
                d.content_type,
                "application/pdf" | "image/jpeg" | "image/png"
            ) =>
        {
            d.content_type
        }
        _ => {
            return refuse(
                json,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                invalid("apply-error-document-type"),
            )
        }
    };
    // A PDF must be whole (a cut-off upload reaches the organizers as an unreadable file).
    if let Some(format) = domain::media::Format::of(content_type) {
        let mut check = domain::media::StructureCheck::new(format);
        check.feed(&bytes);
        if let Err(reason) = check.finish() {
            return refuse(json, StatusCode::UNPROCESSABLE_ENTITY, invalid(reason));
        }
    }
    let doc = ApplicationDocument {
        id: db::new_id(),
        name,
        content_type: content_type.to_owned(),
        byte_size: bytes.len() as i64,
        created_at: db::now_millis(),
    };
    if let Err(e) = media
        .store
        .put(&object_path(&application, &doc.id), PutPayload::from(bytes))
        .await
    {
        return refuse(
            json,
            StatusCode::INTERNAL_SERVER_ERROR,
            AppError::internal(e),
        );
    }
    if let Err(e) = db::application::insert_document(&media.app.db, &application, &doc, &user).await
    {
        let _ = media
            .store
            .delete(&object_path(&application, &doc.id))
            .await;
        return refuse(
            json,
            StatusCode::INTERNAL_SERVER_ERROR,
            AppError::internal(e),
        );
    }
    app::console::audit(
        &ctx,
        "application.document",
        &format!("application:{application}"),
    )
    .await;
    if json {
        (StatusCode::OK, Json(doc)).into_response()
    } else {
        Redirect::to("/apply").into_response()
    }
}

/// The download handler.
pub async fn download(
    State(media): State<MediaState>,
    Path(id): Path<String>,
    Extension(session): Extension<CurrentSession>,
    Extension(locale): Extension<RequestLocale>,
    Extension(client): Extension<ClientInfo>,
) -> Response {
    let ctx = Ctx::of_request(media.app.clone(), client, session, locale);
    if !domain::text::is_id(&id) {
        return refuse(true, StatusCode::NOT_FOUND, AppError::NotFound);
    }
    let (application, doc) = match db::application::document(&media.app.db, &id).await {
        Ok(Some(found)) => found,
        Ok(None) => return refuse(true, StatusCode::NOT_FOUND, AppError::NotFound),
        Err(e) => {
            return refuse(
                true,
                StatusCode::INTERNAL_SERVER_ERROR,
                AppError::internal(e),
            )
        }
    };
    if let Err(e) = document_reader(&ctx, &application).await {
        return refuse(true, e.status_code(), e);
    }
    let bytes = match media.store.get(&object_path(&application, &id)).await {
        Ok(r) => match r.bytes().await {
            Ok(b) => b,
            Err(e) => {
                return refuse(
                    true,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    AppError::internal(e),
                )
            }
        },
        Err(_) => return refuse(true, StatusCode::NOT_FOUND, AppError::NotFound),
    };
    let mut headers = HeaderMap::new();
    if let Ok(v) = doc.content_type.parse() {
        headers.insert(header::CONTENT_TYPE, v);
    }
    let ascii: String = doc
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(v) = format!("attachment; filename=\"{ascii}\"").parse() {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = "private, no-store".parse() {
        headers.insert(header::CACHE_CONTROL, v);
    }
    (StatusCode::OK, headers, bytes).into_response()
}
