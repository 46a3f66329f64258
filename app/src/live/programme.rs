//! A broadcast's programme and room extras: speakers with bios and the agenda (whose items
//! become the replay's chapters), reactions, the videos an organizer uploads (a replay, or the
//! fallback that plays while a due broadcast is not on air), and what a stream's page shows
//! of all of it.

use super::service::{may_broadcast, parse_local, visible};
use crate::state::{AppState, AuthSession};
use crate::AppError;
use db::live::StreamRow;
use domain::live::{
    AgendaInput, AgendaItem, LiveEvent, Reaction, ReactionCounts, Speaker, SpeakerInput,
    StreamKind, StreamState, MAX_AGENDA_ITEMS, MAX_SPEAKERS,
};
use domain::realtime::{EventBody, Topic};
use domain::{FieldError, Locale};
use governor::clock::{Clock, DefaultClock};

/// Loads a stream whose programme `session` may edit (its broadcasters and the organizers).
async fn editable(
    state: &AppState,
    session: &AuthSession,
    id: &str,
) -> Result<StreamRow, AppError> {
    let row = visible(state, Some(session), id).await?;
    if !may_broadcast(Some(session), &row) {
        return Err(AppError::Forbidden);
    }
    if row.state == StreamState::Declined {
        return Err(AppError::Conflict("live-error-not-scheduled".into()));
    }
    Ok(row)
}

/// Adds a speaker to a stream's programme.
pub async fn add_speaker(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    input: &SpeakerInput,
) -> Result<String, AppError> {
    let row = editable(state, session, id).await?;
    let speaker =
        domain::live::parse_speaker(input, session.user.language).map_err(AppError::Validation)?;
    if db::live::speakers(&state.db, &row.id).await?.len() >= MAX_SPEAKERS {
        return Err(AppError::Conflict("live-speaker-error-full".into()));
    }
    let speaker_id = db::new_id();
    let mut tx = state.db.begin().await?;
    db::live::insert_speaker(&mut tx, &row.id, &speaker_id, &speaker, db::now_millis()).await?;
    db::commit(tx).await?;
    Ok(speaker_id)
}

/// Removes a speaker from a stream's programme.
pub async fn remove_speaker(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    speaker_id: &str,
) -> Result<(), AppError> {
    let row = editable(state, session, id).await?;
    if !db::live::delete_speaker(&state.db, &row.id, speaker_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// An agenda item as the programme form sends it.
pub struct AgendaEntry<'a> {
    /// A `datetime-local` value in the expo's time zone, within the slot.
    pub at: &'a str,
    /// Title in the author's language.
    pub title: &'a str,
    /// Title in English (the older form's field).
    pub title_en: &'a str,
    /// Title in the other languages.
    pub title_in: &'a domain::text::Translations,
    /// One of the stream's speakers (optional).
    pub speaker: &'a str,
}

/// Adds an agenda item.
pub async fn add_agenda_item(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    entry: &AgendaEntry<'_>,
) -> Result<String, AppError> {
    let row = editable(state, session, id).await?;
    let zone = db::expo::current_expo(&state.db)
        .await?
        .map(|e| e.time_zone)
        .unwrap_or_default();
    let speaker = entry.speaker;
    let input = AgendaInput {
        title: entry.title.to_owned(),
        title_en: entry.title_en.to_owned(),
        title_in: entry.title_in.clone(),
        starts_at: parse_local(entry.at, &zone).unwrap_or(0),
    };
    let title =
        domain::live::parse_agenda_item(&input, session.user.language, row.starts_at, row.ends_at)
            .map_err(AppError::Validation)?;
    if db::live::agenda(&state.db, &row.id).await?.len() >= MAX_AGENDA_ITEMS {
        return Err(AppError::Conflict("live-agenda-error-full".into()));
    }
    let speaker = Some(speaker.trim()).filter(|s| !s.is_empty());
    let item_id = db::new_id();
    let mut tx = state.db.begin().await?;
    let added =
        db::live::insert_agenda(&mut tx, &row.id, &item_id, input.starts_at, &title, speaker)
            .await?;
    db::commit(tx).await?;
    if !added {
        return Err(AppError::Validation(vec![FieldError::new(
            "speaker",
            "live-agenda-error-speaker",
        )]));
    }
    Ok(item_id)
}

/// Removes an agenda item.
pub async fn remove_agenda_item(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    item_id: &str,
) -> Result<(), AppError> {
    let row = editable(state, session, id).await?;
    if !db::live::delete_agenda(&state.db, &row.id, item_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// A viewer reacts in a room on air: counted, and every open page is told (rate-limited with
/// the chat's limiter under its own key). Returns the counts.
pub async fn react(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    reaction: Reaction,
) -> Result<ReactionCounts, AppError> {
    let row = visible(state, Some(session), id).await?;
    if row.state != StreamState::Live {
        return Err(AppError::Conflict("live-reaction-error-closed".into()));
    }
    if db::live::is_banned(&state.db, &row.id, &session.user.id).await? {
        return Err(AppError::Forbidden);
    }
    if let Err(not_until) = state
        .chat_limiter
        .check_key(&format!("react:{}", session.user.id))
    {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        return Err(AppError::RateLimited {
            retry_after_secs: wait.as_secs().max(1),
        });
    }
    let counts = db::live::react(&state.db, &row.id, reaction).await?;
    state
        .hub
        .store_and_publish(
            &state.db,
            &Topic::Live(row.id.clone()).to_string(),
            EventBody::Live(LiveEvent::Reacted {
                reaction,
                counts: counts.clone(),
            }),
        )
        .await?;
    Ok(counts)
}

/// What an uploaded video is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VideoUse {
    /// The replay (of a broadcast recorded elsewhere, or instead of the recording).
    Replay,
    /// Plays while the broadcast is due but not on air.
    Fallback,
}

impl VideoUse {
    /// Parses the upload's `use` parameter.
    pub fn parse(s: &str) -> Option<VideoUse> {
        match s {
            "replay" => Some(VideoUse::Replay),
            "fallback" => Some(VideoUse::Fallback),
            _ => None,
        }
    }
}

/// Checks that `session` may upload a video of this use to the stream: its broadcasters and
/// the organizers; not the replay of a broadcast on air (its recording is being made).
pub async fn may_upload(
    state: &AppState,
    session: Option<&AuthSession>,
    id: &str,
    purpose: VideoUse,
) -> Result<StreamRow, AppError> {
    let session = session.ok_or(AppError::Unauthenticated)?;
    let row = editable(state, session, id).await?;
    if purpose == VideoUse::Replay {
        match row.state {
            StreamState::Live => {
                return Err(AppError::Conflict("live-upload-error-on-air".into()));
            }
            // A request becomes public only by an organizer's approval, not by a replay.
            StreamState::Requested => {
                return Err(AppError::Conflict("live-error-not-scheduled".into()));
            }
            _ => {}
        }
    }
    Ok(row)
}

/// Records an uploaded video (stored under `key`, of `content_type`, `bytes` long).
pub async fn uploaded(
    state: &AppState,
    id: &str,
    purpose: VideoUse,
    key: &str,
    content_type: &str,
    bytes: i64,
) -> Result<(), AppError> {
    match purpose {
        VideoUse::Fallback => {
            db::live::set_fallback(&state.db, id, key, content_type, bytes).await?;
        }
        VideoUse::Replay => {
            let now = db::now_millis();
            if !db::live::set_uploaded_replay(&state.db, id, key, content_type, bytes, now).await? {
                return Err(AppError::Conflict("live-upload-error-on-air".into()));
            }
            // Schedules and booth pages show the replay.
            state.content_changed();
        }
    }
    Ok(())
}

/// Where the fallback of a stream is: its uploaded fallback (key, type, size), or else — for
/// a booth's broadcast — the booth's first video (its promo).
pub async fn fallback_of(
    state: &AppState,
    row: &StreamRow,
) -> Result<Option<(String, String, i64)>, AppError> {
    if let Some((key, t)) = &row.fallback {
        return Ok(Some((
            key.clone(),
            t.clone(),
            row.fallback_bytes.unwrap_or(0),
        )));
    }
    let Some((exhibitor, _)) = &row.exhibitor else {
        return Ok(None);
    };
    Ok(db::media::of_exhibitor(&state.db, exhibitor)
        .await?
        .into_iter()
        .find(|m| m.kind == "video")
        .map(|m| {
            (
                format!("media/{}/original", m.id),
                m.content_type,
                m.byte_size,
            )
        }))
}

/// The programme and extras a stream's page shows, in `viewer`'s language.
pub struct Extras {
    /// Speakers.
    pub speakers: Vec<Speaker>,
    /// Agenda.
    pub agenda: Vec<AgendaItem>,
    /// Chapters of the replay.
    pub chapters: Vec<domain::live::Chapter>,
    /// URL of the fallback video.
    pub fallback: Option<String>,
    /// Reaction counts.
    pub reactions: ReactionCounts,
    /// The booth's products.
    pub products: Vec<domain::product::ProductCard>,
}

/// Reads a stream's programme and extras.
pub async fn extras(state: &AppState, row: &StreamRow, viewer: Locale) -> Result<Extras, AppError> {
    let speakers: Vec<Speaker> = db::live::speakers(&state.db, &row.id)
        .await?
        .into_iter()
        .map(|s| Speaker {
            id: s.id,
            name: s.name,
            affiliation: s.affiliation,
            bio: s.bio.show(viewer),
        })
        .collect();
    let agenda: Vec<AgendaItem> = db::live::agenda(&state.db, &row.id)
        .await?
        .into_iter()
        .map(|a| AgendaItem {
            id: a.id,
            starts_at: a.starts_at,
            title: a.title.show(viewer),
            speaker: a.speaker,
        })
        .collect();
    // A recording starts when the broadcast went on air; an uploaded replay at the slot's start.
    let chapters = if row.recording_key.is_some() {
        let origin = match (&row.recording_type, row.live_since) {
            (None, Some(ms)) => ms / 1000,
            _ => row.starts_at,
        };
        let length = row.recording_ms.and_then(|m| u64::try_from(m).ok());
        domain::live::chapters(&agenda, origin, length)
    } else {
        Vec::new()
    };
    let fallback = fallback_of(state, row)
        .await?
        .map(|_| format!("/live/{}/fallback", row.id));
    let products = match (&row.exhibitor, row.kind) {
        (Some((ex, _)), StreamKind::Booth) => db::hall::product_cards(&state.db, ex, "", 6).await?,
        _ => Vec::new(),
    };
    Ok(Extras {
        speakers,
        agenda,
        chapters,
        fallback,
        reactions: db::live::reactions(&state.db, &row.id).await?,
        products,
    })
}
