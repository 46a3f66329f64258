//! "Message the exhibitor" on booth and product pages: a form, so it works without
//! JavaScript; it opens (or reopens) the visitor's conversation with the booth's team.
//! Visitors who are not signed in get a sign-in link that brings them back.

use super::api::{StartBoothChat, StartDirectChat};
use crate::shell::i18n::use_i18n;
use crate::AppError;
use leptos::prelude::*;

/// The button that starts a conversation with a booth's team.
#[component]
pub fn ChatButton(#[prop(into)] exhibitor_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let act = ServerAction::<StartBoothChat>::new();
    let user = use_context::<crate::account::UserResource>();
    let path = leptos_router::hooks::use_location().pathname;
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let exhibitor_id = exhibitor_id.clone();
                Suspend::new(async move {
                    let signed_in = match user {
                        Some(u) => matches!(u.await, Ok(Some(_))),
                        None => false,
                    };
                    if !signed_in {
                        let next = crate::shell::language_menu::encode_query_value(&path.get_untracked());
                        return view! {
                            <a class="btn btn-primary chat-start" href=format!("/login?next={next}")>
                                <span aria-hidden="true">"✉ "</span>
                                {i18n.t("chat-start-signin")}
                            </a>
                        }
                        .into_any();
                    }
                    let error = move || match act.value().get() {
                        Some(Err(AppError::Conflict(id))) => Some(i18n.t(&id)),
                        Some(Err(e)) => Some(i18n.t(e.message_id())),
                        _ => None,
                    };
                    view! {
                        <ActionForm action=act attr:class="chat-start-form">
                            <input type="hidden" name="exhibitor_id" value=exhibitor_id />
                            <button type="submit" class="btn btn-primary chat-start" disabled=move || act.pending().get()>
                                <span aria-hidden="true">"✉ "</span>
                                {i18n.t("chat-start")}
                            </button>
                            {move || error().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
                        </ActionForm>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

/// "Message" beside a person in the buyer and people directories: opens (or reopens) the
/// one-to-one conversation with them. A form, so it works without JavaScript.
#[component]
pub fn DirectChatButton(
    /// The person to write to.
    #[prop(into)]
    user_id: String,
    /// Their name, for the button's accessible name.
    #[prop(into)]
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let act = ServerAction::<StartDirectChat>::new();
    let label = i18n.t_args(
        "chat-message-person-named",
        vec![("name", crate::shell::i18n::Arg::Str(name))],
    );
    let error = move || match act.value().get() {
        Some(Err(AppError::Conflict(id))) => Some(i18n.t(&id)),
        Some(Err(e)) => Some(i18n.t(e.message_id())),
        _ => None,
    };
    view! {
        <ActionForm action=act attr:class="chat-direct-form">
            <input type="hidden" name="user_id" value=user_id />
            <button type="submit" class="btn" aria-label=label disabled=move || act.pending().get()>
                <span aria-hidden="true">"✉ "</span>
                {i18n.t("chat-message-person")}
            </button>
            {move || error().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
        </ActionForm>
    }
}
