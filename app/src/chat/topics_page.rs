//! `/topics`: the public expo's topic rooms, each with its subject, hall and how many are in
//! it; join one (or open it when already in), and, for the organizers, open a new one. Plain
//! forms: everything works without JavaScript.

use super::api::{topic_rooms, CreateTopic, JoinTopic};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use crate::ui::text_field::TextField;
use domain::chat::{TopicRoom, TopicsView, TOPIC_ABOUT_MAX};
use leptos::prelude::*;
use leptos_meta::Title;

/// The topic rooms page.
#[component]
pub fn TopicsPage() -> impl IntoView {
    let i18n = use_i18n();
    let view = Resource::new(|| (), |_| topic_rooms());
    let user = expect_context::<crate::account::UserResource>();
    view! {
        <Title text=i18n.t("chat-topics-title") />
        <div class="page topics-page">
            <h1>{i18n.t("chat-topics-title")}</h1>
            <p class="lead">{i18n.t("chat-topics-lead")}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let signed_in = matches!(user.await, Ok(Some(_)));
                    match view.await {
                        Ok(v) => view! { <Topics view=v signed_in=signed_in /> }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Topics(view: TopicsView, signed_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    let join = ServerAction::<JoinTopic>::new();
    let join_error = Signal::derive(move || join.value().get().and_then(Result::err));
    let TopicsView {
        rooms,
        can_create,
        halls,
    } = view;
    let empty = rooms.is_empty();
    view! {
        {can_create.then(|| view! { <CreateForm halls=halls /> })}
        <FormAlert error=join_error />
        {if empty {
            view! { <p class="empty-state">{i18n.t("chat-topics-empty")}</p> }.into_any()
        } else {
            view! {
                <ul class="topic-list" aria-label=i18n.t("chat-topics-title")>
                    {rooms.into_iter().map(|r| view! { <TopicCard room=r join=join signed_in=signed_in /> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

#[component]
fn TopicCard(room: TopicRoom, join: ServerAction<JoinTopic>, signed_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("topic-{}", room.id);
    let labelled_by = heading_id.clone();
    let hall = room.hall.as_ref().map(|h| h.show(i18n.locale).text);
    let hall_href = room.hall_slug.as_ref().map(|s| format!("/halls/{s}"));
    let open_href = format!("/messages/{}", room.id);
    let login_href = format!(
        "/login?next={}",
        crate::shell::language_menu::encode_query_value("/topics")
    );
    let join_label = i18n.t_args(
        "chat-topic-join",
        vec![("title", Arg::Str(room.title.clone()))],
    );
    let action = if room.joined {
        view! { <a class="btn btn-ghost" href=open_href>{i18n.t("chat-topic-open")}</a> }.into_any()
    } else if signed_in {
        view! {
            <ActionForm action=join attr:class="inline-form">
                <input type="hidden" name="room_id" value=room.id.clone() />
                <button type="submit" class="btn btn-primary" aria-label=join_label>
                    {i18n.t("chat-topic-join-short")}
                </button>
            </ActionForm>
        }
        .into_any()
    } else {
        view! { <a class="btn btn-ghost" href=login_href>{i18n.t("chat-topic-sign-in")}</a> }
            .into_any()
    };
    view! {
        <li class="topic-card card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{room.title.clone()}</h2>
            {hall.zip(hall_href).map(|(name, href)| view! {
                <p class="topic-hall"><a href=href>{name}</a></p>
            })}
            {(!room.about.is_empty()).then(|| view! { <p class="topic-about">{room.about.clone()}</p> })}
            <p class="topic-meta">
                {i18n.t_args("chat-topic-members", vec![("count", Arg::Num(room.members))])}
                " · "
                {i18n.t_args("chat-topic-active", vec![("time", Arg::Str(i18n.utc(room.active_at)))])}
            </p>
            {action}
        </li>
    }
}

#[component]
fn CreateForm(halls: Vec<(String, domain::text::LocalizedText)>) -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateTopic>::new();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let about_error = field("about");
    let hall_error = field("hall");
    view! {
        <details class="topic-create card" open=move || error.get().is_some()>
            <summary>{i18n.t("chat-topic-create")}</summary>
            <ActionForm action=create attr:class="stack-form">
                <FormAlert error=error />
                <TextField
                    name="title"
                    id="topic-title"
                    label=i18n.t("chat-topic-title-label")
                    required=true
                    error=field("title")
                />
                <div class="field" class:field-invalid=move || about_error.get().is_some()>
                    <label for="topic-about">{i18n.t("chat-topic-about-label")}</label>
                    <textarea
                        id="topic-about"
                        name="about"
                        rows="3"
                        maxlength=TOPIC_ABOUT_MAX
                        aria-describedby="topic-about-error"
                    ></textarea>
                    <p class="field-error" id="topic-about-error" aria-live="polite">
                        {move || about_error.get().map(|m| i18n.t(&m))}
                    </p>
                </div>
                <div class="field" class:field-invalid=move || hall_error.get().is_some()>
                    <label for="topic-hall">{i18n.t("chat-topic-hall-label")}</label>
                    <select id="topic-hall" name="hall" aria-describedby="topic-hall-error">
                        <option value="">{i18n.t("chat-topic-hall-any")}</option>
                        {halls.into_iter().map(|(slug, name)| view! {
                            <option value=slug>{name.show(i18n.locale).text}</option>
                        }).collect_view()}
                    </select>
                    <p class="field-error" id="topic-hall-error" aria-live="polite">
                        {move || hall_error.get().map(|m| i18n.t(&m))}
                    </p>
                </div>
                <button type="submit" class="btn btn-primary">{i18n.t("chat-topic-create-submit")}</button>
            </ActionForm>
        </details>
    }
}
