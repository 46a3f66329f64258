//! The e-mail digest of new strong matches (clause 3.3.3): each person who wants it (daily or
//! weekly, chosen on `/account`; weekly unless changed) gets, in their language, the strong
//! matches kept since their last digest, with the reasons, a link to `/matchmaking` and one to
//! change how often. Queued in the outbox in the transaction that first claims the person's
//! row, so a digest is never sent twice.

use crate::shell::i18n::{Arg, I18n};
use crate::state::AppState;
use crate::AppError;
use domain::matching::{Reasons, STRONG_SCORE};
use domain::text::LocalizedText;

/// Matches listed in one digest.
const LISTED: i64 = 5;
/// People handled per round.
const PER_ROUND: i64 = 200;

/// The digest's subject and text for one person.
pub fn compose(
    i18n: I18n,
    origin: &str,
    matches: &[(LocalizedText, u8, Reasons)],
) -> (String, String) {
    let count = i64::try_from(matches.len()).unwrap_or(0);
    let subject = i18n.t_args("match-digest-subject", vec![("count", Arg::Num(count))]);
    let mut text = i18n.t_args("match-digest-intro", vec![("count", Arg::Num(count))]);
    text.push_str("\n\n");
    for (name, score, reasons) in matches {
        text.push_str(&format!(
            "• {} — {}\n",
            name.show(i18n.locale).text,
            i18n.t_args("match-score", vec![("score", Arg::Num(i64::from(*score)))])
        ));
        for why in super::reasons::sentences(&i18n, reasons, true)
            .into_iter()
            .take(3)
        {
            text.push_str(&format!("  {why}\n"));
        }
    }
    text.push('\n');
    text.push_str(&i18n.t_args(
        "match-digest-footer",
        vec![
            ("link", Arg::Str(format!("{origin}/matchmaking"))),
            ("settings", Arg::Str(format!("{origin}/account"))),
        ],
    ));
    (subject, text)
}

/// Queues the digests that are due; returns how many were queued.
pub async fn run_once(state: &AppState, now: i64) -> Result<usize, AppError> {
    let strong = i64::from(STRONG_SCORE);
    let origin = state
        .public_origin
        .clone()
        .unwrap_or_else(|| state.bind_origin.clone());
    let due = db::matching::digest_due(&state.db, now, strong, PER_ROUND).await?;
    let mut queued = 0;
    for (user, email, language, since) in due {
        let rows = db::matching::strong_since(&state.db, &user, since, strong, LISTED).await?;
        let mut tx = state.db.begin().await?;
        // The claim is written first: of two nodes, one queues the digest.
        if !db::matching::claim_digest(&mut tx, &user, since, now).await? {
            continue;
        }
        if !rows.is_empty() {
            let matches: Vec<(LocalizedText, u8, Reasons)> = rows
                .into_iter()
                .map(|(name, score, reasons)| {
                    (
                        LocalizedText::from_json(&name),
                        u8::try_from(score.clamp(0, 100)).unwrap_or(0),
                        Reasons::decode(&reasons),
                    )
                })
                .collect();
            let locale = domain::Locale::parse(&language).unwrap_or_default();
            let (subject, text) = compose(I18n { locale }, &origin, &matches);
            db::notification::queue_email(&mut tx, &email, &subject, &text, now).await?;
            queued += 1;
        }
        db::commit(tx).await?;
    }
    Ok(queued)
}
