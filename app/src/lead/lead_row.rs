//! One lead in the leads table: who, how they came, their score, the contact details they
//! shared (or that they did not), and the team's stage and note with a save button.

use super::api::SaveLeadNote;
use crate::account::register_page::country_message_id;
use crate::shell::i18n::{use_i18n, Arg};
use domain::lead::{Lead, LeadStage, NOTE_MAX_CHARS};
use leptos::prelude::*;

/// A table row.
#[component]
pub fn LeadRow(lead: Lead, save: ServerAction<SaveLeadNote>) -> impl IntoView {
    let i18n = use_i18n();
    let stage_id = format!("lead-stage-{}", lead.user_id);
    let note_id = format!("lead-note-{}", lead.user_id);
    let (stage_for, note_for) = (stage_id.clone(), note_id.clone());
    let about = [
        lead.company.clone(),
        lead.job_role.clone(),
        i18n.t(&country_message_id(&lead.country)),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let mut signals = Vec::new();
    if lead.views > 0 {
        signals.push(i18n.t_args("lead-views", vec![("count", Arg::Num(lead.views))]));
    }
    if lead.favorited {
        signals.push(i18n.t("lead-source-favorited"));
    }
    if lead.inquiries > 0 {
        signals.push(i18n.t_args("lead-inquiries", vec![("count", Arg::Num(lead.inquiries))]));
    }
    if lead.meetings > 0 {
        signals.push(i18n.t_args("lead-meetings", vec![("count", Arg::Num(lead.meetings))]));
    }
    let name = lead.name.clone();
    let row_id = lead.user_id.clone();
    view! {
        <tr data-lead=row_id>
            <th scope="row">
                <span class="lead-name">{name}</span>
                <span class="lead-about">{about}</span>
            </th>
            <td>
                <ul class="lead-signals">
                    {signals.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                </ul>
            </td>
            <td class="lead-score">{lead.score.map_or_else(|| "–".to_owned(), |s| s.to_string())}</td>
            <td class="lead-contact">
                {match lead.contact.clone() {
                    Some(c) => view! {
                        <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a>
                        {(!c.phone.is_empty()).then(|| view! { <span>{c.phone.clone()}</span> })}
                        {(!c.wechat.is_empty()).then(|| view! { <span>{i18n.t_args("lead-wechat", vec![("id", Arg::Str(c.wechat.clone()))])}</span> })}
                    }.into_any(),
                    None => view! { <span class="muted">{i18n.t("lead-no-contact")}</span> }.into_any(),
                }}
            </td>
            <td>
                <ActionForm action=save attr:class="lead-note-form">
                    <input type="hidden" name="user_id" value=lead.user_id.clone() />
                    <label class="visually-hidden" for=stage_for>{i18n.t_args("lead-stage-of", vec![("name", Arg::Str(lead.name.clone()))])}</label>
                    <select id=stage_id name="stage">
                        {LeadStage::ALL.into_iter().map(|s| {
                            let chosen = s == lead.stage;
                            view! { <option value=s.as_str() selected=chosen>{i18n.t(&s.label_id())}</option> }
                        }).collect_view()}
                    </select>
                    <label class="visually-hidden" for=note_for>{i18n.t_args("lead-note-of", vec![("name", Arg::Str(lead.name.clone()))])}</label>
                    <textarea id=note_id name="note" rows="2" maxlength=NOTE_MAX_CHARS.to_string()
                        placeholder=i18n.t("lead-note-placeholder")>{lead.note.clone()}</textarea>
                    <button type="submit" class="btn btn-small">{i18n.t("lead-save")}</button>
                </ActionForm>
            </td>
        </tr>
    }
}
