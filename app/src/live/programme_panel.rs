//! What a live room shows of its programme — the agenda, the speakers with their bios, the
//! replay's chapters — the reactions bar, and (for the broadcast's people and organizers) the
//! forms that edit the programme and upload a replay or a fallback video.

use super::api::SendReaction;
use super::replays_page::duration_text;
use super::room_page::Edits;
use crate::booth::media_uploader::MediaUploader;
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use crate::ui::local_time::LocalTime;
use crate::ui::other_languages::OtherLanguages;
use crate::ui::text_field::TextField;
use domain::live::{
    AgendaItem, Chapter, Reaction, ReactionCounts, Speaker, StreamState, StreamView, BIO_MAX_CHARS,
};
use leptos::prelude::*;

/// Follows the room's viewer count (hub signals on `live:<id>`) into `viewers`; the
/// subscription, to end with [`crate::realtime::client::unsubscribe`].
#[cfg(feature = "hydrate")]
pub fn follow_viewers(id: &str, viewers: RwSignal<Option<u64>>) -> u64 {
    use domain::realtime::{Hint, ServerFrame};
    crate::realtime::client::subscribe(format!("live:{id}"), None, move |f| {
        if let ServerFrame::Signal {
            body: Hint::Viewers { count },
            ..
        } = f
        {
            let _ = viewers.try_set(Some(*count));
        }
    })
}

/// The replay's chapters: each seeks the replay to where its agenda item began.
#[component]
pub fn Chapters(chapters: Vec<Chapter>, video: NodeRef<leptos::html::Video>) -> impl IntoView {
    let i18n = use_i18n();
    (!chapters.is_empty()).then(|| {
        view! {
            <nav class="live-chapters card" aria-labelledby="live-chapters-h">
                <h2 id="live-chapters-h">{i18n.t("live-chapters-title")}</h2>
                <ol>
                    {chapters.into_iter().map(|c| {
                        let at = c.offset_secs;
                        let seek = move |_| {
                            #[cfg(feature = "hydrate")]
                            if let Some(v) = video.get() {
                                v.set_current_time(at as f64);
                                let _ = v.play();
                            }
                            #[cfg(not(feature = "hydrate"))]
                            let _ = (video, at);
                        };
                        let label = i18n.t_args(
                            "live-chapter-seek",
                            vec![("title", Arg::Str(c.title.clone())), ("at", Arg::Str(duration_text(at)))],
                        );
                        view! {
                            <li>
                                <button type="button" class="live-chapter" on:click=seek aria-label=label>
                                    <span class="live-chapter-at">{duration_text(at)}</span>
                                    " " <span class="live-chapter-title">{c.title.clone()}</span>
                                    {c.speaker.clone().map(|n| view! { " · " <span class="live-chapter-speaker">{n}</span> })}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </nav>
        }
    })
}

/// The agenda and the speakers, with their bios.
#[component]
pub fn Programme(agenda: Vec<AgendaItem>, speakers: Vec<Speaker>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {(!agenda.is_empty()).then(|| view! {
            <section class="live-agenda card" aria-labelledby="live-agenda-h">
                <h2 id="live-agenda-h">{i18n.t("live-agenda-title")}</h2>
                <ol>
                    {agenda.into_iter().map(|a| view! {
                        <li>
                            <span class="live-agenda-at"><LocalTime at=a.starts_at /></span>
                            " " <strong lang=a.title.locale.tag()>{a.title.text.clone()}</strong>
                            {a.speaker.map(|(_, n)| view! { " · " <span>{n}</span> })}
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        })}
        {(!speakers.is_empty()).then(|| view! {
            <section class="live-speakers" aria-labelledby="live-speakers-h">
                <h2 id="live-speakers-h">{i18n.t("live-speakers-title")}</h2>
                <ul class="card-grid">
                    {speakers.into_iter().map(|p| view! {
                        <li class="card live-speaker">
                            <h3>{p.name.clone()}</h3>
                            {(!p.affiliation.is_empty()).then(|| view! { <p class="live-speaker-affiliation">{p.affiliation.clone()}</p> })}
                            {(!p.bio.text.is_empty()).then(|| view! {
                                <p class="live-speaker-bio" lang=p.bio.locale.tag()>{p.bio.text.clone()}</p>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// The reactions bar of a room on air: counts for everyone, buttons for people signed in;
/// reactions float up as they arrive on the room's topic.
#[component]
pub fn Reactions(id: String, counts: ReactionCounts, signed_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    let counts = RwSignal::new(counts);
    // Reactions that just arrived (a key and what), shown floating for a moment.
    let floating = RwSignal::new(Vec::<(u32, Reaction)>::new());
    #[cfg(feature = "hydrate")]
    {
        use domain::live::LiveEvent;
        use domain::realtime::{EventBody, ServerFrame};
        let next = std::cell::Cell::new(0_u32);
        let sub = crate::realtime::client::subscribe(format!("live:{id}"), None, move |f| {
            if let ServerFrame::Event(e) = f {
                if let EventBody::Live(LiveEvent::Reacted {
                    reaction,
                    counts: c,
                }) = &e.body
                {
                    let _ = counts.try_set(c.clone());
                    let key = next.get();
                    next.set(key.wrapping_add(1));
                    let _ = floating.try_update(|v| {
                        v.push((key, *reaction));
                        if v.len() > 12 {
                            v.remove(0);
                        }
                    });
                    crate::realtime::client::after(2000, move || {
                        let _ = floating.try_update(|v| v.retain(|(k, _)| *k != key));
                    });
                }
            }
        });
        on_cleanup(move || crate::realtime::client::unsubscribe(sub));
    }
    let send = ServerAction::<SendReaction>::new();
    Effect::new(move |_| {
        if let Some(Ok(c)) = send.value().get() {
            counts.set(c);
        }
    });
    let error = Signal::derive(move || send.value().get().and_then(Result::err));
    let count_of =
        move |r: Reaction| counts.with(|c| c.iter().find(|(k, _)| *k == r).map_or(0, |(_, n)| *n));
    view! {
        <section class="live-reactions" aria-label=i18n.t("live-reactions-label")>
            <div class="live-reaction-buttons">
                {Reaction::ALL.into_iter().map(|r| {
                    let id = id.clone();
                    let label = move || i18n.t_args(
                        r.message_id(),
                        vec![("count", Arg::Num(count_of(r) as i64))],
                    );
                    if signed_in {
                        view! {
                            <ActionForm action=send attr:class="inline-form">
                                <input type="hidden" name="id" value=id.clone() />
                                <input type="hidden" name="reaction" value=r.as_str() />
                                <button type="submit" class="btn btn-ghost live-reaction" aria-label=label>
                                    <span aria-hidden="true">{r.emoji()}</span>
                                    " " <span class="live-reaction-count" aria-hidden="true">{move || count_of(r)}</span>
                                </button>
                            </ActionForm>
                        }.into_any()
                    } else {
                        view! {
                            <span class="live-reaction" role="img" aria-label=label>
                                <span aria-hidden="true">{r.emoji()}</span>
                                " " <span class="live-reaction-count" aria-hidden="true">{move || count_of(r)}</span>
                            </span>
                        }.into_any()
                    }
                }).collect_view()}
            </div>
            <div class="live-reaction-float" aria-hidden="true">
                <For each=move || floating.get() key=|(k, _)| *k let:item>
                    <span class="live-reaction-bubble">{item.1.emoji()}</span>
                </For>
            </div>
            <FormAlert error=error />
        </section>
    }
}

/// The forms of the broadcast's people and organizers: speakers, agenda items, and the
/// videos (a replay, or the fallback that plays while the broadcast is due but not on air).
#[component]
pub fn ProgrammeEditor(view: StreamView, edits: Edits) -> impl IntoView {
    let i18n = use_i18n();
    let s = view.stream.clone();
    let id = s.id.clone();
    let (zone, slot_start, slot_end) = view.slot_local.clone();
    let speaker_error =
        Signal::derive(move || edits.add_speaker.value().get().and_then(Result::err));
    let item_error = Signal::derive(move || edits.add_item.value().get().and_then(Result::err));
    let remove_error = Signal::derive(move || {
        edits
            .remove_speaker
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| edits.remove_item.value().get().and_then(Result::err))
    });
    let sfield = move |name: &'static str| {
        Signal::derive(move || speaker_error.get().and_then(|e| e.field(name)))
    };
    let ifield = move |name: &'static str| {
        Signal::derive(move || item_error.get().and_then(|e| e.field(name)))
    };
    let at_error = ifield("at");
    let zone_hint = i18n.t_args("live-time-zone-hint", vec![("zone", Arg::Str(zone))]);
    let speakers = view.speakers.clone();
    let speaker_options = view.speakers.clone();
    let agenda = view.agenda.clone();
    let on_air = s.state == StreamState::Live;
    let uploaded = move || edits.changed.update(|n| *n += 1);
    let (speakers_of, items_of) = (id.clone(), id.clone());
    let (speaker_form_id, item_form_id) = (id.clone(), id.clone());
    view! {
        <details
            class="live-editor card"
            open=move || edits.editor_open.get() || speaker_error.get().is_some() || item_error.get().is_some()
            on:toggle=move |ev| {
                let open = event_target::<web_sys::Element>(&ev).has_attribute("open");
                edits.editor_open.set(open);
            }
        >
            <summary>{i18n.t("live-editor-open")}</summary>
            <FormAlert error=remove_error />
            <h3>{i18n.t("live-speakers-title")}</h3>
            <ul class="live-editor-list">
                {speakers.into_iter().map(|p| {
                    let id = speakers_of.clone();
                    let label = i18n.t_args("live-speaker-remove", vec![("name", Arg::Str(p.name.clone()))]);
                    view! {
                        <li>
                            <span>{p.name.clone()}</span>
                            <ActionForm action=edits.remove_speaker attr:class="inline-form">
                                <input type="hidden" name="id" value=id.clone() />
                                <input type="hidden" name="speaker" value=p.id.clone() />
                                <button type="submit" class="btn btn-ghost btn-small" aria-label=label>{i18n.t("live-remove")}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=edits.add_speaker attr:class="stack-form live-speaker-form">
                <FormAlert error=speaker_error />
                <input type="hidden" name="id" value=speaker_form_id />
                <TextField name="speaker[name]" id="live-speaker-name" label=i18n.t("live-speaker-name") required=true error=sfield("name") />
                <TextField name="speaker[affiliation]" id="live-speaker-affiliation" label=i18n.t("live-speaker-affiliation") error=sfield("affiliation") />
                <div class="field">
                    <label for="live-speaker-bio">{i18n.t("live-speaker-bio")}</label>
                    <textarea id="live-speaker-bio" name="speaker[bio]" rows="3" maxlength=BIO_MAX_CHARS></textarea>
                </div>
                <div class="field">
                    <label for="live-speaker-bio-en">{i18n.t("live-speaker-bio-en")}</label>
                    <textarea id="live-speaker-bio-en" name="speaker[bio_en]" rows="3" maxlength=BIO_MAX_CHARS></textarea>
                </div>
                <OtherLanguages name="speaker[bio_in]" id="live-speaker-bio-in" summary="live-bio-other-languages" max=BIO_MAX_CHARS multiline=true without_english=true />
                <button type="submit" class="btn btn-primary">{i18n.t("live-speaker-add")}</button>
            </ActionForm>

            <h3>{i18n.t("live-agenda-title")}</h3>
            <ul class="live-editor-list">
                {agenda.into_iter().map(|a| {
                    let id = items_of.clone();
                    let label = i18n.t_args("live-agenda-remove", vec![("title", Arg::Str(a.title.text.clone()))]);
                    view! {
                        <li>
                            <LocalTime at=a.starts_at /> " " <span>{a.title.text.clone()}</span>
                            <ActionForm action=edits.remove_item attr:class="inline-form">
                                <input type="hidden" name="id" value=id.clone() />
                                <input type="hidden" name="item" value=a.id.clone() />
                                <button type="submit" class="btn btn-ghost btn-small" aria-label=label>{i18n.t("live-remove")}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=edits.add_item attr:class="stack-form live-agenda-form">
                <FormAlert error=item_error />
                <input type="hidden" name="id" value=item_form_id />
                <div class="field" class:field-invalid=move || at_error.get().is_some()>
                    <label for="live-agenda-at">{i18n.t("live-agenda-at")}</label>
                    <input id="live-agenda-at" type="datetime-local" name="at" required
                        value=slot_start.clone() min=slot_start max=slot_end
                        aria-describedby="live-agenda-at-error live-agenda-zone" />
                    <p class="field-error" id="live-agenda-at-error" aria-live="polite">{move || at_error.get().map(|m| i18n.t(&m))}</p>
                    <p class="hint" id="live-agenda-zone">{zone_hint}</p>
                </div>
                <TextField name="title" id="live-agenda-item-title" label=i18n.t("live-title-label") required=true error=ifield("title") />
                <TextField name="title_en" id="live-agenda-item-title-en" label=i18n.t("live-title-en-label") error=ifield("title_en") />
                <OtherLanguages name="title_in" id="live-agenda-item-title-in" summary="live-title-other-languages" max=domain::live::TITLE_MAX_CHARS without_english=true />
                <div class="field">
                    <label for="live-agenda-speaker">{i18n.t("live-agenda-speaker")}</label>
                    <select id="live-agenda-speaker" name="speaker">
                        <option value="">{i18n.t("live-agenda-no-speaker")}</option>
                        {speaker_options.into_iter().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="btn btn-primary">{i18n.t("live-agenda-add")}</button>
            </ActionForm>

            <h3>{i18n.t("live-videos-title")}</h3>
            <p class="hint">
                {if view.fallback.is_some() { i18n.t("live-fallback-set") } else { i18n.t("live-fallback-none") }}
            </p>
            <MediaUploader
                exhibitor_id=String::new()
                upload_url=format!("/api/live/{id}/video?use=fallback")
                single=true
                input_id="live-fallback-file"
                label=i18n.t("live-upload-fallback")
                hint=i18n.t("live-upload-fallback-hint")
                accept="video/mp4,video/webm"
                on_done=uploaded
            />
            {(!on_air).then(|| view! {
                <MediaUploader
                    exhibitor_id=String::new()
                    upload_url=format!("/api/live/{}/video?use=replay", s.id)
                    single=true
                    input_id="live-replay-file"
                    label=i18n.t("live-upload-replay")
                    hint=i18n.t("live-upload-replay-hint")
                    accept="video/mp4,video/webm"
                    on_done=uploaded
                />
            })}
        </details>
    }
}
