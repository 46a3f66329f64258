//! Who may attach, read and remove the files of an inquiry.
//!
//! The buyer and the booth's team attach files to a live inquiry (at most
//! [`MAX_FILES_PER_INQUIRY`] in all) and read them; the buyer may also upload on the inquiry
//! form before the inquiry exists, and those uploads are theirs alone until the form is sent.
//! Only the uploader removes a file, while the inquiry is live. Everyone else is told the file
//! does not exist.

use super::service::{concerned, readable, signal};
use crate::state::{AppState, AuthSession};
use crate::AppError;
use db::inquiry_file::FileRecord;
use domain::trade::{InquiryFile, MAX_FILES_PER_INQUIRY};

/// Where an upload goes: to an inquiry, or kept for the inquiry form being filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Kept for the inquiry form.
    Form,
    /// Attached to this inquiry.
    Inquiry(String),
}

/// Refuses an upload before its bytes are read: the person may not write, the inquiry is not
/// theirs, settled or full, or they sent their day's files already.
pub async fn may_attach(
    state: &AppState,
    session: &AuthSession,
    target: &Target,
) -> Result<(), AppError> {
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    if let Target::Inquiry(id) = target {
        let (row, _) = readable(state, session, id).await?;
        if !row.status().is_live() {
            return Err(AppError::Conflict("trade-error-settled".into()));
        }
        if db::inquiry_file::count(&state.db, id).await? >= MAX_FILES_PER_INQUIRY as i64 {
            return Err(AppError::Conflict("trade-error-files-count".into()));
        }
    }
    within_quota(state, session, 0).await
}

/// Refuses a file of `size` bytes past the person's day of uploads.
pub async fn within_quota(
    state: &AppState,
    session: &AuthSession,
    size: i64,
) -> Result<(), AppError> {
    let since = db::now_millis() - crate::chat::moderation::DAY_MILLIS;
    let (count, bytes) =
        db::inquiry_file::uploaded_since(&state.db, &session.user.id, since).await?;
    if domain::chat::within_attachment_quota(count, bytes, size) {
        Ok(())
    } else {
        Err(AppError::Conflict("trade-error-file-quota".into()))
    }
}

/// Tells both sides that the inquiry's files changed, so their pages read them again.
pub async fn changed(state: &AppState, inquiry_id: &str) -> Result<(), AppError> {
    if let Some(row) = db::trade::inquiry(&state.db, inquiry_id).await? {
        signal(state, &concerned(state, &row).await?);
    }
    Ok(())
}

/// The file `id` if the reader may have it: an unsent upload to its uploader, an inquiry's
/// file to its buyer and booth team.
pub async fn readable_file(
    state: &AppState,
    session: &AuthSession,
    id: &str,
) -> Result<FileRecord, AppError> {
    if !domain::text::is_id(id) {
        return Err(AppError::NotFound);
    }
    let record = db::inquiry_file::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    match &record.inquiry_id {
        None if record.uploaded_by == session.user.id => Ok(record),
        None => Err(AppError::NotFound),
        Some(inquiry) => readable(state, session, inquiry).await.map(|_| record),
    }
}

/// The files of an inquiry the reader may read, as the page shows them.
pub async fn of_inquiry(
    state: &AppState,
    session: &AuthSession,
    inquiry_id: &str,
    buyer_id: &str,
) -> Result<Vec<InquiryFile>, AppError> {
    Ok(db::inquiry_file::of_inquiry(&state.db, inquiry_id)
        .await?
        .into_iter()
        .map(|r| InquiryFile {
            mine: r.uploaded_by == session.user.id,
            from_booth: r.uploaded_by != buyer_id,
            uploader_name: r.uploader_name,
            created_at: r.created_at,
            file: r.file,
        })
        .collect())
}

/// The uploader removes their file from a live inquiry (or an upload not sent yet).
pub async fn remove(state: &AppState, session: &AuthSession, id: &str) -> Result<(), AppError> {
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    let record = readable_file(state, session, id).await?;
    if record.uploaded_by != session.user.id {
        return Err(AppError::Forbidden);
    }
    if let Some(inquiry) = &record.inquiry_id {
        let (row, _) = readable(state, session, inquiry).await?;
        if !row.status().is_live() {
            return Err(AppError::Conflict("trade-error-settled".into()));
        }
    }
    if !db::inquiry_file::remove(&state.db, id, &session.user.id).await? {
        return Err(AppError::NotFound);
    }
    if let Some(inquiry) = &record.inquiry_id {
        changed(state, inquiry).await?;
    }
    Ok(())
}
