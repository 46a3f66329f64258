//! `/dashboard/surveys`: the expo's surveys with where each is and how many answered, and the
//! way to a new one.

use super::api::list_surveys;
use crate::shell::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// The organizer's list of surveys.
#[component]
pub fn SurveysPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |_| list_surveys());
    view! {
        <Title text=i18n.t("survey-title") />
        <section class="page review-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("survey-title")}</h1>
            <p class="lead">{i18n.t("survey-lead")}</p>
            <p><a class="btn btn-primary" href="/dashboard/surveys/new" data-testid="survey-new">{i18n.t("survey-new")}</a></p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(page) if page.surveys.is_empty() => view! { <p class="muted">{i18n.t("survey-empty")}</p> }.into_any(),
                        Ok(page) => view! {
                            <div class="table-scroll">
                                <table class="data-table" data-testid="survey-list">
                                    <caption class="visually-hidden">{i18n.t("survey-title")}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{i18n.t("survey-field-title")}</th>
                                            <th scope="col">{i18n.t("survey-status")}</th>
                                            <th scope="col">{i18n.t("survey-audience")}</th>
                                            <th scope="col">{i18n.t("survey-trigger")}</th>
                                            <th scope="col">{i18n.t("survey-invited")}</th>
                                            <th scope="col">{i18n.t("survey-answered")}</th>
                                            <th scope="col">{i18n.t("survey-results")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {page.surveys.into_iter().map(|s| {
                                            let edit = format!("/dashboard/surveys/{}", s.id);
                                            let results = format!("/dashboard/surveys/{}/results", s.id);
                                            view! {
                                                <tr>
                                                    <th scope="row"><a href=edit>{s.title.show(i18n.locale).text}</a></th>
                                                    <td><span class=format!("badge survey-{}", s.status.as_str())>{i18n.t(s.status.message_id())}</span></td>
                                                    <td>{i18n.t(s.audience.message_id())}</td>
                                                    <td>{i18n.t(s.trigger.message_id())}</td>
                                                    <td>{i18n.number(s.invited)}</td>
                                                    <td>{i18n.number(s.answered)}</td>
                                                    <td><a href=results>{i18n.t("survey-results")}</a></td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{crate::ui::error_text(&i18n, &e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
