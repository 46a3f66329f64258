//! The media pipeline: uploads streamed into the object store with the type checked from the
//! bytes and a size limit per type; images re-encoded (which drops their metadata) into three
//! widths; everything served with an ETag, a long-lived `Cache-Control` and HTTP Range.
//!
//! Invariants: a refused upload leaves nothing behind (the multipart upload is aborted, the
//! original deleted, no row written); SVG and anything unrecognised is refused; only members of
//! the exhibitor (or the expo's organizers) may upload to a booth.

use app::state::{AppState, CurrentSession};
use app::AppError;
use axum::body::Body;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use bytes::Bytes;
use domain::FieldError;
use futures_util::StreamExt;
use object_store::path::Path;
use object_store::{GetOptions, GetRange, ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use std::sync::Arc;

/// The local-folder object store under `dir` (created when missing).
pub fn local_store(dir: &str) -> anyhow::Result<Arc<dyn ObjectStore>> {
    std::fs::create_dir_all(dir)?;
    Ok(Arc::new(
        object_store::local::LocalFileSystem::new_with_prefix(dir)?,
    ))
}

/// A file made on the server (the demo seed), stored as the media pipeline would store an
/// upload of it.
pub struct Generated<'a> {
    /// The booth it belongs to.
    pub exhibitor_id: &'a str,
    /// The product it shows, if any.
    pub product_id: Option<&'a str>,
    /// `image`, `panorama` (both given as PNG or JPEG bytes) or `model` (GLB bytes).
    pub kind: &'static str,
    /// File name shown to visitors.
    pub name: &'a str,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Stores a generated file: the variants of pictures and panoramas, models as they are, and
/// the media row.
pub async fn store_generated(
    db: &db::Db,
    store: &dyn ObjectStore,
    file: Generated<'_>,
) -> anyhow::Result<()> {
    let id = db::new_id();
    let size = file.bytes.len();
    let (dims, encoded, content_type) = if file.kind == "model" {
        (
            (None, None),
            vec![("original".to_owned(), file.bytes)],
            "model/gltf-binary",
        )
    } else {
        let widths = widths_of(file.kind);
        let ((w, h), encoded) = picture_variants(file.bytes, widths)
            .await
            .map_err(|r| anyhow::anyhow!("generated picture refused: {r:?}"))?;
        (
            (Some(i64::from(w)), Some(i64::from(h))),
            encoded,
            "image/png",
        )
    };
    let mut variants = Vec::new();
    for (variant, bytes) in encoded {
        store
            .put(&object_path(&id, &variant), PutPayload::from(bytes))
            .await?;
        variants.push(variant);
    }
    let record = db::media::MediaRecord {
        id,
        exhibitor_id: file.exhibitor_id.to_owned(),
        kind: file.kind.into(),
        content_type: content_type.into(),
        byte_size: i64::try_from(size).unwrap_or(i64::MAX),
        width: dims.0,
        height: dims.1,
        variants,
        original_name: file.name.to_owned(),
        position: 0,
        product_id: file.product_id.map(str::to_owned),
    };
    db::media::insert(db, &record, None, db::now_millis()).await?;
    Ok(())
}

/// Image widths kept besides the original.
pub const IMAGE_WIDTHS: [u32; 3] = [1600, 800, 320];

/// Largest accepted upload per kind, in bytes.
#[derive(Clone, Copy, Debug)]
pub struct MediaLimits {
    /// Pictures (JPEG, PNG, WebP).
    pub image: u64,
    /// Videos (MP4, WebM).
    pub video: u64,
    /// Documents (PDF).
    pub document: u64,
    /// 3D models (GLB).
    pub model: u64,
}

impl Default for MediaLimits {
    fn default() -> Self {
        Self {
            image: 20 << 20,
            video: 500 << 20,
            document: 50 << 20,
            model: 100 << 20,
        }
    }
}

/// The object store and the limits, shared by the media routes.
#[derive(Clone)]
pub struct MediaState {
    /// Application state (database, auth settings).
    pub app: AppState,
    /// Where the bytes go.
    pub store: Arc<dyn ObjectStore>,
    /// Size limits.
    pub limits: MediaLimits,
}

/// What the first bytes of an upload say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detected {
    /// `image`, `video`, `document`, `model`.
    pub kind: &'static str,
    /// MIME type.
    pub content_type: &'static str,
}

/// Recognises the accepted formats from their first bytes; SVG (XML) and everything else is
/// refused with the Fluent id that says why.
pub fn detect(head: &[u8]) -> Result<Detected, &'static str> {
    if head.len() >= 12 && &head[0..4] == b"glTF" {
        return Ok(Detected {
            kind: "model",
            content_type: "model/gltf-binary",
        });
    }
    let trimmed: Vec<u8> = head
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace() || *b == 0xEF || *b == 0xBB || *b == 0xBF)
        .take(256)
        .collect();
    let text = String::from_utf8_lossy(&trimmed).to_ascii_lowercase();
    if text.starts_with("<svg") || text.starts_with("<?xml") || text.contains("<svg") {
        return Err("error-media-svg");
    }
    if domain::media::is_text_gltf(head) {
        return Err("error-media-gltf-text");
    }
    let Some(t) = infer::get(head) else {
        return Err("error-media-type");
    };
    let found = match t.mime_type() {
        "image/jpeg" => Detected {
            kind: "image",
            content_type: "image/jpeg",
        },
        "image/png" => Detected {
            kind: "image",
            content_type: "image/png",
        },
        "image/webp" => Detected {
            kind: "image",
            content_type: "image/webp",
        },
        "video/mp4" => Detected {
            kind: "video",
            content_type: "video/mp4",
        },
        "video/webm" => Detected {
            kind: "video",
            content_type: "video/webm",
        },
        "application/pdf" => Detected {
            kind: "document",
            content_type: "application/pdf",
        },
        _ => return Err("error-media-type"),
    };
    Ok(found)
}

fn limit_for(limits: &MediaLimits, kind: &str) -> u64 {
    match kind {
        "image" => limits.image,
        "video" => limits.video,
        "document" => limits.document,
        _ => limits.model,
    }
}

pub(crate) fn object_path(id: &str, variant: &str) -> Path {
    Path::from(format!("media/{id}/{variant}"))
}

pub(crate) fn fail(status: StatusCode, e: AppError) -> Response {
    (status, Json(e)).into_response()
}

pub(crate) fn field_error(status: StatusCode, message_id: &str) -> Response {
    fail(
        status,
        AppError::Validation(vec![FieldError::new("file", message_id)]),
    )
}

/// Query of an upload.
#[derive(serde::Deserialize)]
pub struct UploadQuery {
    /// The exhibitor whose booth gets the file.
    pub exhibitor: String,
    /// The file's name as the user picked it.
    #[serde(default)]
    pub name: String,
    /// The product the file shows (it then appears on the product page, not the booth's).
    #[serde(default)]
    pub product: Option<String>,
    /// `panorama` for an equirectangular 360° picture.
    #[serde(default)]
    pub purpose: Option<String>,
}

/// The answer to a successful upload.
#[derive(serde::Serialize, serde::Deserialize, Debug)]
pub struct Uploaded {
    /// Media id.
    pub id: String,
    /// Kind.
    pub kind: String,
    /// MIME type of the original.
    pub content_type: String,
    /// Size in bytes.
    pub byte_size: i64,
    /// Stored variants.
    pub variants: Vec<String>,
}

/// `POST /api/media/upload?exhibitor=<id>&name=<file name>`: the body is the file itself.
pub async fn upload(
    State(media): State<MediaState>,
    Extension(session): Extension<CurrentSession>,
    query: Result<Query<UploadQuery>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> Response {
    let Ok(Query(q)) = query else {
        return field_error(StatusCode::BAD_REQUEST, "error-request-malformed");
    };
    let db = &media.app.db;
    let Some(session) = session.0 else {
        return fail(StatusCode::UNAUTHORIZED, AppError::Unauthenticated);
    };
    if !domain::text::is_id(&q.exhibitor) {
        return fail(StatusCode::NOT_FOUND, AppError::NotFound);
    }
    let expo_id = match db::media::exhibitor_expo(db, &q.exhibitor).await {
        Ok(Some(e)) => e,
        Ok(None) => return fail(StatusCode::NOT_FOUND, AppError::NotFound),
        Err(e) => return fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)),
    };
    let action = domain::authz::Action::EditBooth {
        expo_id: &expo_id,
        exhibitor_id: &q.exhibitor,
    };
    if domain::authz::authorize(Some(&session.actor), action).is_err() {
        return fail(StatusCode::FORBIDDEN, AppError::Forbidden);
    }
    if let Some(product) = q.product.as_deref().filter(|p| !p.is_empty()) {
        let owner = if domain::text::is_id(product) {
            db::media::product_exhibitor(db, product).await
        } else {
            Ok(None)
        };
        match owner {
            Ok(Some(owner)) if owner == q.exhibitor => {}
            Ok(_) => return field_error(StatusCode::NOT_FOUND, "error-media-product"),
            Err(e) => return fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)),
        }
    }
    let purpose = q.purpose.as_deref().unwrap_or("");
    let for_product = q.product.as_deref().is_some_and(|p| !p.is_empty());
    let known = matches!(purpose, "" | "panorama")
        || (matches!(purpose, "logo" | "banner") && !for_product);
    if !known {
        return field_error(StatusCode::BAD_REQUEST, "error-request-malformed");
    }
    let id = db::new_id();
    match store_original(&media, &id, body, None).await {
        Ok((detected, size)) => {
            finish_upload(&media, &id, detected, size, &q, &session.user.id).await
        }
        Err(resp) => resp,
    }
}

/// The detected type of an upload whose first bytes are `head` and whose size so far is `size`,
/// or the status and Fluent id that refuse it (unknown type, SVG, over the type's limit).
fn accept(
    head: &[u8],
    size: u64,
    limits: &MediaLimits,
    only: Option<Only>,
) -> Result<Detected, (StatusCode, &'static str)> {
    let d = detect(head).map_err(|m| match only {
        // The general "not accepted" names every kind; a narrower upload says its own.
        Some(o) if m == "error-media-type" => (StatusCode::UNSUPPORTED_MEDIA_TYPE, o.refusal),
        _ => (StatusCode::UNSUPPORTED_MEDIA_TYPE, m),
    })?;
    if let Some(o) = only {
        if !o.kinds.contains(&d.kind) {
            return Err((StatusCode::UNSUPPORTED_MEDIA_TYPE, o.refusal));
        }
    }
    if size > limit_for(limits, d.kind) {
        return Err((StatusCode::PAYLOAD_TOO_LARGE, "error-media-too-large"));
    }
    Ok(d)
}

/// The kinds an upload may be, and the Fluent id that refuses the others.
#[derive(Clone, Copy, Debug)]
pub struct Only {
    /// Accepted kinds (`image`, `document`, …).
    pub kinds: &'static [&'static str],
    /// Why anything else is refused.
    pub refusal: &'static str,
}

/// Streams the body into `media/<id>/original`, checking the type from the first bytes and the
/// size limit as it goes; on any refusal the partial upload is aborted.
pub(crate) async fn store_original(
    media: &MediaState,
    id: &str,
    body: Body,
    only: Option<Only>,
) -> Result<(Detected, u64), Response> {
    let mut stream = body.into_data_stream();
    let mut head = Vec::with_capacity(4096);
    let mut pending: Vec<Bytes> = Vec::new();
    let mut detected: Option<Detected> = None;
    let mut writer: Option<WriteMultipart> = None;
    let mut size: u64 = 0;
    // The structure of PDFs, videos and models, checked as the bytes pass.
    let mut structure: Option<domain::media::StructureCheck> = None;
    let abort = |w: Option<WriteMultipart>| async move {
        if let Some(w) = w {
            let _ = w.abort().await;
        }
    };
    while let Some(chunk) = stream.next().await {
        let chunk = match chunk {
            Ok(c) => c,
            Err(_) => {
                abort(writer).await;
                return Err(field_error(
                    StatusCode::BAD_REQUEST,
                    "error-media-incomplete",
                ));
            }
        };
        size += chunk.len() as u64;
        if let Some(d) = detected {
            if size > limit_for(&media.limits, d.kind) {
                abort(writer).await;
                return Err(field_error(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "error-media-too-large",
                ));
            }
            if let Some(c) = structure.as_mut() {
                c.feed(&chunk);
            }
            if let Some(w) = writer.as_mut() {
                w.put(chunk);
            }
            continue;
        }
        if head.len() < 4096 {
            let take = (4096 - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
        }
        pending.push(chunk);
        if head.len() >= 512 {
            let d = accept(&head, size, &media.limits, only)
                .map_err(|(status, m)| field_error(status, m))?;
            let upload = media
                .store
                .put_multipart(&object_path(id, "original"))
                .await
                .map_err(|e| fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)))?;
            let mut w = WriteMultipart::new(upload);
            let mut check =
                domain::media::Format::of(d.content_type).map(domain::media::StructureCheck::new);
            for p in pending.drain(..) {
                if let Some(c) = check.as_mut() {
                    c.feed(&p);
                }
                w.put(p);
            }
            structure = check;
            writer = Some(w);
            detected = Some(d);
        }
    }
    if size == 0 {
        return Err(field_error(StatusCode::BAD_REQUEST, "error-media-empty"));
    }
    match (detected, writer) {
        (Some(d), Some(w)) => {
            if let Some(Err(reason)) = structure.as_ref().map(|c| c.finish()) {
                abort(Some(w)).await;
                return Err(field_error(StatusCode::UNPROCESSABLE_ENTITY, reason));
            }
            w.finish()
                .await
                .map_err(|e| fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)))?;
            Ok((d, size))
        }
        _ => {
            // A small file: everything is still in memory.
            let d = accept(&head, size, &media.limits, only)
                .map_err(|(status, m)| field_error(status, m))?;
            let all: Vec<u8> = pending.concat();
            if let Some(format) = domain::media::Format::of(d.content_type) {
                let mut check = domain::media::StructureCheck::new(format);
                check.feed(&all);
                check
                    .finish()
                    .map_err(|reason| field_error(StatusCode::UNPROCESSABLE_ENTITY, reason))?;
            }
            media
                .store
                .put(&object_path(id, "original"), PutPayload::from(all))
                .await
                .map_err(|e| fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)))?;
            Ok((d, size))
        }
    }
}

/// An image's pixel size and its encoded variants (name, bytes).
pub type ImageVariants = ((u32, u32), Vec<(String, Vec<u8>)>);

/// Re-encodes an image into the widths of [`IMAGE_WIDTHS`] no larger than the original;
/// returns the original's size and the encoded variants.
pub fn image_variants(bytes: &[u8]) -> Result<ImageVariants, image::ImageError> {
    variants_at(bytes, &IMAGE_WIDTHS)
}

/// Widths kept of a 360° panorama: the viewer's texture and the still shown without WebGL.
pub const PANORAMA_WIDTHS: [u32; 2] = [4096, 1600];
/// Widths kept of a booth logo.
pub const LOGO_WIDTHS: [u32; 2] = [512, 256];
/// Widths kept of a booth banner.
pub const BANNER_WIDTHS: [u32; 2] = [2400, 1200];

/// The widths a picture of this kind is kept in.
fn widths_of(kind: &str) -> &'static [u32] {
    match kind {
        "panorama" => &PANORAMA_WIDTHS,
        "logo" => &LOGO_WIDTHS,
        "banner" => &BANNER_WIDTHS,
        _ => &IMAGE_WIDTHS,
    }
}

/// Longest side of a picture the server decodes, in pixels.
pub const MAX_PICTURE_SIDE: u32 = 12_000;
/// Most pixels of a picture the server decodes (40 megapixels: an 8K panorama fits).
pub const MAX_PICTURE_PIXELS: u64 = 40_000_000;
/// Most memory one decode may allocate.
const MAX_DECODE_BYTES: u64 = 256 << 20;
/// Pictures decoded at once on this node (each may take [`MAX_DECODE_BYTES`] and a core).
const DECODE_SLOTS: usize = 2;

/// Why a picture was not re-encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureRefusal {
    /// Over [`MAX_PICTURE_SIDE`] or [`MAX_PICTURE_PIXELS`], or its decoding would need too much
    /// memory: refused before its pixels are decoded.
    TooLarge,
    /// Not a readable picture.
    Corrupt,
}

impl PictureRefusal {
    /// The Fluent id that tells the uploader.
    pub fn message_id(self) -> &'static str {
        match self {
            PictureRefusal::TooLarge => "error-media-too-many-pixels",
            PictureRefusal::Corrupt => "error-media-corrupt",
        }
    }
}

/// Re-encodes a picture into `widths` off the async threads, at most [`DECODE_SLOTS`] at once
/// per node, with the decoder's limits.
pub async fn picture_variants(
    bytes: impl AsRef<[u8]> + Send + 'static,
    widths: &'static [u32],
) -> Result<ImageVariants, PictureRefusal> {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let slots = SLOTS.get_or_init(|| tokio::sync::Semaphore::new(DECODE_SLOTS));
    let _permit = slots.acquire().await.map_err(|_| PictureRefusal::Corrupt)?;
    match tokio::task::spawn_blocking(move || variants_at(bytes.as_ref(), widths)).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(image::ImageError::Limits(_))) => Err(PictureRefusal::TooLarge),
        _ => Err(PictureRefusal::Corrupt),
    }
}

/// Decodes a picture within the limits: its size is read from the header first, so a small
/// file that claims a huge picture is refused before any pixel is decoded.
fn decode_limited(bytes: &[u8]) -> Result<image::DynamicImage, image::ImageError> {
    use image::error::{LimitError, LimitErrorKind};
    let reader = || image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format();
    let (w, h) = reader()?.into_dimensions()?;
    if u64::from(w) * u64::from(h) > MAX_PICTURE_PIXELS {
        return Err(image::ImageError::Limits(LimitError::from_kind(
            LimitErrorKind::DimensionError,
        )));
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_PICTURE_SIDE);
    limits.max_image_height = Some(MAX_PICTURE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = reader()?;
    reader.limits(limits);
    reader.decode()
}

/// Re-encodes an image into the given widths (largest first), none wider than the original.
pub fn variants_at(bytes: &[u8], widths: &[u32]) -> Result<ImageVariants, image::ImageError> {
    let img = decode_limited(bytes)?;
    let (w, h) = (img.width(), img.height());
    let alpha = img.color().has_alpha();
    let mut out = Vec::new();
    for &target in widths {
        if target > w && !out.is_empty() {
            continue;
        }
        let resized = if target < w {
            img.resize(target, u32::MAX, image::imageops::FilterType::Triangle)
        } else {
            img.clone()
        };
        let mut buf = std::io::Cursor::new(Vec::new());
        if alpha {
            resized.write_to(&mut buf, image::ImageFormat::Png)?;
        } else {
            let rgb = image::DynamicImage::ImageRgb8(resized.to_rgb8());
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 85);
            rgb.write_with_encoder(encoder)?;
        }
        out.push((format!("w{}", target.min(w)), buf.into_inner()));
    }
    Ok(((w, h), out))
}

async fn finish_upload(
    media: &MediaState,
    id: &str,
    d: Detected,
    size: u64,
    q: &UploadQuery,
    user_id: &str,
) -> Response {
    // A purpose (360° view, logo, banner) makes a picture something else; it must be a picture.
    let purpose: Option<&'static str> = match q.purpose.as_deref() {
        Some("panorama") => Some("panorama"),
        Some("logo") => Some("logo"),
        Some("banner") => Some("banner"),
        _ => None,
    };
    let panorama = purpose == Some("panorama");
    if purpose.is_some() && d.kind != "image" {
        let _ = media.store.delete(&object_path(id, "original")).await;
        let message = if panorama {
            "error-media-panorama-image"
        } else {
            "error-media-picture-only"
        };
        return field_error(StatusCode::UNPROCESSABLE_ENTITY, message);
    }
    let kind = purpose.unwrap_or(d.kind);
    // A picture is kept as its re-encoded variants only (its original, with the camera's
    // metadata, is deleted below); other kinds are served as uploaded.
    let mut variants = if d.kind == "image" {
        Vec::new()
    } else {
        vec!["original".to_owned()]
    };
    let mut dims = (None, None);
    if d.kind == "image" {
        let original = match media.store.get(&object_path(id, "original")).await {
            Ok(r) => match r.bytes().await {
                Ok(b) => b,
                Err(e) => return fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)),
            },
            Err(e) => return fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)),
        };
        let widths = widths_of(kind);
        let ((w, h), encoded) = match picture_variants(original, widths).await {
            Ok(v) => v,
            Err(refusal) => {
                let _ = media.store.delete(&object_path(id, "original")).await;
                return field_error(StatusCode::UNPROCESSABLE_ENTITY, refusal.message_id());
            }
        };
        // An equirectangular panorama is twice as wide as it is high.
        if panorama && (w * 10 < h * 19 || w * 10 > h * 21) {
            let _ = media.store.delete(&object_path(id, "original")).await;
            return field_error(
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-media-panorama-ratio",
            );
        }
        dims = (Some(i64::from(w)), Some(i64::from(h)));
        for (name, bytes) in encoded {
            if let Err(e) = media
                .store
                .put(&object_path(id, &name), PutPayload::from(bytes))
                .await
            {
                return fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e));
            }
            variants.push(name);
        }
        // The original keeps the camera's metadata (GPS, serial numbers): only the re-encoded
        // variants, which carry none, are kept.
        if let Err(e) = media.store.delete(&object_path(id, "original")).await {
            tracing::warn!(error = %e, media = %id, "picture original not removed");
        }
    }
    let name: String = q
        .name
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let record = db::media::MediaRecord {
        id: id.to_owned(),
        exhibitor_id: q.exhibitor.clone(),
        kind: kind.to_owned(),
        content_type: d.content_type.to_owned(),
        byte_size: i64::try_from(size).unwrap_or(i64::MAX),
        width: dims.0,
        height: dims.1,
        variants: variants.clone(),
        original_name: name,
        position: 0,
        product_id: q.product.clone().filter(|p| !p.is_empty()),
    };
    if let Err(e) = db::media::insert(&media.app.db, &record, Some(user_id), db::now_millis()).await
    {
        for v in &variants {
            let _ = media.store.delete(&object_path(id, v)).await;
        }
        return fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e));
    }
    // A booth has one logo and one banner: the new one replaces the old.
    if matches!(kind, "logo" | "banner") {
        let replaced = db::media::delete_others_of_kind(&media.app.db, &q.exhibitor, kind, id);
        if let Err(e) = replaced.await {
            tracing::warn!(error = %e, "older logo or banner not removed");
        }
    }
    media.app.content_changed();
    let body = Uploaded {
        id: id.to_owned(),
        kind: kind.to_owned(),
        content_type: d.content_type.to_owned(),
        byte_size: record.byte_size,
        variants,
    };
    (StatusCode::CREATED, Json(body)).into_response()
}

/// Parses a single `bytes=a-b`, `bytes=a-` or `bytes=-n` range against a size; `None` when it
/// is absent, malformed, multi-part or unsatisfiable.
pub fn parse_range(header: &str, size: u64) -> Option<std::ops::Range<u64>> {
    let spec = header.trim().strip_prefix("bytes=")?;
    if spec.contains(',') || size == 0 {
        return None;
    }
    let (a, b) = spec.split_once('-')?;
    let range = match (a.trim(), b.trim()) {
        ("", n) => {
            let n: u64 = n.parse().ok()?;
            size.saturating_sub(n)..size
        }
        (a, "") => a.parse::<u64>().ok()?..size,
        (a, b) => {
            let (a, b): (u64, u64) = (a.parse().ok()?, b.parse().ok()?);
            a..b.saturating_add(1).min(size)
        }
    };
    (range.start < range.end && range.start < size).then_some(range)
}

/// `GET /media/<id>/<variant>`: the bytes, with ETag, immutable caching and Range.
pub async fn serve(
    State(media): State<MediaState>,
    UrlPath((id, variant)): UrlPath<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let not_found = || StatusCode::NOT_FOUND.into_response();
    if !domain::text::is_id(&id) || !variant.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return not_found();
    }
    // An upload of a booth, or else an asset of an expo (its logo).
    let content_type = match db::media::get(&media.app.db, &id).await {
        Ok(Some(r)) if r.variants.contains(&variant) => r.content_type,
        Ok(Some(_)) => return not_found(),
        Ok(None) => match db::setup::expo_asset(&media.app.db, &id).await {
            Ok(Some((t, variants))) if variants.contains(&variant) => t,
            Ok(_) => return not_found(),
            Err(e) => return fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)),
        },
        Err(e) => return fail(StatusCode::INTERNAL_SERVER_ERROR, AppError::internal(e)),
    };
    let etag = format!("\"{id}-{variant}\"");
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
    {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    let path = object_path(&id, &variant);
    let content_type = if variant == "original" {
        content_type
    } else if content_type == "image/png" || content_type == "image/webp" {
        // Variants with transparency are PNG; opaque ones JPEG (see image_variants).
        sniff_variant_type(&media, &path).await
    } else {
        "image/jpeg".to_owned()
    };
    serve_object(
        media.store.as_ref(),
        &path,
        content_type,
        etag,
        "public, max-age=31536000, immutable",
        &headers,
    )
    .await
}

/// Serves one stored object with its type, ETag, caching and HTTP Range (one range; `416` for
/// one outside the object).
pub async fn serve_object(
    store: &dyn ObjectStore,
    path: &Path,
    content_type: String,
    etag: String,
    cache_control: &str,
    headers: &HeaderMap,
) -> Response {
    let not_found = || StatusCode::NOT_FOUND.into_response();
    let meta = match store.head(path).await {
        Ok(m) => m,
        Err(_) => return not_found(),
    };
    let range = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(|r| parse_range(r, meta.size));
    let (status, get_range) = match range {
        None => (StatusCode::OK, None),
        Some(Some(r)) => (StatusCode::PARTIAL_CONTENT, Some(r)),
        Some(None) => {
            return (
                StatusCode::RANGE_NOT_SATISFIABLE,
                [(header::CONTENT_RANGE, format!("bytes */{}", meta.size))],
            )
                .into_response();
        }
    };
    let options = GetOptions {
        range: get_range.clone().map(GetRange::Bounded),
        ..Default::default()
    };
    let result = match store.get_opts(path, options).await {
        Ok(r) => r,
        Err(_) => return not_found(),
    };
    let served = result.range.clone();
    let mut resp = Response::new(Body::from_stream(result.into_stream()));
    *resp.status_mut() = status;
    let h = resp.headers_mut();
    let pairs = [
        (header::CONTENT_TYPE, content_type),
        (
            header::CONTENT_LENGTH,
            (served.end - served.start).to_string(),
        ),
        (header::ETAG, etag),
        (header::CACHE_CONTROL, cache_control.to_owned()),
        (header::ACCEPT_RANGES, "bytes".to_owned()),
    ];
    for (k, v) in pairs {
        if let Ok(v) = HeaderValue::from_str(&v) {
            h.insert(k, v);
        }
    }
    if status == StatusCode::PARTIAL_CONTENT {
        if let Ok(v) = HeaderValue::from_str(&format!(
            "bytes {}-{}/{}",
            served.start,
            served.end - 1,
            meta.size
        )) {
            h.insert(header::CONTENT_RANGE, v);
        }
    }
    resp
}

pub(crate) async fn sniff_variant_type(media: &MediaState, path: &Path) -> String {
    match media.store.get_range(path, 0..16).await {
        Ok(head) if head.starts_with(b"\x89PNG") => "image/png".to_owned(),
        _ => "image/jpeg".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(parse_range("bytes=0-9", 100), Some(0..10));
        assert_eq!(parse_range("bytes=90-", 100), Some(90..100));
        assert_eq!(parse_range("bytes=-10", 100), Some(90..100));
        assert_eq!(parse_range("bytes=95-200", 100), Some(95..100));
        assert_eq!(parse_range("bytes=100-", 100), None);
        assert_eq!(parse_range("bytes=0-1,5-6", 100), None);
        assert_eq!(parse_range("items=0-1", 100), None);
        assert_eq!(parse_range("bytes=x-y", 100), None);
    }

    #[test]
    fn detection() {
        assert_eq!(
            detect(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
            Err("error-media-svg")
        );
        assert_eq!(
            detect(b"  <?xml version='1.0'?><svg/>"),
            Err("error-media-svg")
        );
        assert_eq!(
            detect(b"hello world, not a file format at all"),
            Err("error-media-type")
        );
        assert_eq!(
            detect(b"glTF\x02\x00\x00\x00\x10\x00\x00\x00").map(|d| d.kind),
            Ok("model")
        );
        assert_eq!(
            detect(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").map(|d| d.kind),
            Ok("document")
        );
    }
}
