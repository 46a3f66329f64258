//! `/dashboard/moderation`: the organizers' queue of reported chat messages (each with what was
//! said just before, who reported it and why), where they remove a message or keep it, and stop
//! its sender from writing in the expo's conversations; and the list of people stopped, to let
//! them write again. Every action is a plain form (works without JavaScript).

use super::api::{moderation_queue, ModerateMessage, MutePerson};
use super::message_row::removed_text;
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::{use_i18n, Arg, I18n};
use domain::chat::{ChatMessage, ModerationItem, MutedPerson, RoomKind, NOTE_MAX_CHARS};
use leptos::prelude::*;
use leptos_meta::Title;

fn room_kind_label(i18n: I18n, kind: RoomKind) -> String {
    i18n.t(match kind {
        RoomKind::Booth => "moderation-room-booth",
        RoomKind::Direct => "moderation-room-direct",
        RoomKind::Support => "moderation-room-support",
        RoomKind::Meeting => "moderation-room-meeting",
        RoomKind::Topic => "moderation-room-topic",
    })
}

fn message_text(i18n: I18n, m: &ChatMessage) -> String {
    match m.removed {
        Some(by) => removed_text(i18n, by),
        None => m.text.clone(),
    }
}

#[component]
fn Item(
    item: ModerationItem,
    moderate: ServerAction<ModerateMessage>,
    mute: ServerAction<MutePerson>,
) -> impl IntoView {
    let i18n = use_i18n();
    let m = item.message;
    let (id, id2) = (m.id.to_string(), m.id.to_string());
    let heading = i18n.t_args(
        "moderation-item-title",
        vec![
            ("name", Arg::Str(m.sender_name.clone())),
            ("room", Arg::Str(room_kind_label(i18n, item.room_kind))),
        ],
    );
    let note_id = format!("mute-note-{}", m.id);
    // What was reported is what is judged; a later edit or deletion by the sender is shown too.
    let now = message_text(i18n, &m);
    let reported = if item.reported_text.is_empty() {
        now.clone()
    } else {
        item.reported_text.clone()
    };
    let changed = (now != reported).then_some(now);
    view! {
        <li class="moderation-item card" data-message-id=m.id>
            <h2>{heading}</h2>
            {(!item.context.is_empty()).then(|| view! {
                <h3 class="visually-hidden">{i18n.t("moderation-context")}</h3>
                <ol class="moderation-context" aria-label=i18n.t("moderation-context")>
                    {item.context.iter().map(|c| view! {
                        <li>
                            <span class="chat-sender">{c.sender_name.clone()}</span>": "
                            {message_text(i18n, c)}
                        </li>
                    }).collect_view()}
                </ol>
            })}
            <blockquote class="moderation-message">
                <p class="chat-meta">
                    <span class="chat-sender">{m.sender_name.clone()}</span>
                    " · "
                    <time>{i18n.utc(m.at)}</time>
                </p>
                <p class="chat-text">{reported.clone()}</p>
            </blockquote>
            {changed.map(|now| view! {
                <p class="moderation-changed">{i18n.t_args("moderation-changed", vec![("text", Arg::Str(now))])}</p>
            })}
            <h3>{i18n.t_args("moderation-reports", vec![("count", Arg::Num(item.reports.len() as i64))])}</h3>
            <ul class="moderation-reports">
                {item.reports.into_iter().map(|r| view! {
                    <li>
                        <strong>{i18n.t(r.reason.label_id())}</strong>
                        " — "
                        {i18n.t_args("moderation-reported-by", vec![("name", Arg::Str(r.reporter_name))])}
                        " · "
                        <time>{i18n.utc(r.at)}</time>
                        {(!r.note.is_empty()).then(|| view! { <p class="moderation-note">{r.note}</p> })}
                    </li>
                }).collect_view()}
            </ul>
            <div class="moderation-actions">
                <ActionForm action=moderate attr:class="inline-form">
                    <input type="hidden" name="message_id" value=id />
                    <input type="hidden" name="remove" value="true" />
                    <button type="submit" class="btn btn-danger">{i18n.t("moderation-remove")}</button>
                </ActionForm>
                <ActionForm action=moderate attr:class="inline-form">
                    <input type="hidden" name="message_id" value=id2 />
                    <input type="hidden" name="remove" value="false" />
                    <button type="submit" class="btn btn-ghost">{i18n.t("moderation-dismiss")}</button>
                </ActionForm>
                {if item.sender_muted {
                    view! { <p class="badge">{i18n.t("moderation-already-muted")}</p> }.into_any()
                } else {
                    view! {
                        <ActionForm action=mute attr:class="moderation-mute">
                            <input type="hidden" name="user_id" value=m.sender_id.clone() />
                            <input type="hidden" name="on" value="true" />
                            <label for=note_id.clone()>{i18n.t("moderation-mute-reason")}</label>
                            <input id=note_id type="text" name="reason" maxlength=NOTE_MAX_CHARS.to_string() />
                            <button type="submit" class="btn btn-ghost">
                                {i18n.t_args("moderation-mute", vec![("name", Arg::Str(m.sender_name.clone()))])}
                            </button>
                        </ActionForm>
                    }.into_any()
                }}
            </div>
        </li>
    }
}

#[component]
fn MutedTable(muted: Vec<MutedPerson>, mute: ServerAction<MutePerson>) -> impl IntoView {
    let i18n = use_i18n();
    if muted.is_empty() {
        return view! { <p class="muted">{i18n.t("moderation-none-muted")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <caption class="visually-hidden">{i18n.t("moderation-muted-title")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("moderation-person")}</th>
                    <th scope="col">{i18n.t("moderation-mute-reason")}</th>
                    <th scope="col">{i18n.t("moderation-since")}</th>
                    <th scope="col"><span class="visually-hidden">{i18n.t("moderation-actions")}</span></th>
                </tr></thead>
                <tbody>
                    {muted.into_iter().map(|p| view! {
                        <tr>
                            <td>{p.name.clone()}</td>
                            <td>{p.reason}</td>
                            <td>{i18n.utc(p.at)}</td>
                            <td>
                                <ActionForm action=mute attr:class="inline-form">
                                    <input type="hidden" name="user_id" value=p.user_id />
                                    <input type="hidden" name="on" value="false" />
                                    <button type="submit" class="btn btn-ghost">
                                        {i18n.t_args("moderation-unmute", vec![("name", Arg::Str(p.name))])}
                                    </button>
                                </ActionForm>
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The organizers' moderation queue.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let i18n = use_i18n();
    let moderate = ServerAction::<ModerateMessage>::new();
    let mute = ServerAction::<MutePerson>::new();
    let queue = Resource::new(
        move || (moderate.version().get(), mute.version().get()),
        |_| moderation_queue(),
    );
    let failure = move || {
        let e = match (moderate.value().get(), mute.value().get()) {
            (Some(Err(e)), _) | (_, Some(Err(e))) => e,
            _ => return None,
        };
        Some(view! { <p class="form-alert" role="alert">{crate::ui::error_text(&i18n, &e)}</p> })
    };
    view! {
        <Title text=i18n.t("moderation-title") />
        <section class="page moderation-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("moderation-title")}</h1>
            <p class="lead">{i18n.t("moderation-lead")}</p>
            {failure}
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                    {move || Suspend::new(async move {
                        queue.await.map(|q| view! {
                            <p role="status">{i18n.t_args("moderation-summary", vec![("count", Arg::Num(q.items.len() as i64))])}</p>
                            <p class="muted" data-storage=q.storage.bytes>
                                {i18n.t_args("moderation-storage", vec![
                                    ("files", Arg::Num(q.storage.files)),
                                    ("size", Arg::Str(super::attach::size_text(q.storage.bytes))),
                                    ("filesToday", Arg::Num(q.storage.files_today)),
                                    ("sizeToday", Arg::Str(super::attach::size_text(q.storage.bytes_today))),
                                ])}
                            </p>
                            {if q.items.is_empty() {
                                view! { <p class="muted">{i18n.t("moderation-empty")}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="moderation-list">
                                        {q.items.into_iter().map(|item| view! { <Item item moderate mute /> }).collect_view()}
                                    </ol>
                                }.into_any()
                            }}
                            <h2>{i18n.t("moderation-muted-title")}</h2>
                            <MutedTable muted=q.muted mute />
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}
