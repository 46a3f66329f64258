//! Server functions of the directories.

use crate::AppError;
use domain::directory::{ExhibitorEntry, PersonEntry};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One page of a directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryPage<T> {
    /// The rows.
    pub items: Vec<T>,
    /// How many match.
    pub total: i64,
    /// This page (from 1).
    pub page: i64,
    /// The halls to filter by: (slug, name).
    pub halls: Vec<(String, domain::text::LocalizedText)>,
}

#[cfg(feature = "ssr")]
fn page_of(page: &str) -> i64 {
    page.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000)
}

/// The exhibitor directory (organizers).
#[server(prefix = "/api", endpoint = "directory/exhibitors")]
pub async fn exhibitor_directory(
    #[server(default)] q: String,
    #[server(default)] country: String,
    #[server(default)] hall: String,
    #[server(default)] page: String,
) -> Result<DirectoryPage<ExhibitorEntry>, AppError> {
    async {
        use domain::directory::{DirectoryFilter, DIRECTORY_PAGE};
        let ctx = crate::state::ctx()?;
        let expo_id = crate::console::managed_expo(&ctx).await?;
        let filter = DirectoryFilter::from_query(&q, &country, &hall, "");
        let page = page_of(&page);
        let (items, total) = db::directory::exhibitors(
            &ctx.state.db,
            &expo_id,
            &filter,
            DIRECTORY_PAGE,
            (page - 1) * DIRECTORY_PAGE,
        )
        .await?;
        let halls = db::hall::halls_of(&ctx.state.db, &expo_id)
            .await?
            .into_iter()
            .map(|h| (h.slug, h.name))
            .collect();
        Ok(DirectoryPage {
            items,
            total,
            page,
            halls,
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// The directory of registered people (organizers).
#[server(prefix = "/api", endpoint = "directory/people")]
pub async fn people_directory(
    #[server(default)] q: String,
    #[server(default)] country: String,
    #[server(default)] role: String,
    #[server(default)] page: String,
) -> Result<DirectoryPage<PersonEntry>, AppError> {
    async {
        use domain::directory::{DirectoryFilter, DIRECTORY_PAGE};
        let ctx = crate::state::ctx()?;
        let expo_id = crate::console::managed_expo(&ctx).await?;
        let filter = DirectoryFilter::from_query(&q, &country, "", &role);
        let page = page_of(&page);
        let (items, total) = db::directory::people(
            &ctx.state.db,
            &expo_id,
            &filter,
            DIRECTORY_PAGE,
            (page - 1) * DIRECTORY_PAGE,
        )
        .await?;
        Ok(DirectoryPage {
            items,
            total,
            page,
            halls: Vec::new(),
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// Reminds the teams of booths that are not ready (organizers); returns (exhibitors, people).
#[server(prefix = "/api", endpoint = "directory/remind")]
pub async fn remind_unready() -> Result<(i64, i64), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::remind_unready(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}
