//! Files attached to an inquiry: the buyer's drawings and specifications, the booth's price
//! lists and certificates. A picture or a PDF each, at most [`MAX_FILES_PER_INQUIRY`] per
//! inquiry; pictures are kept only re-encoded, in [`INQUIRY_FILE_WIDTHS`].

use crate::chat::Attachment;
use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// Files one inquiry may carry, from both sides together.
pub const MAX_FILES_PER_INQUIRY: usize = 10;
/// Widths a picture attached to an inquiry is kept in.
pub const INQUIRY_FILE_WIDTHS: [u32; 2] = [1280, 320];

/// A file attached to an inquiry, as both sides see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryFile {
    /// The stored file.
    pub file: Attachment,
    /// Who attached it.
    pub uploader_name: String,
    /// Whether the booth's side attached it (else the buyer).
    pub from_booth: bool,
    /// Whether the reader attached it (and so may remove it).
    pub mine: bool,
    /// When, UTC milliseconds.
    pub created_at: i64,
}

/// Reads the ids of files chosen on the inquiry form (separated by commas or spaces): each a
/// well-formed id, each once, at most [`MAX_FILES_PER_INQUIRY`].
pub fn parse_file_ids(raw: &str) -> Result<Vec<String>, FieldError> {
    let mut ids: Vec<String> = Vec::new();
    for id in raw
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
    {
        if !crate::text::is_id(id) {
            return Err(FieldError::new("files", "trade-error-files"));
        }
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_owned());
        }
    }
    if ids.len() > MAX_FILES_PER_INQUIRY {
        return Err(FieldError::new("files", "trade-error-files-count"));
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_ids_are_read_once_each_and_bounded() {
        let a = "0190a0b0-0000-7000-8000-00000000000a".to_owned();
        let b = "0190a0b0-0000-7000-8000-00000000000b".to_owned();
        assert_eq!(parse_file_ids(""), Ok(vec![]));
        assert_eq!(
            parse_file_ids(&format!("{a}, {b},{a}")),
            Ok(vec![a.clone(), b.clone()])
        );
        assert_eq!(
            parse_file_ids("../etc/passwd").unwrap_err().message_id,
            "trade-error-files"
        );
        let many: Vec<String> = (0..11)
            .map(|i| format!("0190a0b0-0000-7000-8000-{i:0>12}"))
            .collect();
        assert_eq!(
            parse_file_ids(&many.join(",")).unwrap_err().message_id,
            "trade-error-files-count"
        );
    }
}
