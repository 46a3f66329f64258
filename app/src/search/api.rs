//! Server functions of search.

use crate::AppError;
use domain::search::{SearchResults, Suggestion};
use leptos::prelude::*;

/// Runs a search of the current expo (the results page; every first page is recorded).
#[server(prefix = "/api", endpoint = "search/run")]
pub async fn run_search(
    #[server(default)] query: domain::search::RawSearch,
) -> Result<SearchResults, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::search(&ctx, &query).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Suggestions for what is typed in the search box.
#[server(prefix = "/api", endpoint = "search/suggest")]
pub async fn suggest(#[server(default)] q: String) -> Result<Vec<Suggestion>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::suggest(&ctx, &q).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// What visitors searched in the last days, for the organizer.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SearchOverview {
    /// Days looked back.
    pub days: i64,
    /// Searches recorded.
    pub searches: i64,
    /// Of them, with no result.
    pub zero: i64,
    /// The queries that found nothing: (words, times, last searched ms).
    pub zero_queries: Vec<(String, i64, i64)>,
}

/// Searches of the last 30 days and those that found nothing (organizers).
#[server(prefix = "/api", endpoint = "search/insights")]
pub async fn search_insights() -> Result<SearchOverview, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let expo_id = crate::console::managed_expo(&ctx).await?;
        let days = 30;
        let since = db::now_millis() - days * 86_400_000;
        let (searches, zero) = db::search::counts(&ctx.state.db, &expo_id, since).await?;
        let zero_queries = db::search::zero_result_queries(&ctx.state.db, &expo_id, since, 100)
            .await?
            .into_iter()
            .map(|z| (z.query, z.times, z.last_at))
            .collect();
        Ok(SearchOverview {
            days,
            searches,
            zero,
            zero_queries,
        })
    }
    .await
    .map_err(crate::error::with_status)
}
