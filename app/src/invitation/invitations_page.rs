//! `/dashboard/invitations`: make a link per source; see visits and registrations per source.

use super::api::{list_invitations, CreateInvitation};
use crate::shell::i18n::use_i18n;
use crate::ui::form_alert::FormAlert;
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// The invitations page.
#[component]
pub fn InvitationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateInvitation>::new();
    let list = Resource::new(move || create.version().get(), |_| list_invitations());
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let source_error = move || {
        error
            .get()
            .and_then(|e| e.field("source"))
            .map(|m| i18n.t(&m))
    };
    view! {
        <Title text=i18n.t("invite-title") />
        <section class="page review-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("invite-title")}</h1>
            <p class="lead">{i18n.t("invite-lead")}</p>
            <ActionForm action=create attr:class="review-filters invite-form" attr:novalidate=true>
                <div class="field">
                    <label for="invite-source">{i18n.t("invite-source")}</label>
                    <input id="invite-source" name="source" maxlength="40" required=true aria-describedby="invite-source-hint invite-source-error" />
                    <p class="field-hint" id="invite-source-hint">{i18n.t("invite-source-hint")}</p>
                    <p class="field-error" id="invite-source-error" aria-live="polite">{source_error}</p>
                </div>
                <button type="submit" class="btn btn-primary">{i18n.t("invite-create")}</button>
            </ActionForm>
            <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(items) if items.is_empty() => view! { <p class="muted">{i18n.t("invite-empty")}</p> }.into_any(),
                        Ok(items) => view! {
                            <table class="review-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{i18n.t("invite-source")}</th>
                                        <th scope="col">{i18n.t("invite-link")}</th>
                                        <th scope="col">{i18n.t("invite-visits")}</th>
                                        <th scope="col">{i18n.t("invite-registrations")}</th>
                                        <th scope="col">{i18n.t("invite-created")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {items.into_iter().map(|s| {
                                        let path = format!("/i/{}", s.code);
                                        view! {
                                            <tr>
                                                <th scope="row">{s.source.clone()}</th>
                                                <td><code class="invite-link" data-source=s.source.clone()>{path}</code></td>
                                                <td>{i18n.number(s.visits)}</td>
                                                <td data-registrations=s.source.clone()>{i18n.number(s.registrations)}</td>
                                                <td>{i18n.utc(s.created_at)}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
