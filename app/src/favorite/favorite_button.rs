//! The heart on booth and product pages: a form, so it also works without JavaScript; with
//! JavaScript it turns at once (optimistic) and turns back if the server refuses. People who
//! are not signed in get a link to sign in that brings them back.

use super::api::{is_favorite, SetFavorite};
use crate::shell::i18n::use_i18n;
use crate::AppError;
use domain::favorite::FavoriteKind;
use leptos::prelude::*;

/// Favorite toggle for a booth or product.
#[component]
pub fn FavoriteButton(kind: FavoriteKind, #[prop(into)] id: String) -> impl IntoView {
    let i18n = use_i18n();
    let target = id.clone();
    let initial = Resource::new(move || target.clone(), move |id| is_favorite(kind, id));
    let act = ServerAction::<SetFavorite>::new();
    let user = use_context::<crate::account::UserResource>();
    let path = leptos_router::hooks::use_location().pathname;
    let kind_value = match kind {
        FavoriteKind::Booth => "booth",
        FavoriteKind::Product => "product",
    };
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let id = id.clone();
                Suspend::new(async move {
                    let signed_in = match user {
                        Some(u) => matches!(u.await, Ok(Some(_))),
                        None => false,
                    };
                    if !signed_in {
                        let next = crate::shell::language_menu::encode_query_value(&path.get_untracked());
                        return view! {
                            <a class="btn btn-ghost favorite" href=format!("/login?next={next}") title=i18n.t("favorite-signin")>
                                <span class="heart" aria-hidden="true">"♡"</span>
                                {i18n.t("favorite")}
                            </a>
                        }
                        .into_any();
                    }
                    let saved = initial.await.unwrap_or(false);
                    let on = move || {
                        if let Some(pending) = act.input().get() {
                            return pending.on;
                        }
                        match act.value().get() {
                            Some(Ok(v)) => v,
                            _ => saved,
                        }
                    };
                    let refused = move || matches!(act.value().get(), Some(Err(_)));
                    let signed_out = move || matches!(act.value().get(), Some(Err(AppError::Unauthenticated)));
                    view! {
                        <ActionForm action=act attr:class="favorite-form">
                            <input type="hidden" name="kind" value=kind_value />
                            <input type="hidden" name="id" value=id.clone() />
                            <input type="hidden" name="on" value=move || (!on()).to_string() />
                            <button type="submit" class="btn btn-ghost favorite" aria-pressed=move || on().to_string()>
                                <span class="heart" aria-hidden="true">{move || if on() { "♥" } else { "♡" }}</span>
                                {i18n.t("favorite")}
                            </button>
                            {move || refused().then(|| {
                                if signed_out() {
                                    view! { <a class="field-error" role="alert" href="/login">{i18n.t("favorite-signin")}</a> }.into_any()
                                } else {
                                    view! { <span class="field-error" role="alert">{i18n.t("error-unexpected")}</span> }.into_any()
                                }
                            })}
                        </ActionForm>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}
