//! `/dashboard/operations`: the organizers' emergency tools — raise or take down the alert
//! banner, turn maintenance mode on or off — with the alerts raised before. Every form works
//! without JavaScript.

use super::api::{load_ops_console, ClearAlert, RaiseAlert, SetMaintenance};
use crate::shell::i18n::use_i18n;
use crate::ui::texts_fields::TextsFields;
use crate::AppError;
use domain::ops::Severity;
use leptos::prelude::*;
use leptos_meta::Title;

fn error_text(i18n: crate::shell::i18n::I18n, e: &AppError, fields: &[&str]) -> String {
    fields
        .iter()
        .find_map(|f| e.field(f))
        .map(|id| i18n.t(&id))
        .unwrap_or_else(|| i18n.t(e.message_id()))
}

/// The emergency tools.
#[component]
pub fn OperationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let raise = ServerAction::<RaiseAlert>::new();
    let clear = ServerAction::<ClearAlert>::new();
    let maintenance = ServerAction::<SetMaintenance>::new();
    let console = Resource::new(
        move || {
            (
                raise.version().get(),
                clear.version().get(),
                maintenance.version().get(),
            )
        },
        |_| load_ops_console(),
    );
    let raise_error = move || {
        raise
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| error_text(i18n, &e, &["severity", "text"]))
    };
    let raised = move || matches!(raise.value().get(), Some(Ok(())));
    let maintenance_error = move || {
        maintenance
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| error_text(i18n, &e, &["text"]))
    };
    view! {
        <Title text=i18n.t("ops-title") />
        <section class="page ops-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("ops-title")}</h1>
            <p class="lead">{i18n.t("ops-lead")}</p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let c = match console.await {
                        Ok(c) => c,
                        Err(AppError::Unauthenticated) => return view! {
                            <p><a class="btn btn-primary" href="/login?next=%2Fdashboard%2Foperations">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => return view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    };
                    let current = match c.banner.alert.clone() {
                        None => view! {
                            <div class="ops-current"><p class="muted">{i18n.t("ops-alert-none")}</p></div>
                        }.into_any(),
                        Some(a) => {
                        let shown = a.text.show(i18n.locale);
                        view! {
                            <div class="ops-current">
                                <p>
                                    <span class=format!("badge badge-{}", a.severity.as_str())>{i18n.t(a.severity.message_id())}</span>
                                    " "
                                    <span lang=shown.locale.tag()>{shown.text}</span>
                                </p>
                                <ActionForm action=clear>
                                    <button type="submit" class="btn">{i18n.t("ops-alert-clear")}</button>
                                </ActionForm>
                            </div>
                        }.into_any()
                        }
                    };
                    let in_maintenance = c.banner.maintenance.is_some();
                    view! {
                        <section class="card ops-section" aria-labelledby="ops-alert-heading">
                            <h2 id="ops-alert-heading">{i18n.t("ops-alert-heading")}</h2>
                            {current}
                            <ActionForm action=raise attr:class="ops-form">
                                <div class="field">
                                    <label for="ops-severity">{i18n.t("ops-severity")}</label>
                                    <select id="ops-severity" name="severity">
                                        {Severity::ALL.into_iter().map(|s| view! {
                                            <option value=s.as_str() selected=s == Severity::Warning>
                                                {i18n.t(s.message_id())}
                                            </option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <fieldset>
                                    <legend>{i18n.t("ops-alert-text")}</legend>
                                    <TextsFields prefix="ops-alert-text" name="text" required_hint=true />
                                </fieldset>
                                <button type="submit" class="btn btn-primary">{i18n.t("ops-alert-raise")}</button>
                                {move || raise_error().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                                {move || raised().then(|| view! { <p class="form-ok" role="status">{i18n.t("ops-alert-raised")}</p> })}
                            </ActionForm>
                        </section>
                        <section class="card ops-section" aria-labelledby="ops-maintenance-heading">
                            <h2 id="ops-maintenance-heading">{i18n.t("ops-maintenance-heading")}</h2>
                            <p>{i18n.t(if in_maintenance { "ops-maintenance-on" } else { "ops-maintenance-off" })}</p>
                            <ActionForm action=maintenance attr:class="ops-form">
                                <input type="hidden" name="on" value=if in_maintenance { "false" } else { "true" } />
                                {(!in_maintenance).then(|| view! {
                                    <fieldset>
                                        <legend>{i18n.t("ops-maintenance-note")}</legend>
                                        <TextsFields prefix="ops-maintenance-text" name="text" />
                                    </fieldset>
                                })}
                                <button type="submit" class=if in_maintenance { "btn btn-primary" } else { "btn btn-danger" }>
                                    {i18n.t(if in_maintenance { "ops-maintenance-end" } else { "ops-maintenance-start" })}
                                </button>
                                {move || maintenance_error().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                            </ActionForm>
                        </section>
                        <section class="card ops-section" aria-labelledby="ops-history-heading">
                            <h2 id="ops-history-heading">{i18n.t("ops-history")}</h2>
                            {if c.history.is_empty() {
                                view! { <p class="muted">{i18n.t("ops-history-empty")}</p> }.into_any()
                            } else {
                                view! {
                                    <table class="ops-history">
                                        <thead>
                                            <tr>
                                                <th scope="col">{i18n.t("ops-history-raised")}</th>
                                                <th scope="col">{i18n.t("ops-severity")}</th>
                                                <th scope="col">{i18n.t("ops-alert-text")}</th>
                                                <th scope="col">{i18n.t("ops-history-cleared")}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {c.history.into_iter().map(|(a, cleared)| {
                                                let shown = a.text.show(i18n.locale);
                                                view! {
                                                    <tr>
                                                        <td><time>{i18n.utc(a.raised_at)}</time></td>
                                                        <td>{i18n.t(a.severity.message_id())}</td>
                                                        <td lang=shown.locale.tag()>{shown.text}</td>
                                                        <td>{match cleared {
                                                            Some(at) => i18n.utc(at),
                                                            None => i18n.t("ops-history-active"),
                                                        }}</td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                }.into_any()
                            }}
                        </section>
                        <p><a href="/status">{i18n.t("status-title")}</a></p>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
