//! `/dashboard`: the way into what the signed-in person runs.

use super::api::load_dashboard;
use crate::shell::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// One link of the dashboard, with what it is for.
#[component]
fn Card(href: String, title: String, body: String) -> impl IntoView {
    view! {
        <li class="dash-card">
            <a href=href>
                <strong>{title}</strong>
                <span class="muted">{body}</span>
            </a>
        </li>
    }
}

/// The dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let home = Resource::new(|| (), |_| load_dashboard());
    view! {
        <Title text=i18n.t("nav-dashboard") />
        <section class="page dashboard-page">
            <h1>{i18n.t("nav-dashboard")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match home.await {
                        Ok(h) => {
                            let may_apply = h.booths.is_empty() && !h.organizer;
                            let has_booth = !h.booths.is_empty();
                            view! {
                            {(h.organizer || h.operator).then(|| view! {
                                <section aria-labelledby="dash-console-heading">
                                    <h2 id="dash-console-heading">{i18n.t("dash-console")}</h2>
                                    <ul class="dash-cards">
                                        {h.organizer.then(|| view! {
                                            <Card
                                                href="/dashboard/applications?status=submitted".into()
                                                title=i18n.t("review-title")
                                                body=i18n.t_args("dash-applications-body", vec![("count", crate::shell::i18n::Arg::Num(h.waiting_applications))])
                                            />
                                        })}
                                        {h.organizer.then(|| view! {
                                            <Card href="/dashboard/live".into() title=i18n.t("analytics-live-title") body=i18n.t("dash-live-body") />
                                            <Card href="/analytics".into() title=i18n.t("analysis-title") body=i18n.t("dash-analysis-body") />
                                            <Card href="/dashboard/surveys".into() title=i18n.t("survey-title") body=i18n.t("dash-surveys-body") />
                                            <Card href="/dashboard/expos".into() title=i18n.t("expos-title") body=i18n.t("dash-expos-body") />
                                            <Card href="/dashboard/setup".into() title=i18n.t("setup-title") body=i18n.t("dash-setup-body") />
                                            <Card href="/dashboard/exhibitors".into() title=i18n.t("directory-exhibitors") body=i18n.t("dash-exhibitors-body") />
                                            <Card href="/dashboard/people".into() title=i18n.t("directory-people") body=i18n.t("dash-people-body") />
                                            <Card href="/buyers?verified=no".into() title=i18n.t("buyers-title") body=i18n.t("dash-buyers-body") />
                                            <Card href="/dashboard/import".into() title=i18n.t("import-title") body=i18n.t("dash-import-body") />
                                            <Card href="/dashboard/trade".into() title=i18n.t("trade-dashboard-title") body=i18n.t("dash-trade-body") />
                                            <Card href="/dashboard/matching".into() title=i18n.t("match-settings-title") body=i18n.t("dash-matching-body") />
                                            <Card href="/dashboard/searches".into() title=i18n.t("search-insights-title") body=i18n.t("dash-searches-body") />
                                            <Card href="/dashboard/moderation".into() title=i18n.t("moderation-title") body=i18n.t("dash-moderation-body") />
                                            <Card href="/dashboard/invitations".into() title=i18n.t("invite-title") body=i18n.t("dash-invitations-body") />
                                        })}
                                        <Card href="/dashboard/operations".into() title=i18n.t("ops-title") body=i18n.t("dash-ops-body") />
                                        <Card href="/status".into() title=i18n.t("status-title") body=i18n.t("dash-status-body") />
                                    </ul>
                                </section>
                            })}
                            {(!h.booths.is_empty()).then(|| view! {
                                <section aria-labelledby="dash-booths-heading">
                                    <h2 id="dash-booths-heading">{i18n.t("dash-booths")}</h2>
                                    <ul class="dash-cards">
                                        {h.booths.into_iter().map(|(id, name)| {
                                            let name = name.show(i18n.locale).text;
                                            view! { <Card href=format!("/exhibitors/{id}/edit") title=name body=i18n.t("dash-booth-body") /> }
                                        }).collect_view()}
                                    </ul>
                                </section>
                            })}
                            <crate::application::notifications::Notifications me=h.me.clone() />
                            <section aria-labelledby="dash-mine-heading">
                                <h2 id="dash-mine-heading">{i18n.t("dash-mine")}</h2>
                                <ul class="dash-cards">
                                    <Card href="/matchmaking".into() title=i18n.t("match-nav") body=i18n.t("dash-matchmaking-body") />
                                    <Card href="/messages".into() title=i18n.t("nav-messages") body=i18n.t("dash-messages-body") />
                                    <Card href="/calendar".into() title=i18n.t("calendar-title") body=i18n.t("dash-calendar-body") />
                                    <Card href="/meetings".into() title=i18n.t("meeting-list-title") body=i18n.t("dash-meetings-body") />
                                    <Card href="/inquiries".into() title=i18n.t("trade-inquiries-title") body=i18n.t("dash-inquiries-body") />
                                    <Card href="/favorites".into() title=i18n.t("favorites-title") body=i18n.t("dash-favorites-body") />
                                    <Card href="/help".into() title=i18n.t("help-title") body=i18n.t("help-lead") />
                                    {may_apply.then(|| view! {
                                        <Card href="/apply".into() title=i18n.t("apply-title") body=i18n.t("dash-apply-body") />
                                        <Card href="/buyer".into() title=i18n.t("buyer-title") body=i18n.t("dash-buyer-body") />
                                    })}
                                    {(!may_apply && !h.organizer).then(|| view! {
                                        <Card href="/buyers".into() title=i18n.t("buyers-title") body=i18n.t("dash-find-buyers-body") />
                                    })}
                                    {has_booth.then(|| view! {
                                        <Card href="/leads".into() title=i18n.t("lead-title") body=i18n.t("dash-leads-body") />
                                        <Card href="/analytics".into() title=i18n.t("analysis-booth-title") body=i18n.t("dash-booth-analysis-body") />
                                    })}
                                </ul>
                            </section>
                        }.into_any()
                        }
                        Err(crate::AppError::Unauthenticated) => view! {
                            <p class="lead">{i18n.t("dash-sign-in")}</p>
                            <p><a class="btn btn-primary" href="/login?next=%2Fdashboard">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
