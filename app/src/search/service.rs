//! Runs a search for a request: reads the parameters, asks the index, loads what to show,
//! records the search.

use super::engine::SearchIndex;
use crate::state::Ctx;
use crate::AppError;
use domain::search::{Hit, HitKind, RawSearch, SearchResults, Suggestion};
use sha2::{Digest, Sha256};

fn index(ctx: &Ctx) -> Result<SearchIndex, AppError> {
    ctx.state
        .search
        .clone()
        .ok_or_else(|| AppError::internal("search index not configured"))
}

/// A pseudonymous visitor id: the hash of the address and browser with the (UTC) day, so a
/// visitor's searches of one day group together and nothing identifies them.
pub fn visitor_id(ctx: &Ctx) -> String {
    let day = db::now_millis() / 86_400_000;
    pseudonym(ctx, &day.to_le_bytes())
}

/// The same pseudonym for one of an expo's days (`YYYY-MM-DD` in its time zone), so a visitor
/// is one visitor for the whole of the expo's day, wherever UTC midnight falls in it.
pub fn visitor_id_on(ctx: &Ctx, day: &str) -> String {
    pseudonym(ctx, day.as_bytes())
}

fn pseudonym(ctx: &Ctx, day: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(ctx.client.ip.as_bytes());
    h.update([0]);
    h.update(ctx.client.user_agent.as_bytes());
    h.update([0]);
    h.update(day);
    h.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, super::engine::SearchError> + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)
}

/// Searches the current expo.
pub async fn search(ctx: &Ctx, raw: &RawSearch) -> Result<SearchResults, AppError> {
    domain::authz::authorize(ctx.actor(), domain::authz::Action::ViewPublic)?;
    let db = &ctx.state.db;
    let expo = db::expo::current_expo(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let halls: Vec<(String, domain::text::LocalizedText)> = db::hall::halls_of(db, &expo.id)
        .await?
        .into_iter()
        .map(|h| (h.slug, h.name))
        .collect();
    let slugs: Vec<String> = halls.iter().map(|(s, _)| s.clone()).collect();
    let (request, notices) = raw.read(&slugs);
    let index = index(ctx)?;
    let (expo_id, req) = (expo.id.clone(), request.clone());
    let found = blocking(move || index.search(&expo_id, &req)).await?;
    let hits = load_hits(db, &found.hits).await?;
    if request.page == 1 && !request.is_blank() {
        let record = db::search::SearchRecord {
            expo_id: &expo.id,
            at: db::now_millis(),
            query: &request.text,
            filters: &request.filters_json(),
            result_count: i64::try_from(found.total).unwrap_or(i64::MAX),
            locale: ctx.locale.tag(),
            user_id: ctx.session.as_ref().map(|s| s.user.id.as_str()),
            visitor_id: &visitor_id(ctx),
        };
        // A lost record must not cost the visitor their results.
        if let Err(e) = db::search::record(db, &record).await {
            tracing::warn!(error = %e, "search not recorded");
        }
    }
    Ok(SearchResults {
        request,
        notices,
        total: found.total,
        hits,
        facets: found.facets,
        halls,
    })
}

/// The results to show, in the index's order (items deleted since are left out).
async fn load_hits(db: &db::Db, ids: &[(HitKind, String)]) -> Result<Vec<Hit>, AppError> {
    let of = |kind| {
        ids.iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, id)| id.clone())
            .collect::<Vec<_>>()
    };
    let mut products: std::collections::HashMap<String, Hit> =
        db::search::product_hits(db, &of(HitKind::Product))
            .await?
            .into_iter()
            .map(|p| (p.card.id.clone(), Hit::Product(p)))
            .collect();
    let mut exhibitors: std::collections::HashMap<String, Hit> =
        db::search::exhibitor_hits(db, &of(HitKind::Exhibitor))
            .await?
            .into_iter()
            .map(|e| (e.id.clone(), Hit::Exhibitor(e)))
            .collect();
    Ok(ids
        .iter()
        .filter_map(|(kind, id)| match kind {
            HitKind::Product => products.remove(id),
            HitKind::Exhibitor => exhibitors.remove(id),
        })
        .collect())
}

/// Suggestions for an unfinished query (not recorded: the search itself is, when it is run).
pub async fn suggest(ctx: &Ctx, q: &str) -> Result<Vec<Suggestion>, AppError> {
    domain::authz::authorize(ctx.actor(), domain::authz::Action::ViewPublic)?;
    let text: String = q.chars().take(domain::search::MAX_QUERY_CHARS).collect();
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let db = &ctx.state.db;
    let Some(expo) = db::expo::current_expo(db).await? else {
        return Ok(Vec::new());
    };
    let index = index(ctx)?;
    let found =
        blocking(move || index.suggest(&expo.id, &text, domain::search::SUGGESTIONS)).await?;
    let locale = ctx.locale;
    Ok(load_hits(db, &found)
        .await?
        .into_iter()
        .map(|hit| match hit {
            Hit::Product(p) => Suggestion {
                kind: HitKind::Product,
                href: format!("/products/{}", p.card.id),
                name: p.card.name.show(locale),
                detail: format!("{} · {}", p.company.show(locale).text, p.booth_code),
            },
            Hit::Exhibitor(e) => Suggestion {
                kind: HitKind::Exhibitor,
                href: crate::hall::hall_map::booth_href(&e.id),
                name: e.name.show(locale),
                detail: format!("{} · {}", e.hall_name.show(locale).text, e.booth_code),
            },
        })
        .collect())
}
