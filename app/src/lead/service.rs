//! Lead rules: only a booth's own team reads its leads and keeps notes on them; contact details
//! come only from buyers who agreed to share them (decided in `db::lead`, which never hands
//! out the others).

use crate::state::{AppState, AuthSession};
use crate::AppError;
use domain::lead::{Lead, LeadFilter, LeadStage, LeadsPage};
use domain::text::LocalizedText;

/// The booth's company and all its leads, warmest first.
pub async fn all(
    state: &AppState,
    session: &AuthSession,
) -> Result<(LocalizedText, Vec<Lead>), AppError> {
    let (expo, booth) = crate::appointment::service::own_booth(state, session).await?;
    let company = db::trade::booth_facts(&state.db, &booth)
        .await?
        .map(|(_, name, _, _)| LocalizedText::from_json(&name))
        .ok_or(AppError::NotFound)?;
    let mut leads = db::lead::of_booth(&state.db, &expo, &booth).await?;
    leads.sort_by(|a, b| {
        b.warmth()
            .cmp(&a.warmth())
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok((company, leads))
}

/// `/leads` with its filters.
pub async fn page(
    state: &AppState,
    session: &AuthSession,
    filter: &LeadFilter,
) -> Result<LeadsPage, AppError> {
    let (company, leads) = all(state, session).await?;
    let stages = LeadStage::ALL
        .into_iter()
        .map(|s| (s, leads.iter().filter(|l| l.stage == s).count()))
        .collect();
    let total = leads.len();
    Ok(LeadsPage {
        company,
        leads: leads.into_iter().filter(|l| filter.keeps(l)).collect(),
        total,
        stages,
    })
}

/// The team sets a lead's stage and note.
pub async fn set_note(
    state: &AppState,
    session: &AuthSession,
    user_id: &str,
    stage: &str,
    note: &str,
) -> Result<(), AppError> {
    let (expo, booth) = crate::appointment::service::own_booth(state, session).await?;
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    let (stage, note) =
        domain::lead::note(stage, note).map_err(|e| AppError::Validation(vec![e]))?;
    if !domain::text::is_id(user_id)
        || !db::lead::is_lead(&state.db, &expo, &booth, user_id).await?
    {
        return Err(AppError::NotFound);
    }
    db::lead::set_note(
        &state.db,
        &booth,
        user_id,
        stage,
        &note,
        &session.user.id,
        db::now_millis(),
    )
    .await?;
    Ok(())
}
