//! Server functions of bulk import (the upload itself is a multipart form the server handles).

use crate::AppError;
use domain::import::{CellError, ImportSummary, Record};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A preview as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// The import.
    pub summary: ImportSummary,
    /// The refused cells (the first [`SHOWN`] of them).
    pub errors: Vec<CellError>,
    /// How many cells were refused in all.
    pub error_count: usize,
    /// The first valid rows.
    pub sample: Vec<Record>,
}

/// Refused cells a preview page lists.
pub const SHOWN: usize = 500;
/// Valid rows a preview page shows.
pub const SAMPLE: usize = 10;

/// The expo's latest imports (organizers).
#[server(prefix = "/api", endpoint = "import/list")]
pub async fn list_imports() -> Result<Vec<ImportSummary>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::recent(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// One import's preview (organizers).
#[server(prefix = "/api", endpoint = "import/get")]
pub async fn get_import(id: String) -> Result<ImportPreview, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let (summary, records, errors) = super::service::get(&ctx, &id).await?;
        Ok(ImportPreview {
            summary,
            error_count: errors.len(),
            errors: errors.into_iter().take(SHOWN).collect(),
            sample: records.into_iter().take(SAMPLE).collect(),
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// Imports a preview's valid rows in one transaction; returns (created, updated).
#[server(prefix = "/api", endpoint = "import/commit")]
pub async fn commit_import(id: String) -> Result<(i64, i64), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::commit(&ctx, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}
