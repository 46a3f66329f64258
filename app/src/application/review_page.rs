//! `/dashboard/applications/:id`: one application in full, and the organizer's decision —
//! approve (choosing the hall and the booth code; the booth is placed on the hall's plan),
//! ask for changes, or reject, each with its reason.

use super::api::{get_application, DecideApplication};
use crate::account::register_page::country_message_id;
use crate::shell::i18n::use_i18n;
use crate::ui::form_alert::FormAlert;
use domain::application::ApplicationStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// One application under review.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let decide = ServerAction::<DecideApplication>::new();
    let application = Resource::new(
        move || {
            (
                params.with(|p| p.get("id").unwrap_or_default()),
                decide.version().get(),
            )
        },
        |(id, _)| get_application(id),
    );
    let error = Signal::derive(move || decide.value().get().and_then(Result::err));
    let field_error = move |field: &'static str| {
        move || error.get().and_then(|e| e.field(field)).map(|m| i18n.t(&m))
    };
    view! {
        <Title text=i18n.t("review-title") />
        <section class="page review-page">
            <p><a href="/dashboard/applications">{i18n.t("review-title")}</a></p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let (a, halls) = match application.await {
                        Ok(x) => x,
                        Err(e) => return view! {
                            <h1>{i18n.t("review-title")}</h1>
                            <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p>
                        }.into_any(),
                    };
                    let status = a.status;
                    let industries = a.form.industries.iter()
                        .map(|k| i18n.t(&format!("industry-{k}")))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let website = a.form.website.clone();
                    let open = status == ApplicationStatus::Submitted;
                    let reject_open = status.is_open();
                    let suggested_hall = halls
                        .iter()
                        .find(|(_, _, industry)| a.form.industries.first() == Some(industry))
                        .map(|(id, _, _)| id.clone());
                    let id = a.id.clone();
                    view! {
                        <h1>{a.form.company.clone()}</h1>
                        <p>
                            <span class=format!("badge status-{}", status.as_str()) data-status=status.as_str()>{i18n.t(status.message_id())}</span>
                            " "
                            <span class="muted">{i18n.utc(a.updated_at)}</span>
                        </p>
                        <dl class="review-facts">
                            <dt>{i18n.t("review-applicant")}</dt><dd>{a.applicant_name.clone()}</dd>
                            <dt>{i18n.t("apply-country")}</dt><dd>{i18n.t(&country_message_id(&a.form.country))}</dd>
                            <dt>{i18n.t("apply-industries")}</dt><dd>{industries}</dd>
                            <dt>{i18n.t("apply-license")}</dt><dd><code>{a.form.license_no.clone()}</code></dd>
                            <dt>{i18n.t("apply-summary")}</dt><dd class="review-summary">{a.form.product_summary.clone()}</dd>
                            <dt>{i18n.t("apply-contact")}</dt>
                            <dd>
                                {a.form.contact_name.clone()}" · "
                                <a href=format!("mailto:{}", a.form.contact_email)>{a.form.contact_email.clone()}</a>" · "
                                <a href=format!("tel:{}", a.form.contact_phone.replace(' ', ""))>{a.form.contact_phone.clone()}</a>
                            </dd>
                            {(!website.is_empty()).then(|| view! {
                                <dt>{i18n.t("apply-website")}</dt>
                                <dd><a href=website.clone() rel="noopener noreferrer nofollow" target="_blank">{website.clone()}</a></dd>
                            })}
                            {a.reason.clone().map(|r| view! { <dt>{i18n.t("review-reason")}</dt><dd>{r}</dd> })}
                            {a.booth_code.clone().map(|c| view! { <dt>{i18n.t("review-booth-code")}</dt><dd><span class="badge">{c}</span></dd> })}
                        </dl>
                        <crate::application::documents::Documents application_id=a.id.clone() can_attach=false />
                        {a.exhibitor_id.clone().map(|ex| view! {
                            <p><a class="btn" href=format!("/exhibitors/{ex}")>{i18n.t("review-see-booth")}</a></p>
                        })}
                        <FormAlert error />
                        {open.then(|| {
                            let id = id.clone();
                            view! {
                                <ActionForm action=decide attr:class="card review-decision">
                                    <h2>{i18n.t("review-approve-heading")}</h2>
                                    <input type="hidden" name="id" value=id />
                                    <input type="hidden" name="decision" value="approve" />
                                    <div class="field">
                                        <label for="review-hall">{i18n.t("review-hall")}</label>
                                        <select id="review-hall" name="hall_id">
                                            {halls.clone().into_iter().map(|(hid, name, _)| {
                                                let selected = suggested_hall.as_deref() == Some(hid.as_str());
                                                view! { <option value=hid selected=selected>{name.show(i18n.locale).text}</option> }
                                            }).collect_view()}
                                        </select>
                                        <p class="field-error" aria-live="polite">{field_error("hall_id")}</p>
                                    </div>
                                    <div class="field">
                                        <label for="review-booth">{i18n.t("review-booth-code")}</label>
                                        <input id="review-booth" name="booth_code" required=true maxlength="12" />
                                        <p class="field-hint">{i18n.t("review-booth-hint")}</p>
                                        <p class="field-error" aria-live="polite">{field_error("booth_code")}</p>
                                    </div>
                                    <button type="submit" class="btn btn-primary">{i18n.t("review-approve")}</button>
                                </ActionForm>
                            }
                        })}
                        {reject_open.then(|| {
                            let (id1, id2) = (id.clone(), id.clone());
                            view! {
                                <div class="review-decisions">
                                    {open.then(|| view! {
                                        <ActionForm action=decide attr:class="card review-decision">
                                            <h2>{i18n.t("review-changes-heading")}</h2>
                                            <input type="hidden" name="id" value=id1 />
                                            <input type="hidden" name="decision" value="request_changes" />
                                            <div class="field">
                                                <label for="review-changes-reason">{i18n.t("review-reason")}</label>
                                                <textarea id="review-changes-reason" name="reason" rows="3" required=true></textarea>
                                            </div>
                                            <button type="submit" class="btn">{i18n.t("review-request-changes")}</button>
                                        </ActionForm>
                                    })}
                                    <ActionForm action=decide attr:class="card review-decision">
                                        <h2>{i18n.t("review-reject-heading")}</h2>
                                        <input type="hidden" name="id" value=id2 />
                                        <input type="hidden" name="decision" value="reject" />
                                        <div class="field">
                                            <label for="review-reject-reason">{i18n.t("review-reason")}</label>
                                            <textarea id="review-reject-reason" name="reason" rows="3" required=true></textarea>
                                        </div>
                                        <p class="field-error" aria-live="polite">{field_error("reason")}</p>
                                        <button type="submit" class="btn btn-danger">{i18n.t("review-reject")}</button>
                                    </ActionForm>
                                </div>
                            }
                        })}
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
