//! The documents of an application (business licence, certificates): listed for the applicant
//! and the organizers, attached by the applicant with a plain multipart form while the
//! application is open.

use super::api::application_documents;
use crate::shell::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Size as the reader reads it: KB below a megabyte, MB above.
fn size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The list of documents, and the upload form when `can_attach`.
#[component]
pub fn Documents(application_id: String, can_attach: bool) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let id = application_id.clone();
    let docs = Resource::new(move || id.clone(), application_documents);
    let refusal = move || {
        query.with(|q| q.get("document_error")).filter(|e| {
            // Only this form's refusals (never any other message).
            e.starts_with("apply-") && e.contains("-document-")
        })
    };
    view! {
        <section class="apply-documents" aria-labelledby="apply-documents-heading">
            <h3 id="apply-documents-heading">{i18n.t("apply-documents")}</h3>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match docs.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">{i18n.t("apply-documents-none")}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="plain-list document-list">
                                {list.into_iter().map(|d| view! {
                                    <li>
                                        <a href=format!("/application-documents/{}", d.id) download="">{d.name.clone()}</a>
                                        " "<span class="muted">{size(d.byte_size)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Suspense>
            {can_attach.then(|| view! {
                {move || refusal().map(|e| view! { <p class="form-alert" role="alert" id="document-refusal">{i18n.t(&e)}</p> })}
                <form class="document-form" method="post" action="/api/application/document" enctype="multipart/form-data">
                    <input type="hidden" name="application" value=application_id.clone() />
                    <div class="field">
                        <label for="apply-document-file">{i18n.t("apply-document-file")}</label>
                        <input id="apply-document-file" name="file" type="file" required=true
                            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                            aria-describedby="apply-document-hint" />
                        <p class="field-hint" id="apply-document-hint">{i18n.t("apply-documents-hint")}</p>
                    </div>
                    <button type="submit" class="btn">{i18n.t("apply-document-upload")}</button>
                </form>
            })}
        </section>
    }
}
