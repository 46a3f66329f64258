//! Files sent in conversations, through the media pipeline: `POST /api/chat/attach?room=<id>&
//! name=<file name>` takes the file itself as the body (a picture or a PDF, its type read from
//! its bytes, within the media size limits), stores it like any upload, and answers what the
//! message will carry; the message that sends it names it. `GET /api/chat/file/<id>/<variant>`
//! serves it to those who may read the room, never cached by shared caches.
//!
//! Pictures are re-encoded (which drops their metadata: camera, GPS) and only the re-encoded
//! widths are served; PDFs are served as sent, as a download.

use crate::attachment::refused;
use crate::media::{fail, field_error, object_path, store_original, MediaState, Only};
use app::state::CurrentSession;
use app::AppError;
use axum::body::Body;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use domain::chat::{Attachment, ATTACHMENT_WIDTHS};
use object_store::ObjectStoreExt;

/// The upload's query.
#[derive(serde::Deserialize, Debug)]
pub struct AttachQuery {
    /// The room it is for.
    pub room: String,
    /// The file's name as the sender has it.
    #[serde(default)]
    pub name: String,
}

/// `POST /api/chat/attach`: stores a file for a message the person is about to send.
pub async fn attach(
    State(media): State<MediaState>,
    Extension(session): Extension<CurrentSession>,
    query: Result<Query<AttachQuery>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> Response {
    let Ok(Query(q)) = query else {
        return field_error(StatusCode::BAD_REQUEST, "error-request-malformed");
    };
    let Some(session) = session.0 else {
        return refused(AppError::Unauthenticated);
    };
    let state = &media.app;
    // The same rules as writing a message there: a member, not stopped, not blocked.
    let checked = async {
        if !app::ops::service::may_write(state, Some(&session)).await? {
            return Err(AppError::ReadOnly);
        }
        let info = app::chat::service::writable_room(&state.db, &session, &q.room).await?;
        app::chat::moderation::may_post(state, &session, &info).await?;
        app::chat::moderation::throttle(state, &session)?;
        let since = db::now_millis() - app::chat::moderation::DAY_MILLIS;
        let used = db::chat::attached_since(&state.db, &session.user.id, since).await?;
        if !domain::chat::within_attachment_quota(used.0, used.1, 0) {
            return Err(AppError::Conflict("chat-error-file-quota".into()));
        }
        Ok::<_, AppError>((info, used))
    };
    let (info, used) = match checked.await {
        Ok(checked) => checked,
        Err(e) => return refused(e),
    };
    let id = db::new_id();
    let only = Only {
        kinds: &["image", "document"],
        refusal: "chat-error-file-type",
    };
    let (detected, size) = match store_original(&media, &id, body, Some(only)).await {
        Ok(stored) => stored,
        Err(resp) => return resp,
    };
    // The day's bytes: known once the file is in; over them, it goes again.
    let bytes = i64::try_from(size).unwrap_or(i64::MAX);
    if !domain::chat::within_attachment_quota(used.0, used.1, bytes) {
        let _ = media.store.delete(&object_path(&id, "original")).await;
        return refused(AppError::Conflict("chat-error-file-quota".into()));
    }
    let (variants, width, height) =
        match crate::attachment::keep(&media, &id, &detected, &ATTACHMENT_WIDTHS).await {
            Ok(kept) => kept,
            Err(resp) => return resp,
        };
    let name: String = q
        .name
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let file = Attachment {
        id: id.clone(),
        kind: detected.kind.to_owned(),
        name: if name.trim().is_empty() {
            "file".to_owned()
        } else {
            name
        },
        content_type: detected.content_type.to_owned(),
        byte_size: i64::try_from(size).unwrap_or(i64::MAX),
        width,
        height,
        variants: variants.clone(),
    };
    let record = db::chat::AttachmentRecord {
        file: file.clone(),
        room_id: info.id,
        uploaded_by: session.user.id.clone(),
        message_id: None,
    };
    if let Err(e) = db::chat::insert_attachment(&state.db, &record, db::now_millis()).await {
        crate::attachment::forget(&media, &id, &variants).await;
        return fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e));
    }
    (StatusCode::CREATED, Json(file)).into_response()
}

/// `GET /api/chat/file/<id>/<variant>`: a sent file, to those who may read its room (and an
/// unsent one to its uploader).
pub async fn serve(
    State(media): State<MediaState>,
    Extension(session): Extension<CurrentSession>,
    UrlPath((id, variant)): UrlPath<(String, String)>,
) -> Response {
    let Some(session) = session.0 else {
        return refused(AppError::Unauthenticated);
    };
    if !domain::text::is_id(&id) || !crate::attachment::is_variant(&variant) {
        return refused(AppError::NotFound);
    }
    let db = &media.app.db;
    let record = match db::chat::attachment(db, &id).await {
        Ok(Some(r)) if r.file.variants.contains(&variant) => r,
        Ok(_) => return refused(AppError::NotFound),
        Err(e) => return refused(AppError::internal(e)),
    };
    let allowed = if record.message_id.is_none() {
        record.uploaded_by == session.user.id
    } else {
        match db::chat::room(db, &record.room_id).await {
            Ok(Some(info)) => app::chat::service::may_read(db, &session, &info)
                .await
                .unwrap_or(false),
            Ok(None) => false,
            Err(e) => return refused(AppError::internal(e)),
        }
    };
    if !allowed {
        return refused(AppError::NotFound);
    }
    crate::attachment::send(&media, &record.file, &variant).await
}
