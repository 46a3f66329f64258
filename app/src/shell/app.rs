//! The root component: context, router, routes.

use super::error_view::ErrorView;
use super::header::Header;
use super::i18n::{page_locale, use_i18n, I18n};
use super::not_found_page::NotFoundPage;
use crate::account::account_page::AccountPage;
use crate::account::login_page::LoginPage;
use crate::account::provide_auth;
use crate::account::register_page::RegisterPage;
use crate::account::reset_pages::{ForgotPasswordPage, ResetPasswordPage};
use crate::analytics::analysis_page::AnalysisPageView;
use crate::analytics::live_page::LiveDashboardPage;
use crate::analytics::report_page::ReportPageView;
use crate::application::apply_page::ApplyPage;
use crate::application::queue_page::QueuePage;
use crate::application::review_page::ReviewPage;
use crate::appointment::availability_page::AvailabilityPage;
use crate::appointment::booking_page::BookingPage;
use crate::appointment::calendar_page::CalendarPage;
use crate::booth::booth_editor_page::BoothEditorPage;
use crate::booth::booth_page::BoothPage;
use crate::buyer::{
    buyer_page::BuyerPage, buyer_profile_page::BuyerProfilePage, buyers_page::BuyersPage,
};
use crate::chat::messages_page::MessagesPage;
use crate::chat::moderation_page::ModerationPage;
use crate::chat::topics_page::TopicsPage;
use crate::console::dashboard_page::DashboardPage;
use crate::directory::directory_page::{ExhibitorDirectoryPage, PeopleDirectoryPage};
use crate::expo::landing_page::LandingPage;
use crate::favorite::favorites_page::FavoritesPage;
use crate::hall::hall_page::HallPage;
use crate::hall::halls_page::HallsPage;
use crate::help::help_page::{HelpPage, HelpTopicPage};
use crate::import::import_page::{ImportPage, ImportPreviewPage};
use crate::invitation::invitations_page::InvitationsPage;
use crate::lead::leads_page::LeadsPage;
use crate::live::live_page::LivePage;
use crate::live::replays_page::ReplaysPage;
use crate::live::room_page::LiveRoomPage;
use crate::live::studio_page::StudioPage;
use crate::matching::matchmaking_page::MatchmakingPage;
use crate::matching::settings_page::MatchSettingsPage;
use crate::meeting::meeting_page::MeetingPage;
use crate::meeting::meetings_page::MeetingsPage;
use crate::ops::alert_banner::AlertBanner;
use crate::ops::operations_page::OperationsPage;
use crate::ops::status_page::StatusPage;
use crate::product::product_page::ProductPage;
use crate::search::insights_page::SearchInsightsPage;
use crate::search::search_page::SearchPage;
use crate::setup::expos_page::ExposPage;
use crate::setup::plan_editor::PlanEditorPage;
use crate::setup::setup_page::SetupPage;
use crate::survey::answer_page::SurveyAnswerPage;
use crate::survey::builder_page::SurveyBuilderPage;
use crate::survey::results_page::SurveyResultsPage;
use crate::survey::surveys_page::SurveysPage;
use crate::trade::inquiries_page::InquiriesPage;
use crate::trade::inquiry_form_page::InquiryFormPage;
use crate::trade::inquiry_page::InquiryPage;
use crate::trade::trade_page::TradePage;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The whole application, rendered on the server and hydrated in the browser.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(I18n {
        locale: page_locale(),
    });
    provide_auth();
    crate::setup::brand::provide_brand();
    let i18n = use_i18n();
    // Effects run only in the browser, after hydration: the marker tells tests (and styles)
    // that the page is interactive.
    Effect::new(move |_| {
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Title formatter=move |page: String| {
            let site = i18n.t("site-name");
            if page.is_empty() { site } else { format!("{page} · {site}") }
        } />
        <Router>
            <a class="skip-link" href="#main">{i18n.t("nav-skip-to-content")}</a>
            <Header />
            <crate::setup::brand::Brand />
            <AlertBanner />
            <main id="main" tabindex="-1">
                <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=LandingPage ssr=SsrMode::Async />
                        <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                        <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async />
                        <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/reset-password") view=ResetPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/halls") view=HallsPage ssr=SsrMode::Async />
                        <Route path=path!("/halls/:slug") view=HallPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitors/:id") view=BoothPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitors/:id/edit") view=BoothEditorPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitors/:id/book") view=BookingPage ssr=SsrMode::Async />
                        <Route path=path!("/products/:id") view=ProductPage ssr=SsrMode::Async />
                        <Route path=path!("/favorites") view=FavoritesPage ssr=SsrMode::Async />
                        <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/searches") view=SearchInsightsPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/moderation") view=ModerationPage ssr=SsrMode::Async />
                        <Route path=path!("/messages") view=MessagesPage ssr=SsrMode::Async />
                        <Route path=path!("/messages/:id") view=MessagesPage ssr=SsrMode::Async />
                        <Route path=path!("/topics") view=TopicsPage ssr=SsrMode::Async />
                        <Route path=path!("/live") view=LivePage ssr=SsrMode::Async />
                        <Route path=path!("/live/replays") view=ReplaysPage ssr=SsrMode::Async />
                        <Route path=path!("/live/:id") view=LiveRoomPage ssr=SsrMode::Async />
                        <Route path=path!("/live/:id/studio") view=StudioPage ssr=SsrMode::Async />
                        <Route path=path!("/calendar") view=CalendarPage ssr=SsrMode::Async />
                        <Route path=path!("/calendar/availability") view=AvailabilityPage ssr=SsrMode::Async />
                        <Route path=path!("/meetings") view=MeetingsPage ssr=SsrMode::Async />
                        <Route path=path!("/meetings/:id") view=MeetingPage ssr=SsrMode::Async />
                        <Route path=path!("/inquiries") view=InquiriesPage ssr=SsrMode::Async />
                        <Route path=path!("/inquiries/new") view=InquiryFormPage ssr=SsrMode::Async />
                        <Route path=path!("/inquiries/:id") view=InquiryPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/trade") view=TradePage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/live") view=LiveDashboardPage ssr=SsrMode::Async />
                        <Route path=path!("/analytics") view=AnalysisPageView ssr=SsrMode::Async />
                        <Route path=path!("/analytics/report") view=ReportPageView ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/surveys") view=SurveysPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/surveys/:id") view=SurveyBuilderPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/surveys/:id/results") view=SurveyResultsPage ssr=SsrMode::Async />
                        <Route path=path!("/surveys/:id") view=SurveyAnswerPage ssr=SsrMode::Async />
                        <Route path=path!("/matchmaking") view=MatchmakingPage ssr=SsrMode::Async />
                        <Route path=path!("/leads") view=LeadsPage ssr=SsrMode::Async />
                        <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/matching") view=MatchSettingsPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard") view=DashboardPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/operations") view=OperationsPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/applications") view=QueuePage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/applications/:id") view=ReviewPage ssr=SsrMode::Async />
                        <Route path=path!("/apply") view=ApplyPage ssr=SsrMode::Async />
                        <Route path=path!("/buyer") view=BuyerPage ssr=SsrMode::Async />
                        <Route path=path!("/buyers") view=BuyersPage ssr=SsrMode::Async />
                        <Route path=path!("/buyers/:id") view=BuyerProfilePage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/setup") view=SetupPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/expos") view=ExposPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/exhibitors") view=ExhibitorDirectoryPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/people") view=PeopleDirectoryPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/invitations") view=InvitationsPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/import") view=ImportPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/import/:id") view=ImportPreviewPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard/halls/:slug/plan") view=PlanEditorPage ssr=SsrMode::Async />
                        <Route path=path!("/status") view=StatusPage ssr=SsrMode::Async />
                        <Route path=path!("/help") view=HelpPage />
                        <Route path=path!("/help/:topic") view=HelpTopicPage />
                    </Routes>
                </ErrorBoundary>
            </main>
            <footer class="site-footer">
                <p>{i18n.t("footer-standard")}</p>
                <p><a href="/help">{i18n.t("help-title")}</a>" · "<a href="/status">{i18n.t("status-title")}</a></p>
            </footer>
        </Router>
    }
}
