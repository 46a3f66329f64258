//! `/live`: the broadcast schedule (filter by industry, day and kind; times in the reader's
//! time zone), with what is on air now first; organizers schedule slots and answer exhibitors'
//! requests, exhibitors ask for a slot for their booth. Plain forms: works without JavaScript.

use super::api::{live_schedule, DecideStream, ScheduleData, ScheduleStream};
use crate::shell::i18n::use_i18n;
use crate::ui::form_alert::FormAlert;
use crate::ui::local_time::LocalTime;
use crate::ui::other_languages::OtherLanguages;
use crate::ui::text_field::TextField;
use domain::live::{StreamKind, StreamState, StreamView, DESCRIPTION_MAX_CHARS};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The schedule page.
#[component]
pub fn LivePage() -> impl IntoView {
    let i18n = use_i18n();
    // The forms' actions live here, so the schedule reloads after each of them.
    let create = ServerAction::<ScheduleStream>::new();
    let decide = ServerAction::<DecideStream>::new();
    let data = Resource::new(
        move || (create.version().get(), decide.version().get()),
        |_| live_schedule(),
    );
    view! {
        <Title text=i18n.t("live-title") />
        <div class="page live-page">
            <h1>{i18n.t("live-title")}</h1>
            <p class="lead">{i18n.t("live-lead")}</p>
            <p><a class="btn btn-ghost btn-small" href="/live/replays">{i18n.t("live-replays-link")}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(s) => view! { <Schedule schedule=s create=create decide=decide /> }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Schedule(
    schedule: ScheduleData,
    create: ServerAction<ScheduleStream>,
    decide: ServerAction<DecideStream>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |k: &str| query.with_untracked(|q| q.get(k).unwrap_or_default());
    let (hall, day, kind) = (param("hall"), param("day"), param("kind"));
    let ScheduleData {
        streams,
        halls,
        days,
        time_zone,
        can_schedule,
        can_request,
    } = schedule;
    let shown: Vec<StreamView> = streams
        .into_iter()
        .filter(|s| hall.is_empty() || s.stream.hall.as_ref().is_some_and(|(h, _)| *h == hall))
        .filter(|s| day.is_empty() || s.stream.day == day)
        .filter(|s| kind.is_empty() || s.stream.kind.as_str() == kind)
        .collect();
    let (requests, mut listed): (Vec<_>, Vec<_>) = shown
        .into_iter()
        .partition(|s| s.stream.state == StreamState::Requested && s.may_manage);
    // On air first, then by start.
    listed.sort_by_key(|s| (s.stream.state != StreamState::Live, s.stream.starts_at));
    let empty = listed.is_empty();
    view! {
        <Filters action="/live" halls=halls.clone() days=days hall=hall day=day kind=Some(kind) />
        {(can_schedule || can_request).then(|| view! {
            <SlotForm halls=halls.clone() time_zone=time_zone.clone() organizer=can_schedule create=create />
        })}
        {(!requests.is_empty()).then(|| view! { <Requests requests=requests decide=decide /> })}
        {if empty {
            view! { <p class="empty-state">{i18n.t("live-empty")}</p> }.into_any()
        } else {
            view! { <StreamTable streams=listed /> }.into_any()
        }}
    }
}

/// The GET form that narrows a list of broadcasts by hall (industry), day and (if `kind` is
/// given) kind; works without JavaScript.
#[component]
pub fn Filters(
    /// Where the form goes.
    action: &'static str,
    /// Halls (slug, name).
    halls: Vec<(String, String)>,
    /// Expo days.
    days: Vec<String>,
    /// The hall chosen.
    hall: String,
    /// The day chosen.
    day: String,
    /// The kind chosen; `None` leaves the kind out.
    kind: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hall_options = halls;
    view! {
        <form class="live-filters" method="get" action=action role="search" aria-label=i18n.t("live-filter-label")>
            <div class="field">
                <label for="live-hall">{i18n.t("live-filter-hall")}</label>
                <select id="live-hall" name="hall">
                    <option value="">{i18n.t("live-filter-any-hall")}</option>
                    {hall_options.into_iter().map(|(slug, name)| {
                        let selected = slug == hall;
                        view! { <option value=slug selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="live-day">{i18n.t("live-filter-day")}</label>
                <select id="live-day" name="day">
                    <option value="">{i18n.t("live-filter-any-day")}</option>
                    {days.iter().map(|d| {
                        let selected = *d == day;
                        view! { <option value=d.clone() selected=selected>{i18n.date(d)}</option> }
                    }).collect_view()}
                </select>
            </div>
            {kind.map(|kind| view! {
                <div class="field">
                    <label for="live-kind">{i18n.t("live-filter-kind")}</label>
                    <select id="live-kind" name="kind">
                        <option value="">{i18n.t("live-filter-any-kind")}</option>
                        {StreamKind::ALL.iter().map(|k| {
                            let selected = k.as_str() == kind;
                            view! { <option value=k.as_str() selected=selected>{i18n.t(k.message_id())}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            <button type="submit" class="btn btn-ghost">{i18n.t("live-filter-apply")}</button>
        </form>
    }
}

#[component]
fn StreamTable(streams: Vec<StreamView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="data-table live-table">
            <caption class="visually-hidden">{i18n.t("live-title")}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("live-col-time")}</th>
                    <th scope="col">{i18n.t("live-col-title")}</th>
                    <th scope="col">{i18n.t("live-col-where")}</th>
                    <th scope="col">{i18n.t("live-col-state")}</th>
                </tr>
            </thead>
            <tbody>
                {streams.into_iter().map(|v| view! { <StreamRow view=v /> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn StreamRow(view: StreamView) -> impl IntoView {
    let i18n = use_i18n();
    let s = view.stream;
    let href = format!("/live/{}", s.id);
    let studio = format!("/live/{}/studio", s.id);
    let state_class = format!("live-state live-state-{}", s.state.as_str());
    let can_go_live = view.may_broadcast && s.state.may_broadcast();
    let place = match (&s.exhibitor, &s.booth_path, &s.hall) {
        (Some((_, name)), Some(path), _) => {
            view! { <a href=path.clone()>{name.clone()}</a> }.into_any()
        }
        (_, _, Some((slug, name))) => {
            view! { <a href=format!("/halls/{slug}")>{name.clone()}</a> }.into_any()
        }
        _ => view! { <span>{i18n.t("live-where-expo")}</span> }.into_any(),
    };
    view! {
        <tr class:live-on-air=s.state == StreamState::Live>
            <td><LocalTime at=s.starts_at /></td>
            <td>
                <a href=href class="live-title-link">{s.title.text.clone()}</a>
                <span class="live-kind">{i18n.t(s.kind.message_id())}</span>
            </td>
            <td>{place}</td>
            <td>
                <span class=state_class>{i18n.t(s.state.message_id())}</span>
                {(s.state == StreamState::Ended && s.has_replay).then(|| view! {
                    " " <span class="live-replay-mark">{i18n.t("live-replay-available")}</span>
                })}
                {can_go_live.then(|| view! {
                    " " <a class="btn btn-ghost btn-small" href=studio>{i18n.t("live-open-studio")}</a>
                })}
            </td>
        </tr>
    }
}

#[component]
fn Requests(requests: Vec<StreamView>, decide: ServerAction<DecideStream>) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || decide.value().get().and_then(Result::err));
    view! {
        <section class="live-requests card" aria-labelledby="live-requests-h">
            <h2 id="live-requests-h">{i18n.t("live-requests-title")}</h2>
            <FormAlert error=error />
            <ul>
                {requests.into_iter().map(|v| {
                    let s = v.stream;
                    let who = s.exhibitor.as_ref().map(|(_, n)| n.clone()).unwrap_or_default();
                    let approve_id = s.id.clone();
                    let decline_id = s.id.clone();
                    view! {
                        <li class="live-request">
                            <strong>{s.title.text.clone()}</strong>
                            " · " {who} " · " <LocalTime at=s.starts_at />
                            <ActionForm action=decide attr:class="inline-form">
                                <input type="hidden" name="id" value=approve_id />
                                <input type="hidden" name="decision" value="approve" />
                                <button type="submit" class="btn btn-primary btn-small">{i18n.t("live-approve")}</button>
                            </ActionForm>
                            <ActionForm action=decide attr:class="inline-form">
                                <input type="hidden" name="id" value=decline_id />
                                <input type="hidden" name="decision" value="decline" />
                                <button type="submit" class="btn btn-ghost btn-small">{i18n.t("live-decline")}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn SlotForm(
    halls: Vec<(String, String)>,
    time_zone: String,
    organizer: bool,
    create: ServerAction<ScheduleStream>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let summary = if organizer {
        i18n.t("live-schedule-open")
    } else {
        i18n.t("live-request-open")
    };
    let zone_hint = i18n.t_args(
        "live-time-zone-hint",
        vec![("zone", crate::shell::i18n::Arg::Str(time_zone))],
    );
    let starts_error = field("starts_at");
    let ends_error = field("ends_at");
    view! {
        <details id="request-slot" class="live-create card" open=move || error.get().is_some()>
            <summary>{summary}</summary>
            <ActionForm action=create attr:class="stack-form">
                <FormAlert error=error />
                {if organizer {
                    view! {
                        <div class="field">
                            <label for="live-slot-kind">{i18n.t("live-kind-label")}</label>
                            <select id="live-slot-kind" name="slot[kind]">
                                {StreamKind::ALL.iter().filter(|k| **k != StreamKind::Booth).map(|k| view! {
                                    <option value=k.as_str()>{i18n.t(k.message_id())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="live-slot-hall">{i18n.t("live-filter-hall")}</label>
                            <select id="live-slot-hall" name="slot[hall]">
                                <option value="">{i18n.t("live-filter-any-hall")}</option>
                                {halls.into_iter().map(|(slug, name)| view! { <option value=slug>{name}</option> }).collect_view()}
                            </select>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <input type="hidden" name="slot[kind]" value="booth" />
                        <input type="hidden" name="slot[hall]" value="" />
                    }.into_any()
                }}
                <TextField name="slot[title]" id="live-slot-title" label=i18n.t("live-title-label") required=true error=field("title") />
                <TextField name="slot[title_en]" id="live-slot-title-en" label=i18n.t("live-title-en-label") error=field("title_en") />
                <OtherLanguages name="slot[title_in]" id="live-slot-title-in" summary="live-title-other-languages" max=domain::live::TITLE_MAX_CHARS without_english=true />
                <div class="field">
                    <label for="live-slot-description">{i18n.t("live-description-label")}</label>
                    <textarea id="live-slot-description" name="slot[description]" rows="3" maxlength=DESCRIPTION_MAX_CHARS></textarea>
                </div>
                <div class="field">
                    <label for="live-slot-description-en">{i18n.t("live-description-en-label")}</label>
                    <textarea id="live-slot-description-en" name="slot[description_en]" rows="3" maxlength=DESCRIPTION_MAX_CHARS></textarea>
                </div>
                <OtherLanguages name="slot[description_in]" id="live-slot-description-in" summary="live-description-other-languages" max=DESCRIPTION_MAX_CHARS multiline=true without_english=true />
                <div class="field-row">
                    <div class="field" class:field-invalid=move || starts_error.get().is_some()>
                        <label for="live-slot-starts">{i18n.t("live-starts-label")}</label>
                        <input id="live-slot-starts" type="datetime-local" name="slot[starts]" required aria-describedby="live-slot-starts-error live-zone-hint" />
                        <p class="field-error" id="live-slot-starts-error" aria-live="polite">{move || starts_error.get().map(|m| i18n.t(&m))}</p>
                    </div>
                    <div class="field" class:field-invalid=move || ends_error.get().is_some()>
                        <label for="live-slot-ends">{i18n.t("live-ends-label")}</label>
                        <input id="live-slot-ends" type="datetime-local" name="slot[ends]" required aria-describedby="live-slot-ends-error live-zone-hint" />
                        <p class="field-error" id="live-slot-ends-error" aria-live="polite">{move || ends_error.get().map(|m| i18n.t(&m))}</p>
                    </div>
                </div>
                <p class="hint" id="live-zone-hint">{zone_hint}</p>
                <button type="submit" class="btn btn-primary">
                    {if organizer { i18n.t("live-schedule-submit") } else { i18n.t("live-request-submit") }}
                </button>
            </ActionForm>
        </details>
    }
}
