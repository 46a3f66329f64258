//! `GET /calendar/feed/<secret>.ics`: a person's calendar (appointments, scheduled meetings,
//! broadcasts they asked to be reminded of) as an iCalendar feed their calendar application
//! subscribes to. The secret in the address is the only key; making a new one on `/calendar`
//! stops the old address, and an unknown one is a plain 404.

use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// The feed.
pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    use icalendar::{Calendar, Component, Event, EventLike};
    let Some(token) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let entries = match app::appointment::service::feed(&state, token).await {
        Ok(e) => e,
        Err(app::AppError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::warn!(error = ?e, "calendar feed not made");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let origin = state
        .public_origin
        .clone()
        .unwrap_or_else(|| state.bind_origin.clone());
    let mut calendar = Calendar::new();
    calendar.name(&state_name(&state).await);
    for e in entries {
        let (Some(starts), Some(ends)) = (
            chrono::DateTime::from_timestamp_millis(e.when.starts_at),
            chrono::DateTime::from_timestamp_millis(e.when.ends_at),
        ) else {
            continue;
        };
        let url = format!("{origin}{}", e.link);
        let mut event = Event::new();
        event
            .uid(&format!("{}@cloud-expo", e.uid))
            // Fluent's isolation marks help a page lay out mixed scripts; in a calendar
            // application they are stray characters.
            .summary(&e.title.replace(['\u{2068}', '\u{2069}'], ""))
            .description(&url)
            .url(&url)
            .starts(starts)
            .ends(ends);
        if e.status == Some(domain::appointment::AppointmentStatus::Accepted) || e.status.is_none()
        {
            event.status(icalendar::EventStatus::Confirmed);
        } else {
            event.status(icalendar::EventStatus::Tentative);
        }
        calendar.push(event.done());
    }
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        calendar.done().to_string(),
    )
        .into_response()
}

async fn state_name(state: &AppState) -> String {
    match db::expo::current_expo(&state.db).await {
        Ok(Some(expo)) => expo.name.show(domain::Locale::En).text,
        _ => "Expo".into(),
    }
}
