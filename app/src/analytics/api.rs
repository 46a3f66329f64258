//! Server functions of the analytics pages.

use crate::AppError;
use domain::analysis::Analysis;
use domain::analytics::LiveCounters;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The live dashboard's first state: the expo (whose `dashboard:` topic the page then follows)
/// and its counters now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveDashboard {
    /// The expo's id.
    pub expo_id: String,
    /// The counters when the page was read.
    pub counters: LiveCounters,
    /// Whether the home page shows the headline figures.
    pub public: bool,
}

/// The counters of the expo the signed-in organizer's console manages.
#[server(prefix = "/api", endpoint = "analytics/live")]
pub async fn load_live_counters() -> Result<LiveDashboard, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let expo_id = crate::console::managed_expo(&ctx).await?;
        let counters = super::service::for_organizer(&ctx.state, session, &expo_id).await?;
        let public = db::counters::public(&ctx.state.db, &expo_id).await?;
        Ok(LiveDashboard {
            expo_id,
            counters,
            public,
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// Shows (`on`) or hides the headline figures on the home page of the expo the organizer's
/// console manages; returns the new setting.
#[server(prefix = "/api", endpoint = "analytics/public")]
pub async fn set_public_counters(on: bool) -> Result<bool, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let expo_id = crate::console::managed_expo(&ctx).await?;
        super::service::set_public(&ctx.state, session, &expo_id, on).await?;
        crate::console::audit(&ctx, "analytics.public", &expo_id).await;
        Ok(on)
    }
    .await
    .map_err(crate::error::with_status)
}

/// The charts of one analysis (SVG documents; empty when there is nothing to draw).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charts {
    /// Visitors and views per day or hour.
    pub traffic: String,
    /// Visitors per hall.
    pub halls: String,
    /// Visits by length.
    pub dwell: String,
    /// The funnel.
    pub funnel: String,
    /// Visitors per invitation tag.
    pub sources: String,
    /// Visiting buyers by country.
    pub countries: String,
}

impl Charts {
    /// The chart of the table `name` (empty when it has none).
    pub fn of(&self, name: &str) -> &str {
        match name {
            "traffic" => &self.traffic,
            "halls" => &self.halls,
            "dwell" => &self.dwell,
            "funnel" => &self.funnel,
            "sources" => &self.sources,
            "countries" => &self.countries,
            _ => "",
        }
    }
}

/// An analysis and its charts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalysisPage {
    /// The figures.
    pub analysis: Analysis,
    /// The charts, drawn in the reader's language.
    pub charts: Charts,
}

/// The analysis of the current expo, or of one booth, for the day and hall given (empty: all).
/// An organizer reads any; a booth's team reads its own booth's only.
#[server(prefix = "/api", endpoint = "analytics/analysis")]
pub async fn load_analysis(
    day: String,
    hall: String,
    booth: String,
) -> Result<AnalysisPage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let filter = domain::analysis::AnalysisFilter::parse(&day, &hall, &booth)
            .map_err(|e| AppError::Validation(vec![e]))?;
        let analysis = super::analysis::analyse(&ctx.state, session, filter).await?;
        let i18n = crate::shell::i18n::I18n { locale: ctx.locale };
        let charts = super::charts::draw(&analysis, &i18n, |c| super::live_page::country(&i18n, c));
        Ok(AnalysisPage { analysis, charts })
    }
    .await
    .map_err(crate::error::with_status)
}

/// The heading of a post-show report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportHead {
    /// "Post-show report: <expo>".
    pub title: String,
    /// The booth's name, or "the whole expo".
    pub of: String,
    /// The expo's dates and the day the report was made.
    pub dates: String,
}

/// A post-show report: its heading and the analysis over every day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportPage {
    /// The heading.
    pub head: ReportHead,
    /// The analysis and its charts.
    pub page: AnalysisPage,
}

/// The post-show report of the whole expo (organizers) or of one booth (an organizer, or the
/// booth's team when `booth` is its own or empty).
#[server(prefix = "/api", endpoint = "analytics/report")]
pub async fn load_report(booth: String) -> Result<ReportPage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let filter = domain::analysis::AnalysisFilter::parse("", "", &booth)
            .map_err(|e| AppError::Validation(vec![e]))?;
        let analysis = super::analysis::analyse(&ctx.state, session, filter).await?;
        let i18n = crate::shell::i18n::I18n { locale: ctx.locale };
        let head = super::report::head(&ctx.state, &i18n, &analysis).await?;
        let charts = super::charts::draw(&analysis, &i18n, |c| super::live_page::country(&i18n, c));
        Ok(ReportPage {
            head,
            page: AnalysisPage { analysis, charts },
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// Sends every booth team its post-show report (a notification and an e-mail with the link);
/// returns (booths, people).
#[server(prefix = "/api", endpoint = "analytics/send-reports")]
pub async fn send_reports() -> Result<(i64, i64), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::report::send_all(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}
