//! Who may read which analysis, and putting it together: an organizer reads the whole expo or
//! any of its booths; a booth's team reads its own booth only (with its leads' stages).

use crate::state::{AppState, AuthSession};
use crate::AppError;
use domain::analysis::{Analysis, AnalysisFilter};
use domain::authz::{authorize, Action};
use domain::lead::LeadStage;

/// The analysis the filter asks for, if the reader may see it.
pub async fn analyse(
    state: &AppState,
    session: &AuthSession,
    mut filter: AnalysisFilter,
) -> Result<Analysis, AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let organizer = authorize(
        Some(&session.actor),
        Action::ViewOrganizerDashboard { expo_id: &expo.id },
    )
    .is_ok();
    let own_booth = session.actor.booth_in(&expo.id).map(str::to_owned);
    // Which booth: the one asked for (an organizer's, or the team's own), else the team's.
    let team = match (&filter.booth, organizer, &own_booth) {
        (Some(b), _, Some(own)) if b == own => true,
        (Some(_), true, _) => false,
        (Some(_), false, _) => return Err(AppError::Forbidden),
        (None, true, _) => false,
        (None, false, Some(own)) => {
            filter.booth = Some(own.clone());
            true
        }
        (None, false, None) => return Err(AppError::Forbidden),
    };
    let booth_name = match &filter.booth {
        Some(b) => match db::analysis::booth(&state.db, b).await? {
            Some((expo_id, name)) if expo_id == expo.id => Some(name),
            _ => return Err(AppError::NotFound),
        },
        None => None,
    };
    let (from, to) = match &filter.day {
        Some(day) => super::service::day_bounds(&expo.time_zone, day).ok_or_else(|| {
            AppError::Validation(vec![domain::FieldError::new("day", "analysis-error-day")])
        })?,
        None => (0, i64::MAX),
    };
    let scope = db::analysis::Scope {
        expo_id: expo.id.clone(),
        day: filter.day.clone(),
        from,
        to,
        hall: filter.hall.clone(),
        booth: filter.booth.clone(),
    };
    let whole = filter.booth.is_none();
    let db = &state.db;
    let leads = if team {
        let (_, leads) = crate::lead::service::all(state, session).await?;
        LeadStage::ALL
            .into_iter()
            .map(|s| {
                let n = leads.iter().filter(|l| l.stage == s).count();
                (s.as_str().to_owned(), i64::try_from(n).unwrap_or(i64::MAX))
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Analysis {
        days: db::analysis::days(db, &expo.id).await?,
        halls: if organizer {
            db::analysis::halls(db, &expo.id).await?
        } else {
            Vec::new()
        },
        totals: db::analysis::totals(db, &scope).await?,
        traffic: db::analysis::traffic(db, &scope).await?,
        by_hall: if whole {
            db::analysis::by_hall(db, &scope).await?
        } else {
            Vec::new()
        },
        by_booth: if whole {
            db::analysis::by_booth(db, &scope).await?
        } else {
            Vec::new()
        },
        dwell: db::analysis::dwell(db, &scope).await?,
        funnel: db::analysis::funnel(db, &scope).await?,
        deals: db::analysis::deals(db, &scope).await?,
        top_searches: if whole {
            db::analysis::searches(db, &scope, false).await?
        } else {
            Vec::new()
        },
        zero_searches: if whole {
            db::analysis::searches(db, &scope, true).await?
        } else {
            Vec::new()
        },
        sources: db::analysis::sources(db, &scope).await?,
        buyer_countries: db::analysis::buyer_countries(db, &scope).await?,
        leads,
        whole_expo: organizer,
        booth_name,
        filter,
    })
}
