//! Trade rules: who may send, read, quote and answer an inquiry, and who is told.
//!
//! A buyer reads their own inquiries; a booth's team reads and quotes its booth's; organizers
//! see the expo's figures, never an inquiry's content. Every change signals the people it
//! concerns (`Hint::Trade` on their own topic) so their pages read it again at once.

use crate::state::{AppState, AuthSession};
use crate::AppError;
use db::trade::InquiryRow;
use domain::authz::{authorize, Action};
use domain::notification::NotificationBody;
use domain::realtime::{Hint, Topic};
use domain::text::LocalizedText;
use domain::trade::{InquiryInput, InquiryView, MyInquiries, QuoteInput, TradeSide, TradeTotals};
use domain::FieldError;

/// Inquiries one buyer may send per hour.
pub const INQUIRIES_PER_HOUR: i64 = 30;

fn invalid(errors: Vec<FieldError>) -> AppError {
    AppError::Validation(errors)
}

/// Today in the expo's time zone (`YYYY-MM-DD`).
fn today(zone: &str) -> String {
    crate::live::service::local_day(db::now_millis() / 1000, zone)
}

/// Tells each person that their trade figures or inquiries changed.
pub(super) fn signal(state: &AppState, people: &[String]) {
    for p in people {
        state
            .hub
            .signal(&Topic::User(p.clone()).to_string(), Hint::Trade);
    }
}

/// Everyone an inquiry concerns: the buyer, the booth's team and the expo's organizers.
pub(super) async fn concerned(state: &AppState, row: &InquiryRow) -> Result<Vec<String>, AppError> {
    let mut people = db::chat::booth_team(&state.db, &row.expo_id, &row.exhibitor_id).await?;
    people.extend(db::chat::holders_of(&state.db, &row.expo_id, "organizer").await?);
    people.push(row.buyer_id.clone());
    people.sort();
    people.dedup();
    Ok(people)
}

/// Sends an inquiry from the signed-in buyer to a booth; returns its id. The same form sent
/// again returns the first one's id and stores nothing.
pub async fn send(
    state: &AppState,
    session: &AuthSession,
    input: &InquiryInput,
) -> Result<String, AppError> {
    let exhibitor_id = input.exhibitor_id.trim();
    if !domain::text::is_id(exhibitor_id) {
        return Err(AppError::NotFound);
    }
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    let (expo_id, _, _, zone) = db::trade::booth_facts(&state.db, exhibitor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let form = input.validate(&today(&zone)).map_err(invalid)?;
    let files = domain::trade::parse_file_ids(&input.files).map_err(|e| invalid(vec![e]))?;
    if let Some(done) = db::trade::by_cid(&state.db, &session.user.id, input.cid.trim()).await? {
        return Ok(done);
    }
    if let Some(product) = &form.product_id {
        match db::trade::product_facts(&state.db, product).await? {
            Some((owner, _, _)) if owner == exhibitor_id => {}
            _ => {
                return Err(invalid(vec![FieldError::new(
                    "product_id",
                    "trade-error-product",
                )]))
            }
        }
    }
    if authorize(
        Some(&session.actor),
        Action::SpeakForBooth {
            expo_id: &expo_id,
            exhibitor_id,
        },
    )
    .is_ok()
    {
        return Err(AppError::Conflict("trade-error-own-booth".into()));
    }
    let now = db::now_millis();
    if db::trade::sent_since(&state.db, &session.user.id, now - 3_600_000).await?
        >= INQUIRIES_PER_HOUR
    {
        return Err(AppError::RateLimited {
            retry_after_secs: 600,
        });
    }
    // The conversation where the two sides negotiate; a team member who blocked the buyer
    // gets no inquiry from them either.
    let room_id = crate::chat::service::open_booth_room(state, session, exhibitor_id).await?;
    if db::chat::block_in_room(&state.db, &room_id, &session.user.id).await?
        == db::chat::BlockState::BlockedBy
    {
        return Err(AppError::Conflict("trade-error-blocked".into()));
    }
    let id = db::new_id();
    let mut tx = state.db.begin().await?;
    let stored = db::trade::insert_inquiry(
        &mut tx,
        &db::trade::NewInquiry {
            id: &id,
            expo_id: &expo_id,
            exhibitor_id,
            buyer_id: &session.user.id,
            room_id: &room_id,
            cid: input.cid.trim(),
            form: &form,
            at: now,
        },
    )
    .await;
    match stored {
        Ok(()) => {}
        Err(db::Error::Unique) => {
            // The same form raced in on another request: that one won.
            drop(tx);
            return db::trade::by_cid(&state.db, &session.user.id, input.cid.trim())
                .await?
                .ok_or(AppError::NotFound);
        }
        Err(e) => return Err(e.into()),
    }
    // The files chosen on the form: each the sender's own upload, not sent with another.
    if db::inquiry_file::claim(&mut tx, &files, &id, &session.user.id).await? != files.len() as u64
    {
        return Err(invalid(vec![FieldError::new("files", "trade-error-files")]));
    }
    let team = db::chat::booth_team(&state.db, &expo_id, exhibitor_id).await?;
    let product = match &form.product_id {
        Some(p) => db::trade::product_facts(&state.db, p)
            .await?
            .map(|(_, name, _)| LocalizedText::from_json(&name)),
        None => None,
    };
    let body = NotificationBody::InquiryReceived {
        buyer: session.user.display_name.clone(),
        product,
    };
    for member in &team {
        db::notification::insert(&mut tx, member, &body, &format!("/inquiries/{id}"), now).await?;
    }
    db::commit(tx).await?;
    state.notified(&team);
    let row = db::trade::inquiry(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    signal(state, &concerned(state, &row).await?);
    crate::matching::service::touch(state, &session.user.id).await;
    Ok(id)
}

/// The inquiry and the reader's side, if the reader is its buyer or on its booth's team.
pub(super) async fn readable(
    state: &AppState,
    session: &AuthSession,
    id: &str,
) -> Result<(InquiryRow, TradeSide), AppError> {
    if !domain::text::is_id(id) {
        return Err(AppError::NotFound);
    }
    let row = db::trade::inquiry(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.buyer_id == session.user.id {
        return Ok((row, TradeSide::Buyer));
    }
    let team = authorize(
        Some(&session.actor),
        Action::SpeakForBooth {
            expo_id: &row.expo_id,
            exhibitor_id: &row.exhibitor_id,
        },
    );
    match team {
        Ok(()) => Ok((row, TradeSide::Seller)),
        // Someone else's inquiry does not exist for the reader.
        Err(_) => Err(AppError::NotFound),
    }
}

/// One inquiry with its quotes, for its buyer or its booth's team.
pub async fn view(
    state: &AppState,
    session: &AuthSession,
    id: &str,
) -> Result<InquiryView, AppError> {
    let (row, side) = readable(state, session, id).await?;
    let (_, company, booth_code, _) = db::trade::booth_facts(&state.db, &row.exhibitor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let product = match &row.product_id {
        Some(p) => db::trade::product_facts(&state.db, p)
            .await?
            .map(|(_, name, _)| (p.clone(), LocalizedText::from_json(&name))),
        None => None,
    };
    let (buyer_name, buyer_company, buyer_country) =
        db::trade::buyer_facts(&state.db, &row.expo_id, &row.buyer_id)
            .await?
            .unwrap_or_default();
    let quotes = db::trade::quotes(&state.db, &row.id).await?;
    let files = super::files::of_inquiry(state, session, &row.id, &row.buyer_id).await?;
    Ok(InquiryView {
        id: row.id.clone(),
        side,
        status: row.status(),
        exhibitor_id: row.exhibitor_id.clone(),
        exhibitor_name: LocalizedText::from_json(&company),
        booth_code,
        product,
        buyer_name,
        buyer_company,
        buyer_country,
        form: row.form(),
        room_id: row.room_id.clone().unwrap_or_default(),
        quotes,
        files,
        deal: row.deal_minor.zip(row.deal_currency.clone()),
        created_at: row.created_at,
    })
}

/// The inquiries the person sent, and those of every booth whose team they are on.
pub async fn mine(state: &AppState, session: &AuthSession) -> Result<MyInquiries, AppError> {
    let sent = db::trade::sent_by(&state.db, &session.user.id).await?;
    let mut received = Vec::new();
    for m in &session.actor.memberships {
        let Some(exhibitor) = m.exhibitor_id.as_deref() else {
            continue;
        };
        let team = authorize(
            Some(&session.actor),
            Action::SpeakForBooth {
                expo_id: &m.expo_id,
                exhibitor_id: exhibitor,
            },
        );
        if team.is_ok() {
            received.extend(db::trade::received_by(&state.db, exhibitor).await?);
        }
    }
    received.sort_by_key(|r| std::cmp::Reverse(r.updated_at));
    Ok(MyInquiries { sent, received })
}

/// The inquiry, its booth's company name (JSON) and its expo's time zone, when the reader is
/// on `side` of it and the platform takes writes.
async fn acting(
    state: &AppState,
    session: &AuthSession,
    inquiry_id: &str,
    side: TradeSide,
) -> Result<(InquiryRow, String, String), AppError> {
    let (row, reader) = readable(state, session, inquiry_id).await?;
    if reader != side {
        return Err(AppError::Forbidden);
    }
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    let (_, company, _, zone) = db::trade::booth_facts(&state.db, &row.exhibitor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((row, company, zone))
}

/// The booth's team sends a quote (a new revision; the previous offer is superseded).
pub async fn quote(
    state: &AppState,
    session: &AuthSession,
    inquiry_id: &str,
    input: &QuoteInput,
) -> Result<(), AppError> {
    let (row, company, zone) = acting(state, session, inquiry_id, TradeSide::Seller).await?;
    let form = input.validate(&today(&zone)).map_err(invalid)?;
    if !row.status().is_live() {
        return Err(AppError::Conflict("trade-error-settled".into()));
    }
    let now = db::now_millis();
    let mut tx = state.db.begin().await?;
    let stored = db::trade::insert_quote(
        &mut tx,
        &db::trade::NewQuote {
            id: &db::new_id(),
            inquiry_id: &row.id,
            form: &form,
            author_id: &session.user.id,
            at: now,
        },
    )
    .await;
    match stored {
        Ok(Some(_)) => {}
        Ok(None) => return Err(AppError::Conflict("trade-error-settled".into())),
        // A teammate's quote took this revision number first.
        Err(db::Error::Unique) => return Err(AppError::Conflict("trade-error-quote-raced".into())),
        Err(e) => return Err(e.into()),
    }
    db::notification::insert(
        &mut tx,
        &row.buyer_id,
        &NotificationBody::QuoteReceived {
            company: LocalizedText::from_json(&company),
            total: domain::trade::format_money(form.total_minor, &form.currency),
        },
        &format!("/inquiries/{}", row.id),
        now,
    )
    .await?;
    db::commit(tx).await?;
    state.hub.signal(
        &Topic::User(row.buyer_id.clone()).to_string(),
        Hint::Notification,
    );
    signal(state, &concerned(state, &row).await?);
    Ok(())
}

/// The buyer accepts (recording the intended deal value) or declines the waiting offer.
pub async fn answer(
    state: &AppState,
    session: &AuthSession,
    inquiry_id: &str,
    quote_id: &str,
    accept: bool,
) -> Result<(), AppError> {
    let (row, _, zone) = acting(state, session, inquiry_id, TradeSide::Buyer).await?;
    let now = db::now_millis();
    let offer = db::trade::offered(&state.db, &row.id).await?;
    let Some((offered_id, valid_until, total, currency)) = offer.filter(|o| o.0 == quote_id) else {
        return Err(AppError::Conflict("trade-error-not-offered".into()));
    };
    if accept && valid_until < today(&zone) {
        return Err(AppError::Conflict("trade-error-expired".into()));
    }
    let deal = accept.then_some((total, currency.as_str()));
    let mut tx = state.db.begin().await?;
    if !db::trade::answer(&mut tx, &row.id, &offered_id, deal, now).await? {
        return Err(AppError::Conflict("trade-error-not-offered".into()));
    }
    let team = db::chat::booth_team(&state.db, &row.expo_id, &row.exhibitor_id).await?;
    let body = NotificationBody::QuoteAnswered {
        buyer: session.user.display_name.clone(),
        accepted: accept,
    };
    for member in &team {
        db::notification::insert(
            &mut tx,
            member,
            &body,
            &format!("/inquiries/{}", row.id),
            now,
        )
        .await?;
    }
    db::commit(tx).await?;
    state.notified(&team);
    signal(state, &concerned(state, &row).await?);
    Ok(())
}

/// The buyer takes an open or quoted inquiry back.
pub async fn withdraw(
    state: &AppState,
    session: &AuthSession,
    inquiry_id: &str,
) -> Result<(), AppError> {
    let (row, _, _) = acting(state, session, inquiry_id, TradeSide::Buyer).await?;
    if !db::trade::withdraw(&state.db, &row.id, db::now_millis()).await? {
        return Err(AppError::Conflict("trade-error-settled".into()));
    }
    signal(state, &concerned(state, &row).await?);
    Ok(())
}

/// The expo's trade figures, for its organizers.
pub async fn totals(
    state: &AppState,
    session: &AuthSession,
    expo_id: &str,
) -> Result<TradeTotals, AppError> {
    authorize(
        Some(&session.actor),
        Action::ViewOrganizerDashboard { expo_id },
    )?;
    totals_of(state, expo_id).await
}

/// The expo's trade totals, deal values converted with its rate table (for a caller that has
/// checked who may read them).
pub(crate) async fn totals_of(state: &AppState, expo_id: &str) -> Result<TradeTotals, AppError> {
    let (inquiries, quotes, deals) = db::trade::totals(&state.db, expo_id).await?;
    let (base, rates) = db::trade::rates(&state.db, expo_id).await?;
    let (converted, unconverted) = domain::trade::total_in(&base, &deals, &rates);
    Ok(TradeTotals {
        inquiries,
        quotes,
        deals,
        base,
        converted,
        unconverted,
        rates,
    })
}

/// The organizer sets the base currency and the rate table (one `CUR rate` per line).
pub async fn set_rates(
    state: &AppState,
    session: &AuthSession,
    expo_id: &str,
    base: &str,
    table: &str,
) -> Result<(), AppError> {
    authorize(Some(&session.actor), Action::ManageExpo { expo_id })?;
    let base = base.trim().to_ascii_uppercase();
    if domain::trade::minor_digits(&base).is_none() {
        return Err(invalid(vec![FieldError::new(
            "base",
            "trade-error-currency",
        )]));
    }
    let rates = domain::trade::parse_rates(&base, table).map_err(|e| invalid(vec![e]))?;
    db::trade::set_rates(&state.db, expo_id, &base, &rates).await?;
    signal(
        state,
        &db::chat::holders_of(&state.db, expo_id, "organizer").await?,
    );
    Ok(())
}
