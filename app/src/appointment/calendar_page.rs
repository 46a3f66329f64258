//! `/calendar`: the person's appointments, scheduled meetings and the broadcasts they asked to
//! be reminded of, as an agenda by day in their own time zone; the appointments waiting for
//! their answer on top; the zone their times are shown in; and a secret iCalendar feed address
//! for their calendar application (made again or stopped here). Reads again live when an
//! appointment changes.

use super::api::{
    get_calendar, AnswerAppointment, MakeCalendarFeed, RevokeCalendarFeed, SetTimeZone,
};
use super::appointment_card::{AppointmentCard, StatusBadge};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use domain::appointment::{CalendarEntry, CalendarPage as Page};
use domain::realtime::Hint;
use leptos::prelude::*;
use leptos_meta::Title;

/// A zone `<select>` named `name`, `selected` chosen.
#[component]
pub fn ZoneSelect(
    id: &'static str,
    name: &'static str,
    label: String,
    selected: String,
) -> impl IntoView {
    let mut zones: Vec<String> = domain::plan::TIME_ZONES
        .iter()
        .map(|z| (*z).to_owned())
        .collect();
    if !selected.is_empty() && !zones.contains(&selected) {
        zones.insert(0, selected.clone());
    }
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                {zones.into_iter().map(|tz| {
                    let chosen = tz == selected;
                    let shown = tz.replace('_', " ");
                    view! { <option value=tz selected=chosen>{shown}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// Entries grouped by the reader's day, in order.
fn by_day(entries: Vec<CalendarEntry>) -> Vec<(String, Vec<CalendarEntry>)> {
    let mut days: Vec<(String, Vec<CalendarEntry>)> = Vec::new();
    for e in entries {
        match days.last_mut() {
            Some((day, list)) if *day == e.when.day => list.push(e),
            _ => days.push((e.when.day.clone(), vec![e])),
        }
    }
    days
}

#[component]
fn Agenda(entries: Vec<CalendarEntry>) -> impl IntoView {
    let i18n = use_i18n();
    if entries.is_empty() {
        return view! { <p class="empty" role="status">{i18n.t("calendar-empty")}</p> }.into_any();
    }
    view! {
        <div class="agenda">
            {by_day(entries).into_iter().map(|(day, list)| view! {
                <section class="agenda-day" aria-label=day.clone()>
                    <h3>{day.clone()}</h3>
                    <ul class="agenda-list">
                        {list.into_iter().map(|e| view! {
                            <li class=format!("agenda-entry agenda-{}", e.uid.split('-').next().unwrap_or_default()) data-uid=e.uid.clone()>
                                <span class="agenda-time">{format!("{}–{}", e.when.from, e.when.to)}</span>
                                <span class="badge badge-muted">{i18n.t(e.kind.label_id())}</span>
                                <a href=e.link.clone()>{e.title.clone()}</a>
                                {e.status.map(|s| view! { <StatusBadge status=s /> })}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn Feed(
    feed: Option<String>,
    make: ServerAction<MakeCalendarFeed>,
    revoke: ServerAction<RevokeCalendarFeed>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card calendar-feed" aria-labelledby="calendar-feed-title">
            <h2 id="calendar-feed-title">{i18n.t("calendar-feed-title")}</h2>
            <p class="field-hint">{i18n.t("calendar-feed-hint")}</p>
            {match feed {
                Some(path) => view! {
                    <div class="field">
                        <label for="calendar-feed-url">{i18n.t("calendar-feed-address")}</label>
                        <input id="calendar-feed-url" readonly=true value=path />
                    </div>
                    <div class="appointment-actions">
                        <ActionForm action=make attr:class="inline-form">
                            <button type="submit" class="btn">{i18n.t("calendar-feed-renew")}</button>
                        </ActionForm>
                        <ActionForm action=revoke attr:class="inline-form">
                            <button type="submit" class="btn btn-ghost">{i18n.t("calendar-feed-stop")}</button>
                        </ActionForm>
                    </div>
                }.into_any(),
                None => view! {
                    <ActionForm action=make attr:class="inline-form">
                        <button type="submit" class="btn">{i18n.t("calendar-feed-make")}</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Body(
    page: Page,
    answer: ServerAction<AnswerAppointment>,
    zone: ServerAction<SetTimeZone>,
    make: ServerAction<MakeCalendarFeed>,
    revoke: ServerAction<RevokeCalendarFeed>,
) -> impl IntoView {
    let i18n = use_i18n();
    let zone_error = Signal::derive(move || zone.value().get().and_then(Result::err));
    let note = i18n.t_args(
        "appointment-zone-note",
        vec![("zone", Arg::Str(page.time_zone.clone()))],
    );
    view! {
        <p class="field-hint">{note}</p>
        {page.booth.is_some().then(|| view! {
            <p><a class="btn" href="/calendar/availability">{i18n.t("availability-title")}</a></p>
        })}
        {(!page.to_answer.is_empty()).then(|| view! {
            <section class="calendar-to-answer" aria-labelledby="calendar-to-answer-title">
                <h2 id="calendar-to-answer-title">{i18n.t("calendar-to-answer")}</h2>
                <div class="appointment-list">
                    {page.to_answer.into_iter().map(|a| view! { <AppointmentCard a action=answer /> }).collect_view()}
                </div>
            </section>
        })}
        <section class="calendar-agenda" aria-labelledby="calendar-agenda-title">
            <h2 id="calendar-agenda-title">{i18n.t("calendar-coming")}</h2>
            <Agenda entries=page.entries />
        </section>
        <Feed feed=page.feed make revoke />
        <section class="card calendar-zone" aria-labelledby="calendar-zone-title">
            <h2 id="calendar-zone-title">{i18n.t("calendar-zone-title")}</h2>
            <ActionForm action=zone attr:class="inline-form stack-form">
                <FormAlert error=zone_error />
                <ZoneSelect id="calendar-zone" name="zone" label=i18n.t("setup-time-zone") selected=page.time_zone />
                <p><button type="submit" class="btn">{i18n.t("calendar-zone-save")}</button></p>
            </ActionForm>
        </section>
    }
}

/// The calendar page.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerAppointment>::new();
    let zone = ServerAction::<SetTimeZone>::new();
    let make = ServerAction::<MakeCalendarFeed>::new();
    let revoke = ServerAction::<RevokeCalendarFeed>::new();
    let version = RwSignal::new(0u32);
    crate::realtime::follow_own(version, |h| matches!(h, Hint::Calendar), false);
    let page = Resource::new(
        move || {
            (
                version.get(),
                answer.version().get(),
                zone.version().get(),
                make.version().get(),
                revoke.version().get(),
            )
        },
        |_| get_calendar(),
    );
    view! {
        <Title text=i18n.t("calendar-title") />
        <section class="page calendar-page">
            <h1>{i18n.t("calendar-title")}</h1>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(p) => view! { <Body page=p answer zone make revoke /> }.into_any(),
                        Err(crate::AppError::Unauthenticated) => view! {
                            <p>{i18n.t("calendar-sign-in")}</p>
                            <p><a class="btn btn-primary" href="/login?next=%2Fcalendar">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
