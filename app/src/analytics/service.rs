//! The live counters: read from the database, the realtime hub (people online) and the trade
//! rate table, and pushed to the dashboards followed on this node.

use crate::state::{AppState, AuthSession};
use crate::AppError;
use domain::analytics::LiveCounters;
use domain::authz::{authorize, Action};
use domain::realtime::{Hint, Topic};
use std::time::Duration;

/// How often followed dashboards get the counters.
pub const PUSH_EVERY: Duration = Duration::from_secs(1);

/// Today's date (`YYYY-MM-DD`) in the time zone `zone` (UTC when unknown) at `now` (UTC
/// milliseconds), and the UTC millisecond its day began.
pub fn today(zone: &str, now: i64) -> (String, i64) {
    let tz = zone_of(zone);
    let Some(utc) = chrono::DateTime::from_timestamp_millis(now) else {
        return (String::new(), now);
    };
    let date = utc.with_timezone(&tz).date_naive();
    let start = day_start(tz, date).unwrap_or(now);
    (date.format("%Y-%m-%d").to_string(), start)
}

/// The first and the next day's first UTC millisecond of the date `day` (`YYYY-MM-DD`) in the
/// time zone `zone`; `None` for a date that is not one.
pub fn day_bounds(zone: &str, day: &str) -> Option<(i64, i64)> {
    let tz = zone_of(zone);
    let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some((day_start(tz, date)?, day_start(tz, date.succ_opt()?)?))
}

fn zone_of(zone: &str) -> chrono_tz::Tz {
    zone.parse().unwrap_or(chrono_tz::UTC)
}

/// The first moment of `date` in `tz` (where midnight does not exist, a clock change at
/// midnight, the first hour that does).
fn day_start(tz: chrono_tz::Tz, date: chrono::NaiveDate) -> Option<i64> {
    use chrono::TimeZone;
    (0..=2)
        .filter_map(|h| date.and_hms_opt(h, 0, 0))
        .find_map(|t| tz.from_local_datetime(&t).earliest())
        .map(|d| d.timestamp_millis())
}

/// The expo's counters now.
pub async fn counters(state: &AppState, expo_id: &str) -> Result<LiveCounters, AppError> {
    let zone = db::counters::time_zone(&state.db, expo_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = db::now_millis();
    let (day, since) = today(&zone, now);
    let mut c = db::counters::snapshot(&state.db, expo_id, since, &day, now).await?;
    c.online_now = i64::try_from(state.hub.online_count()).unwrap_or(i64::MAX);
    let trade = crate::trade::service::totals_of(state, expo_id).await?;
    c.deals = trade.deals;
    c.deal_base = trade.base;
    c.deal_total = trade.converted;
    c.deal_unconverted = trade.unconverted;
    Ok(c)
}

/// The counters for one of the expo's organizers.
pub async fn for_organizer(
    state: &AppState,
    session: &AuthSession,
    expo_id: &str,
) -> Result<LiveCounters, AppError> {
    authorize(
        Some(&session.actor),
        Action::ViewOrganizerDashboard { expo_id },
    )?;
    counters(state, expo_id).await
}

/// Which expos show their headline figures on the home page, as read at a content version
/// (the switch bumps it, on every node), so the pusher does not read it every second.
#[derive(Default)]
pub struct PublicSettings {
    version: u64,
    known: std::collections::HashMap<String, bool>,
}

impl PublicSettings {
    async fn is_public(&mut self, state: &AppState, expo: &str) -> Result<bool, AppError> {
        let version = state.content_version();
        if version != self.version {
            self.known.clear();
            self.version = version;
        }
        if let Some(on) = self.known.get(expo) {
            return Ok(*on);
        }
        let on = db::counters::public(&state.db, expo).await?;
        self.known.insert(expo.to_owned(), on);
        Ok(on)
    }
}

/// Pushes the counters to every dashboard followed on this node, and the headline figures to
/// the followers of every expo that shows them, once (each expo's counters read once).
pub async fn push_once(state: &AppState, settings: &mut PublicSettings) {
    let mut read: std::collections::HashMap<String, Option<LiveCounters>> = Default::default();
    for topic in state.hub.followed_here("dashboard:") {
        let Some(Topic::Dashboard(expo)) = Topic::parse(&topic) else {
            continue;
        };
        let c = counters_once(state, &expo, &mut read).await;
        if let Some(c) = c {
            state
                .hub
                .signal_here(&topic, Hint::Counters(Box::new(c.clone())));
        }
    }
    for topic in state.hub.followed_here("expo:") {
        let Some(Topic::Expo(expo)) = Topic::parse(&topic) else {
            continue;
        };
        match settings.is_public(state, &expo).await {
            Ok(true) => {}
            Ok(false) => continue,
            Err(e) => {
                tracing::warn!(expo, error = %e, "headline setting not read");
                continue;
            }
        }
        if let Some(c) = counters_once(state, &expo, &mut read).await {
            state.hub.signal_here(&topic, Hint::Headline(c.headline()));
        }
    }
}

async fn counters_once<'a>(
    state: &AppState,
    expo: &str,
    read: &'a mut std::collections::HashMap<String, Option<LiveCounters>>,
) -> Option<&'a LiveCounters> {
    if !read.contains_key(expo) {
        let c = match counters(state, expo).await {
            Ok(c) => Some(c),
            Err(e) => {
                tracing::warn!(expo, error = %e, "live counters not read");
                None
            }
        };
        read.insert(expo.to_owned(), c);
    }
    read.get(expo).and_then(Option::as_ref)
}

/// Shows or hides the headline figures on the home page (an organizer of the expo).
pub async fn set_public(
    state: &AppState,
    session: &AuthSession,
    expo_id: &str,
    on: bool,
) -> Result<(), AppError> {
    authorize(Some(&session.actor), Action::ManageExpo { expo_id })?;
    db::counters::set_public(&state.db, expo_id, on).await?;
    // The home page as cached shows them, or not.
    state.content_changed();
    Ok(())
}

/// Pushes the counters every [`PUSH_EVERY`] for as long as the server runs (and, every
/// minute, lets the footprint caps forget visitors gone quiet).
pub fn spawn_pusher(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(PUSH_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let mut ticks: u64 = 0;
        let mut settings = PublicSettings::default();
        loop {
            tick.tick().await;
            push_once(&state, &mut settings).await;
            ticks += 1;
            if ticks.is_multiple_of(60) {
                state.footprints.shrink();
            }
        }
    })
}

/// Records how many people watch a broadcast now (its relay says so every few seconds).
pub async fn record_viewers(
    state: &AppState,
    stream_id: &str,
    viewers: usize,
) -> Result<(), AppError> {
    let zone = db::counters::stream_time_zone(&state.db, stream_id)
        .await?
        .unwrap_or_default();
    let (day, _) = today(&zone, db::now_millis());
    let viewers = i64::try_from(viewers).unwrap_or(i64::MAX);
    db::counters::record_viewers(&state.db, stream_id, viewers, &day).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_starts_at_the_expo_s_midnight() {
        // 2026-12-07 02:00 UTC is 10:00 in Shanghai and still 2026-12-06 21:00 in New York.
        let now = 1_796_608_800_000;
        assert_eq!(
            today("Asia/Shanghai", now),
            ("2026-12-07".into(), 1_796_572_800_000)
        );
        assert_eq!(
            today("America/New_York", now),
            ("2026-12-06".into(), 1_796_533_200_000)
        );
        assert_eq!(today("no/such-zone", now).0, "2026-12-07");
        assert_eq!(
            day_bounds("Asia/Shanghai", "2026-12-07"),
            Some((1_796_572_800_000, 1_796_572_800_000 + 86_400_000))
        );
        // The day clocks go forward has 23 hours.
        let (from, to) = day_bounds("Europe/Berlin", "2026-03-29").unwrap();
        assert_eq!(to - from, 23 * 3_600_000);
        assert_eq!(day_bounds("UTC", "2026-02-30"), None);
    }
}
