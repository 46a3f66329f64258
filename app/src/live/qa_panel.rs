//! The questions beside a live room, its studio and its replay: ask, upvote, and (for the
//! room's moderators) pin, answer, hide and remove people. The list follows the room's hub
//! topic, so everyone sees changes as they happen.

use super::api::{live_questions, AskQuestion, ModerateQuestion, QuestionsData, VoteQuestion};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use domain::live::{Question, QuestionState, QUESTION_MAX_CHARS};
use leptos::prelude::*;

/// The Q&A panel of stream `id`; `open`: questions may still be asked.
#[component]
pub fn QaPanel(id: String, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let key = id.clone();
    let data = Resource::new(move || key.clone(), live_questions);
    view! {
        <section class="qa-panel card" aria-labelledby="qa-title">
            <h2 id="qa-title">{i18n.t("live-qa-title")}</h2>
            <Suspense fallback=|| ()>
                {move || {
                    let id = id.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(d) => view! { <Questions id=id data=d open=open /> }.into_any(),
                            Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

fn upsert(list: &mut Vec<Question>, mut q: Question, moderator: bool) {
    // A hidden question arrives without its text: a moderator keeps what the page has.
    if let Some(old) = list.iter().find(|x| x.id == q.id) {
        if q.text.is_empty() {
            q.text = old.text.clone();
            q.author = old.author.clone();
            q.author_id = old.author_id.clone();
            q.answer = q.answer.or_else(|| old.answer.clone());
            q.votes = old.votes;
        }
    }
    list.retain(|x| x.id != q.id);
    if moderator || q.state != QuestionState::Hidden {
        list.push(q);
    }
    domain::live::sort_questions(list);
}

#[component]
fn Questions(id: String, data: QuestionsData, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let QuestionsData {
        questions,
        moderator,
        me,
    } = data;
    let list = RwSignal::new(questions);
    let removed = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        use domain::live::LiveEvent;
        use domain::realtime::{EventBody, ServerFrame};
        let me = me.clone();
        let sub = crate::realtime::client::subscribe(format!("live:{id}"), None, move |f| {
            if let ServerFrame::Event(e) = f {
                match &e.body {
                    EventBody::Live(LiveEvent::Question(q)) => {
                        let q = q.clone();
                        let _ = list.try_update(|l| upsert(l, q, moderator));
                    }
                    EventBody::Live(LiveEvent::Banned { user_id })
                        if me.as_deref() == Some(user_id.as_str()) =>
                    {
                        let _ = removed.try_set(true);
                    }
                    _ => {}
                }
            }
        });
        on_cleanup(move || crate::realtime::client::unsubscribe(sub));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = &upsert;
    let ask = ServerAction::<AskQuestion>::new();
    let ask_error = Signal::derive(move || ask.value().get().and_then(Result::err));
    let text = RwSignal::new(String::new());
    // A question that went through clears the box.
    Effect::new(move |_| {
        if matches!(ask.value().get(), Some(Ok(()))) {
            text.set(String::new());
        }
    });
    let signed_in = me.is_some();
    let login = format!(
        "/login?next={}",
        crate::shell::language_menu::encode_query_value(&format!("/live/{id}"))
    );
    let form = if !open {
        view! { <p class="hint">{i18n.t("live-qa-closed")}</p> }.into_any()
    } else if !signed_in {
        view! { <p><a class="btn btn-ghost" href=login>{i18n.t("live-qa-sign-in")}</a></p> }
            .into_any()
    } else {
        view! {
            <ActionForm action=ask attr:class="stack-form qa-ask">
                <FormAlert error=ask_error />
                <input type="hidden" name="id" value=id.clone() />
                <div class="field">
                    <label for="qa-text">{i18n.t("live-qa-ask-label")}</label>
                    <textarea id="qa-text" name="text" rows="2" maxlength=QUESTION_MAX_CHARS
                        prop:value=move || text.get()
                        on:input=move |e| text.set(event_target_value(&e))></textarea>
                </div>
                <button type="submit" class="btn btn-primary">{i18n.t("live-qa-ask")}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        {move || removed.get().then(|| view! { <p class="form-alert" role="alert">{i18n.t("live-qa-removed")}</p> })}
        {form}
        <QuestionList list=list moderator=moderator signed_in=signed_in open=open />
    }
}

#[component]
fn QuestionList(
    list: RwSignal<Vec<Question>>,
    moderator: bool,
    signed_in: bool,
    open: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let vote = ServerAction::<VoteQuestion>::new();
    let moderate = ServerAction::<ModerateQuestion>::new();
    let error = Signal::derive(move || {
        vote.value()
            .get()
            .and_then(Result::err)
            .or_else(|| moderate.value().get().and_then(Result::err))
    });
    view! {
        <FormAlert error=error />
        {move || list.with(Vec::is_empty).then(|| view! { <p class="empty-state">{i18n.t("live-qa-empty")}</p> })}
        <ol class="qa-list" aria-label=i18n.t("live-qa-title")>
            <For each=move || list.get() key=|q| (q.id.clone(), q.votes, q.pinned, q.state, q.answer.clone()) let:q>
                <QuestionItem q=q moderator=moderator can_vote=signed_in && open vote=vote moderate=moderate />
            </For>
        </ol>
    }
}

#[component]
fn QuestionItem(
    q: Question,
    moderator: bool,
    can_vote: bool,
    vote: ServerAction<VoteQuestion>,
    moderate: ServerAction<ModerateQuestion>,
) -> impl IntoView {
    let i18n = use_i18n();
    let votes = i18n.t_args("live-qa-votes", vec![("count", Arg::Num(q.votes))]);
    let upvote_label = i18n.t_args(
        "live-qa-upvote-label",
        vec![("question", Arg::Str(q.text.clone()))],
    );
    let act = move |action: &'static str, label: String, id: String| {
        view! {
            <ActionForm action=moderate attr:class="inline-form">
                <input type="hidden" name="question" value=id />
                <input type="hidden" name="action" value=action />
                <button type="submit" class="btn btn-ghost btn-small">{label}</button>
            </ActionForm>
        }
    };
    let controls = moderator.then(|| {
        let id = q.id.clone();
        let answer_id = format!("qa-answer-{}", q.id);
        view! {
            <div class="qa-controls">
                {if q.pinned { act("unpin", i18n.t("live-qa-unpin"), id.clone()) } else { act("pin", i18n.t("live-qa-pin"), id.clone()) }}
                {if q.state == QuestionState::Hidden { act("unhide", i18n.t("live-qa-unhide"), id.clone()) } else { act("hide", i18n.t("live-qa-hide"), id.clone()) }}
                {act("ban", i18n.t("live-qa-ban"), id.clone())}
                <ActionForm action=moderate attr:class="inline-form qa-answer-form">
                    <input type="hidden" name="question" value=id.clone() />
                    <input type="hidden" name="action" value="answer" />
                    <label class="visually-hidden" for=answer_id.clone()>{i18n.t("live-qa-answer-label")}</label>
                    <input id=answer_id type="text" name="answer" maxlength=domain::live::ANSWER_MAX_CHARS placeholder=i18n.t("live-qa-answer-label") />
                    <button type="submit" class="btn btn-ghost btn-small">{i18n.t("live-qa-answer")}</button>
                </ActionForm>
            </div>
        }
    });
    let state_class = format!("qa-item qa-{}", q.state.as_str());
    view! {
        <li class=state_class class:qa-pinned=q.pinned>
            <p class="qa-text">{q.text.clone()}</p>
            <p class="qa-meta">
                {q.pinned.then(|| view! { <span class="badge">{i18n.t("live-qa-pinned")}</span> " " })}
                {(q.state == QuestionState::Answered).then(|| view! { <span class="badge badge-verified">{i18n.t("live-qa-answered")}</span> " " })}
                {(q.state == QuestionState::Hidden).then(|| view! { <span class="badge badge-muted">{i18n.t("live-qa-hidden")}</span> " " })}
                <span class="qa-author">{q.author.clone()}</span>
                " · "
                <span class="qa-votes">{votes}</span>
            </p>
            {q.answer.clone().map(|a| view! { <p class="qa-answer">{a}</p> })}
            {can_vote.then(|| view! {
                <ActionForm action=vote attr:class="inline-form">
                    <input type="hidden" name="question" value=q.id.clone() />
                    <button type="submit" class="btn btn-ghost btn-small" aria-label=upvote_label>{i18n.t("live-qa-upvote")}</button>
                </ActionForm>
            })}
            {controls}
        </li>
    }
}
