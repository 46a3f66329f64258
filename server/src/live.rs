//! Live media over WebSockets: `/live/<id>/ingest` takes a broadcaster's WebM chunks (checked,
//! recorded to the stream's spool file, relayed), `/live/<id>/watch` feeds a viewer, and
//! `/live/<id>/replay.webm` serves the recording with Range. Whenever a broadcaster's
//! connection ends — by "end", by a refused chunk, or by dropping — the spool is turned into
//! the seekable replay in the object store, so the recording is whole whatever happened.

use app::live::relay::{Notice, Relay, RelayError};
use app::state::{AppState, CurrentSession};
use app::AppError;
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use domain::live::webm::{Part, Scanner};
use domain::live::{StreamState, MAX_CHUNK_BYTES};
use object_store::{ObjectStore, ObjectStoreExt, WriteMultipart};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};
use tokio::sync::broadcast::error::RecvError;

/// How often the room is told how many are watching.
const VIEWER_COUNT_EVERY: Duration = Duration::from_secs(3);
/// A broadcaster silent this long is dropped (MediaRecorder sends every 250 ms).
const INGEST_SILENCE: Duration = Duration::from_secs(20);
/// Close codes: refused (the reason is a Fluent id).
const CLOSE_REFUSED: u16 = 4400;
const CLOSE_BUSY: u16 = 4409;
/// Close code: a newer connection of the same broadcaster took this one's place.
const CLOSE_SUPERSEDED: u16 = 4410;
const CLOSE_LAGGED: u16 = 4408;
/// A moderator removed the viewer from the room.
const CLOSE_REMOVED: u16 = 4403;

/// Media types a broadcaster may send.
const MIME_TYPES: &[&str] = &[
    "video/webm;codecs=vp8,opus",
    "video/webm;codecs=vp9,opus",
    "video/webm;codecs=vp8",
    "video/webm;codecs=vp9",
    "audio/webm;codecs=opus",
];

/// What the live routes need.
#[derive(Clone)]
pub struct LiveState {
    /// Application state.
    pub app: AppState,
    /// Where replays go.
    pub store: Arc<dyn ObjectStore>,
    /// Folder of the streams' spool files (the recordings as they are made).
    pub spool_dir: Arc<PathBuf>,
}

impl LiveState {
    fn spool(&self, id: &str) -> PathBuf {
        self.spool_dir.join(format!("{id}.webm"))
    }
}

fn replay_key(id: &str) -> object_store::path::Path {
    object_store::path::Path::from(format!("live/{id}.webm"))
}

/// Query of the ingest socket.
#[derive(serde::Deserialize)]
pub struct IngestQuery {
    mime: Option<String>,
}

fn text(json: serde_json::Value) -> Message {
    Message::Text(Utf8Bytes::from(json.to_string()))
}

async fn close(socket: &mut WebSocket, code: u16, reason: &'static str) {
    let _ = socket
        .send(Message::Close(Some(CloseFrame {
            code,
            reason: Utf8Bytes::from_static(reason),
        })))
        .await;
}

fn refusal(e: &AppError) -> Response {
    let status = match e {
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::ReadOnly => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    (status, e.message_id().to_owned()).into_response()
}

/// `GET /live/<id>/ingest?mime=…` (WebSocket): the broadcaster's connection.
pub async fn ingest(
    State(live): State<LiveState>,
    Extension(session): Extension<CurrentSession>,
    UrlPath(id): UrlPath<String>,
    Query(query): Query<IngestQuery>,
    ws: WebSocketUpgrade,
) -> Response {
    // Who may, and whether the stream may go on air, are answered before the upgrade, so a
    // refusal is a plain HTTP status.
    if let Err(e) = app::live::service::broadcastable(&live.app, session.0.as_ref(), &id).await {
        return refusal(&e);
    }
    // Going live writes (the recording, the stream's state): maintenance stops it for everyone
    // but the organizers and operators, as it stops every other write.
    match app::ops::service::may_write(&live.app, session.0.as_ref()).await {
        Ok(true) => {}
        Ok(false) => return refusal(&AppError::ReadOnly),
        Err(e) => return refusal(&e),
    }
    let Some(mime) = query
        .mime
        .filter(|m| MIME_TYPES.contains(&m.replace(' ', "").as_str()))
        .map(|m| m.replace(' ', ""))
    else {
        return (StatusCode::UNPROCESSABLE_ENTITY, "live-error-not-webm").into_response();
    };
    let user = session.0.map(|s| s.user.id).unwrap_or_default();
    ws.max_message_size(MAX_CHUNK_BYTES)
        .max_frame_size(MAX_CHUNK_BYTES)
        .on_upgrade(move |socket| broadcast(live, id, mime, user, socket))
}

async fn broadcast(live: LiveState, id: String, mime: String, user: String, mut socket: WebSocket) {
    let relay = live.app.live.get_or_open(&id);
    let session = match relay.start_session(&mime, &user) {
        Ok((session, taken_over)) => {
            // The broadcaster came back on a new connection before the old one was noticed
            // gone: what the old one held joins the recording, and this one goes on from there.
            if !taken_over.is_empty() {
                if let Err(e) = append(&live, &id, &taken_over).await {
                    tracing::error!(error = %e, stream = %id, "end of a session lost");
                }
            }
            session
        }
        Err(RelayError::Busy) => return close(&mut socket, CLOSE_BUSY, "live-error-busy").await,
        Err(e) => return close(&mut socket, CLOSE_REFUSED, e.message_id()).await,
    };
    let result = run_ingest(&live, &id, &relay, session, &mut socket).await;
    if relay.superseded(session) {
        // A newer connection of the broadcaster carries on: the recording is its now.
        return close(&mut socket, CLOSE_SUPERSEDED, "live-error-superseded").await;
    }
    let held = relay.end_session(session);
    if !held.is_empty() {
        if let Err(e) = append(&live, &id, &held).await {
            tracing::error!(error = %e, stream = %id, "end of the recording lost");
        }
    }
    match result {
        Ok(Ending::Ended) => {
            if let Err(e) = app::live::service::finish(&live.app, &id).await {
                tracing::debug!(error = ?e, stream = %id, "stream already ended");
            }
            finalize_logged(&live, &id).await;
            let _ = socket.send(text(serde_json::json!({"t": "ended"}))).await;
            close(&mut socket, 1000, "ended").await;
        }
        Ok(Ending::Dropped) => finalize_logged(&live, &id).await,
        Err(reason) => {
            finalize_logged(&live, &id).await;
            let _ = socket
                .send(text(serde_json::json!({"t": "error", "code": reason})))
                .await;
            close(&mut socket, CLOSE_REFUSED, reason).await;
        }
    }
}

enum Ending {
    /// The broadcaster said "end".
    Ended,
    /// The connection went away (the broadcaster may come back).
    Dropped,
}

async fn run_ingest(
    live: &LiveState,
    id: &str,
    relay: &Relay,
    session: u64,
    socket: &mut WebSocket,
) -> Result<Ending, &'static str> {
    tokio::fs::create_dir_all(live.spool_dir.as_path())
        .await
        .map_err(|_| "live-error-failed")?;
    let mut spool = tokio::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(live.spool(id))
        .await
        .map_err(|_| "live-error-failed")?;
    // The spool holds exactly what was relayed: after a crash mid-write it may be longer than
    // the relay knows (a new relay starts at 0), so it is cut to the relay's length first.
    let known = relay.written();
    if spool.metadata().await.map(|m| m.len()).unwrap_or(0) != known {
        spool
            .set_len(known)
            .await
            .map_err(|_| "live-error-failed")?;
    }
    let mut on_air = false;
    // The room's viewer count rides the hub (the studio and every open room page follow it),
    // the broadcaster's connection says it, once for all viewers.
    let topic = domain::realtime::Topic::Live(id.to_owned()).to_string();
    let mut counts = tokio::time::interval(VIEWER_COUNT_EVERY);
    let mut heard = tokio::time::Instant::now();
    loop {
        let received = tokio::select! {
            r = tokio::time::timeout_at(heard + INGEST_SILENCE, socket.recv()) => r,
            _ = counts.tick() => {
                if on_air {
                    let count = relay.viewers();
                    let hint = domain::realtime::Hint::Viewers { count: count as u64 };
                    live.app.hub.signal(&topic, hint);
                    // And for the organizer's counters (now, and the day's peak).
                    let recorded =
                        app::analytics::service::record_viewers(&live.app, id, count).await;
                    if let Err(e) = recorded {
                        tracing::warn!(stream = %id, error = %e, "viewer count not recorded");
                    }
                }
                continue;
            }
        };
        let message = match received {
            Ok(Some(Ok(m))) => m,
            // Silence, an error or the end of the connection: dropped.
            _ => return Ok(Ending::Dropped),
        };
        heard = tokio::time::Instant::now();
        match message {
            Message::Binary(chunk) => {
                let bytes = relay.push(session, &chunk).map_err(|e| match e {
                    RelayError::Media(m) => m.message_id(),
                    other => other.message_id(),
                })?;
                if !bytes.is_empty() {
                    // Flushed at once: the replay is written from the file by another handle
                    // whenever this connection ends, however it ends.
                    spool
                        .write_all(&bytes)
                        .await
                        .map_err(|_| "live-error-failed")?;
                    spool.flush().await.map_err(|_| "live-error-failed")?;
                }
                if !on_air && relay.header_ready() {
                    on_air = true;
                    if let Err(e) = app::live::service::went_live(&live.app, id).await {
                        tracing::warn!(error = ?e, stream = %id, "live state not recorded");
                    }
                    let _ = socket.send(text(serde_json::json!({"t": "live"}))).await;
                }
            }
            Message::Text(t) => {
                if t.as_str().contains(r#""end""#) {
                    return Ok(Ending::Ended);
                }
            }
            Message::Close(_) => return Ok(Ending::Dropped),
            Message::Ping(_) | Message::Pong(_) => {}
        }
    }
}

async fn append(live: &LiveState, id: &str, bytes: &[u8]) -> std::io::Result<()> {
    let mut spool = tokio::fs::OpenOptions::new()
        .append(true)
        .open(live.spool(id))
        .await?;
    spool.write_all(bytes).await?;
    spool.flush().await
}

async fn finalize_logged(live: &LiveState, id: &str) {
    match finalize(live, id).await {
        Ok(Some((bytes, ms))) => tracing::info!(stream = %id, bytes, ms, "replay written"),
        Ok(None) => {}
        Err(e) => tracing::error!(error = %e, stream = %id, "replay not written"),
    }
}

/// Turns the stream's spool into the seekable replay in the object store; its size and length.
pub async fn finalize(live: &LiveState, id: &str) -> anyhow::Result<Option<(u64, u64)>> {
    let path = live.spool(id);
    let Ok(mut file) = tokio::fs::File::open(&path).await else {
        return Ok(None);
    };
    let mut scanner = Scanner::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = file.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        scanner
            .push(buf.get(..n).unwrap_or_default())
            .map_err(|e| anyhow::anyhow!("spool unreadable: {e:?}"))?;
    }
    let layout = scanner
        .finish()
        .map_err(|e| anyhow::anyhow!("spool unreadable: {e:?}"))?;
    if layout.is_empty() {
        return Ok(None);
    }
    let upload = live.store.put_multipart(&replay_key(id)).await?;
    let mut writer = WriteMultipart::new(upload);
    for part in layout.parts() {
        match part {
            Part::Bytes(b) => writer.write(&b),
            Part::Copy(range) => {
                file.seek(std::io::SeekFrom::Start(range.start)).await?;
                let mut left = range.end - range.start;
                while left > 0 {
                    let want = usize::try_from(left.min(buf.len() as u64)).unwrap_or(buf.len());
                    let slot = buf.get_mut(..want).unwrap_or_default();
                    file.read_exact(slot).await?;
                    writer.write(slot);
                    left -= want as u64;
                }
            }
        }
    }
    writer.finish().await?;
    let (bytes, ms) = (layout.len(), layout.duration_ms());
    db::live::set_recording(
        &live.app.db,
        id,
        replay_key(id).as_ref(),
        i64::try_from(bytes).unwrap_or(i64::MAX),
        i64::try_from(ms).unwrap_or(i64::MAX),
    )
    .await?;
    Ok(Some((bytes, ms)))
}

/// `GET /live/<id>/watch` (WebSocket): a viewer's feed.
pub async fn watch(
    State(live): State<LiveState>,
    Extension(session): Extension<CurrentSession>,
    UrlPath(id): UrlPath<String>,
    ws: WebSocketUpgrade,
) -> Response {
    let row = match app::live::service::visible(&live.app, session.0.as_ref(), &id).await {
        Ok(r) => r,
        Err(e) => return refusal(&e),
    };
    if !matches!(row.state, StreamState::Live | StreamState::Scheduled) {
        return (StatusCode::CONFLICT, "live-error-ended").into_response();
    }
    // Someone a moderator removed from the room does not watch it either.
    if let Some(s) = &session.0 {
        match db::live::is_banned(&live.app.db, &row.id, &s.user.id).await {
            Ok(false) => {}
            Ok(true) => return refusal(&AppError::Forbidden),
            Err(e) => return refusal(&AppError::from(e)),
        }
    }
    // Viewers send next to nothing: a small read buffer (tungstenite's default is 128 KiB per
    // connection, most of a viewer's memory).
    let user = session.0.as_ref().map(|s| s.user.id.clone());
    ws.read_buffer_size(4 * 1024)
        .max_message_size(4 * 1024)
        .on_upgrade(move |socket| viewer(live, id, user, socket))
}

async fn viewer(live: LiveState, id: String, user: Option<String>, mut socket: WebSocket) {
    let relay = live.app.live.get_or_open(&id);
    let mut notices = relay.notices();
    let mut joined = None;
    for _ in 0..50 {
        match relay.join() {
            Ok(j) => {
                joined = Some(j);
                break;
            }
            Err(RelayError::NotReady) => tokio::time::sleep(Duration::from_millis(100)).await,
            Err(_) => break,
        }
    }
    let Some(joined) = joined else {
        return close(&mut socket, 1000, "ended").await;
    };
    let mut live_chunks = joined.live;
    // The relay is not kept: when the stream ends and its broadcaster leaves, the feed closes.
    let mime_of = relay.clone();
    drop(relay);
    let mut mime_sent = false;
    let mut send_mime = |socket_mime: Option<String>| -> Option<Message> {
        if mime_sent {
            return None;
        }
        let m = socket_mime?;
        mime_sent = true;
        Some(text(serde_json::json!({"t": "mime", "mime": m})))
    };
    // Nobody sending now: the page plays the fallback until the broadcaster is back.
    let away = !mime_of.on_air() && !joined.start.is_empty();
    if joined.start.is_empty() {
        let _ = socket.send(text(serde_json::json!({"t": "waiting"}))).await;
    } else {
        if let Some(m) = send_mime(mime_of.mime()) {
            if socket.send(m).await.is_err() {
                return;
            }
        }
        if socket.send(Message::Binary(joined.start)).await.is_err() {
            return;
        }
    }
    if away {
        let _ = socket.send(text(serde_json::json!({"t": "away"}))).await;
    }
    let mut notices_open = true;
    loop {
        tokio::select! {
            chunk = live_chunks.recv() => match chunk {
                Ok(bytes) => {
                    if let Some(m) = send_mime(mime_of.mime()) {
                        if socket.send(m).await.is_err() {
                            return;
                        }
                    }
                    if socket.send(Message::Binary(bytes)).await.is_err() {
                        return;
                    }
                }
                Err(RecvError::Lagged(_)) => {
                    return close(&mut socket, CLOSE_LAGGED, "lagged").await;
                }
                Err(RecvError::Closed) => {
                    return close(&mut socket, 1000, "ended").await;
                }
            },
            notice = notices.recv(), if notices_open => match notice {
                Ok(Notice::Away) => {
                    if socket.send(text(serde_json::json!({"t": "away"}))).await.is_err() {
                        return;
                    }
                }
                Ok(Notice::Back) => {
                    if socket.send(text(serde_json::json!({"t": "back"}))).await.is_err() {
                        return;
                    }
                }
                Ok(Notice::Removed(who)) if user.as_ref() == Some(&who) => {
                    return close(&mut socket, CLOSE_REMOVED, "removed").await;
                }
                Ok(Notice::Removed(_)) | Err(RecvError::Lagged(_)) => {}
                // The relay is gone (the stream ended): the chunk feed says so.
                Err(RecvError::Closed) => notices_open = false,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                _ => {}
            },
        }
    }
}

/// `GET /live/<id>/replay.webm`: the recording, with Range for seeking.
pub async fn replay(
    State(live): State<LiveState>,
    Extension(session): Extension<CurrentSession>,
    UrlPath(id): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let row = match app::live::service::visible(&live.app, session.0.as_ref(), &id).await {
        Ok(r) => r,
        Err(e) => return refusal(&e),
    };
    let Some(key) = row.recording_key else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // An uploaded replay replaces the recording under another key: the key is in the tag.
    let etag = format!(
        "\"{id}-{}-{}\"",
        row.recording_bytes.unwrap_or(0),
        key.len()
    );
    let content_type = row
        .recording_type
        .unwrap_or_else(|| "video/webm".to_owned());
    crate::media::serve_object(
        live.store.as_ref(),
        &object_store::path::Path::from(key),
        content_type,
        etag,
        "public, max-age=60",
        &headers,
    )
    .await
}

/// `GET /live/<id>/fallback`: what plays while the broadcast is due but not on air — the
/// video uploaded for it, or the booth's promo video — with Range.
pub async fn fallback(
    State(live): State<LiveState>,
    Extension(session): Extension<CurrentSession>,
    UrlPath(id): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let row = match app::live::service::visible(&live.app, session.0.as_ref(), &id).await {
        Ok(r) => r,
        Err(e) => return refusal(&e),
    };
    let found = match app::live::programme::fallback_of(&live.app, &row).await {
        Ok(f) => f,
        Err(e) => return refusal(&e),
    };
    let Some((key, content_type, bytes)) = found else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let etag = format!("\"{id}-fb-{bytes}-{}\"", key.len());
    crate::media::serve_object(
        live.store.as_ref(),
        &object_store::path::Path::from(key),
        content_type,
        etag,
        "public, max-age=60",
        &headers,
    )
    .await
}

/// Query of a video upload: `use=replay` or `use=fallback`.
#[derive(serde::Deserialize)]
pub struct VideoQuery {
    #[serde(rename = "use")]
    purpose: Option<String>,
}

/// `POST /api/live/<id>/video?use=replay|fallback`: the body is a video (MP4 or WebM) that
/// becomes the broadcast's replay or its fallback. The broadcast's people and organizers.
pub async fn upload_video(
    State(media): State<crate::media::MediaState>,
    Extension(session): Extension<CurrentSession>,
    UrlPath(id): UrlPath<String>,
    query: Result<Query<VideoQuery>, axum::extract::rejection::QueryRejection>,
    body: axum::body::Body,
) -> Response {
    use crate::media::{fail, field_error};
    use app::live::programme::{may_upload, uploaded, VideoUse};
    let purpose = query
        .ok()
        .and_then(|Query(q)| q.purpose)
        .as_deref()
        .and_then(VideoUse::parse);
    let Some(purpose) = purpose else {
        return field_error(StatusCode::BAD_REQUEST, "error-request-malformed");
    };
    if let Err(e) = may_upload(&media.app, session.0.as_ref(), &id, purpose).await {
        return fail(e.status_code(), e);
    }
    let object = db::new_id();
    let only = crate::media::Only {
        kinds: &["video"],
        refusal: "live-upload-error-type",
    };
    let (detected, size) =
        match crate::media::store_original(&media, &object, body, Some(only)).await {
            Ok(stored) => stored,
            Err(resp) => return resp,
        };
    let key = crate::media::object_path(&object, "original").to_string();
    let bytes = i64::try_from(size).unwrap_or(i64::MAX);
    if let Err(e) = uploaded(&media.app, &id, purpose, &key, detected.content_type, bytes).await {
        let _ = media
            .store
            .delete(&crate::media::object_path(&object, "original"))
            .await;
        return fail(e.status_code(), e);
    }
    (
        StatusCode::CREATED,
        axum::Json(serde_json::json!({ "id": id, "type": detected.content_type, "bytes": size })),
    )
        .into_response()
}

/// `GET /live/<id>/calendar.ics`: the broadcast as a calendar event ("add to calendar"), in
/// the reader's language.
pub async fn calendar(
    State(live): State<LiveState>,
    Extension(session): Extension<CurrentSession>,
    Extension(locale): Extension<app::state::RequestLocale>,
    UrlPath(id): UrlPath<String>,
) -> Response {
    use icalendar::{Calendar, Component, Event, EventLike};
    let id = id.trim_end_matches(".ics").to_owned();
    let row = match app::live::service::visible(&live.app, session.0.as_ref(), &id).await {
        Ok(r) => r,
        Err(e) => return refusal(&e),
    };
    let reader = session.0.as_ref().map_or(locale.0, |s| s.user.language);
    let (Some(starts), Some(ends)) = (
        chrono::DateTime::from_timestamp(row.starts_at, 0),
        chrono::DateTime::from_timestamp(row.ends_at, 0),
    ) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let origin = live
        .app
        .public_origin
        .clone()
        .unwrap_or_else(|| live.app.bind_origin.clone());
    let url = format!("{origin}/live/{id}");
    let description = row.description.show(reader).text;
    let event = Event::new()
        .uid(&format!("live-{id}@cloud-expo"))
        .summary(&row.title.show(reader).text)
        .description(&if description.is_empty() {
            url.clone()
        } else {
            format!("{description}\n\n{url}")
        })
        .url(&url)
        .starts(starts)
        .ends(ends)
        .done();
    let body = Calendar::new().push(event).done().to_string();
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/calendar; charset=utf-8",
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"broadcast.ics\"",
            ),
        ],
        body,
    )
        .into_response()
}

/// Every 30 s until the process ends: sends due broadcast and meeting reminders (open tabs of the people
/// reminded are told to refresh their notifications) and ends broadcasts left on air long
/// after their slot.
pub fn spawn_reminders(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(30));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let now = db::now_millis();
            // Broadcasts people asked to be reminded of, and scheduled meetings.
            let sent = [
                app::live::service::send_due_reminders(&state.db, now).await,
                app::meeting::service::send_due_reminders(&state.db, now).await,
            ];
            for result in sent {
                match result {
                    Ok(people) => {
                        for user in people {
                            state.hub.signal(
                                &domain::realtime::Topic::User(user).to_string(),
                                domain::realtime::Hint::Notification,
                            );
                        }
                    }
                    Err(e) => tracing::warn!(error = ?e, "reminders not sent"),
                }
            }
            // A studio that dropped and never came back: off the air 15 minutes after its slot.
            match app::live::service::end_overdue(&state, db::now_millis(), 15 * 60).await {
                Ok(n) if n > 0 => tracing::info!(ended = n, "overdue broadcasts ended"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = ?e, "overdue broadcasts not ended"),
            }
        }
    })
}
