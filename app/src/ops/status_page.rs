//! `/status`: how each part of the platform is doing, the active alert and maintenance mode;
//! public, so visitors can check it when something seems wrong.

use super::api::platform_status;
use crate::shell::i18n::use_i18n;
use domain::ops::Health;
use leptos::prelude::*;
use leptos_meta::Title;

fn health_id(h: Health) -> &'static str {
    match h {
        Health::Operational => "status-operational",
        Health::Degraded => "status-degraded",
        Health::Down => "status-down",
    }
}

fn health_class(h: Health) -> &'static str {
    match h {
        Health::Operational => "health health-ok",
        Health::Degraded => "health health-degraded",
        Health::Down => "health health-down",
    }
}

/// The status page.
#[component]
pub fn StatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let report = Resource::new(|| (), |()| platform_status());
    view! {
        <Title text=i18n.t("status-title") />
        <section class="page status-page">
            <h1>{i18n.t("status-title")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match report.await {
                        Ok(r) => {
                            let alert = r.banner.as_ref().and_then(|b| b.alert.clone()).map(|a| {
                                let shown = a.text.show(i18n.locale);
                                view! {
                                    <p>
                                        <strong>{i18n.t(a.severity.message_id())}</strong>
                                        " "
                                        <span lang=shown.locale.tag()>{shown.text}</span>
                                        " "
                                        <span class="muted">"("{i18n.utc(a.raised_at)}")"</span>
                                    </p>
                                }
                            });
                            let maintenance = r.banner.as_ref().and_then(|b| b.maintenance.clone()).map(|m| view! {
                                <p>
                                    <strong>{i18n.t("ops-maintenance-banner")}</strong>
                                    " "
                                    <span class="muted">"("{i18n.utc(m.since)}")"</span>
                                </p>
                            });
                            view! {
                                <p class=format!("status-overall {}", health_class(r.overall)) data-health=health_id(r.overall)>
                                    {i18n.t(match r.overall {
                                        Health::Operational => "status-all-ok",
                                        Health::Degraded => "status-some-degraded",
                                        Health::Down => "status-some-down",
                                    })}
                                </p>
                                {maintenance}
                                {alert}
                                <table class="status-table">
                                    <caption class="visually-hidden">{i18n.t("status-components")}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{i18n.t("status-component")}</th>
                                            <th scope="col">{i18n.t("status-state")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {r.components.into_iter().map(|c| {
                                            let figure = c.figure.map(|n| {
                                                let id = if c.name_id == domain::ops::COMPONENT_IDS[1] { "status-figure-ms" } else { "status-figure-topics" };
                                                i18n.t_args(id, vec![("count", crate::shell::i18n::Arg::Num(n))])
                                            });
                                            view! {
                                                <tr>
                                                    <th scope="row">{i18n.t(&c.name_id)}</th>
                                                    <td>
                                                        <span class=health_class(c.health)>{i18n.t(health_id(c.health))}</span>
                                                        {figure.map(|f| view! { " " <span class="muted">{f}</span> })}
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <p class="muted">{i18n.t("status-checked")}" "{i18n.utc(r.checked_at)}</p>
                            }.into_any()
                        }
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
