//! Appointment server functions: booking pages, bookings and answers, availability, the
//! calendar and its feed.

use crate::AppError;
use domain::appointment::{
    AppointmentView, AvailabilityInput, AvailabilityPage, BookingInput, BookingPage, CalendarPage,
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn signed_in(ctx: &crate::state::Ctx) -> Result<&crate::state::AuthSession, AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)
}

/// A booth's free slots (anyone may look; booking needs an account).
#[server(prefix = "/api", endpoint = "appointments/booking")]
pub async fn get_booking(
    exhibitor: String,
    #[server(default)] product: Option<String>,
) -> Result<BookingPage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::booking_page(
            &ctx.state,
            ctx.session.as_ref(),
            &exhibitor,
            product.as_deref(),
        )
        .await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Asks for a slot and goes to the calendar.
#[server(prefix = "/api", endpoint = "appointments/book")]
pub async fn book_appointment(booking: BookingInput) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let id = super::service::book(&ctx.state, session, &booking).await?;
        leptos_axum::redirect("/calendar");
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// One side answers: `accept`, `decline`, `propose` (with `slot_id`) or `cancel`.
#[server(prefix = "/api", endpoint = "appointments/answer")]
pub async fn answer_appointment(
    id: String,
    answer: String,
    #[server(default)] slot_id: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let Some(what) = domain::appointment::AppointmentAnswer::parse(&answer) else {
            return Err(AppError::Conflict("appointment-error-state".into()));
        };
        super::service::answer(&ctx.state, session, &id, what, &slot_id, &note).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// One appointment (its buyer and its booth's team only).
#[server(prefix = "/api", endpoint = "appointments/one")]
pub async fn get_appointment(id: String) -> Result<AppointmentView, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::appointment(&ctx.state, session, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The signed-in person's calendar.
#[server(prefix = "/api", endpoint = "calendar")]
pub async fn get_calendar() -> Result<CalendarPage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::calendar(&ctx.state, session).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The signed-in member's published slots.
#[server(prefix = "/api", endpoint = "calendar/availability")]
pub async fn get_availability() -> Result<AvailabilityPage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::availability(&ctx.state, session).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Publishes a day's span as slots; returns how many.
#[server(prefix = "/api", endpoint = "calendar/publish")]
pub async fn publish_availability(availability: AvailabilityInput) -> Result<usize, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::publish(&ctx.state, session, &availability).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Removes one of the member's free slots.
#[server(prefix = "/api", endpoint = "calendar/withdraw")]
pub async fn withdraw_slot(id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::withdraw(&ctx.state, session, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Makes a new feed address (the old one stops working); returns its path.
#[server(prefix = "/api", endpoint = "calendar/feed")]
pub async fn make_calendar_feed() -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::new_feed(&ctx.state, session).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Stops the feed.
#[server(prefix = "/api", endpoint = "calendar/revoke")]
pub async fn revoke_calendar_feed() -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::revoke_feed(&ctx.state, session).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Sets the zone the person's times are shown in (empty: the expo's).
#[server(prefix = "/api", endpoint = "calendar/zone")]
pub async fn set_time_zone(zone: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::set_zone(&ctx.state, session, &zone).await
    }
    .await
    .map_err(crate::error::with_status)
}
