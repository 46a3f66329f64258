//! The account area of the header: sign-in links, or the user's name with a menu.

use super::api::Logout;
use super::{AuthVersion, UserResource};
use crate::shell::i18n::use_i18n;
use leptos::prelude::*;

/// Sign-in/registration links for visitors; the name and a sign-out button for users.
#[component]
pub fn AccountMenu() -> impl IntoView {
    let i18n = use_i18n();
    let user = expect_context::<UserResource>();
    let logout = ServerAction::<Logout>::new();
    let auth = use_context::<AuthVersion>();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(auth)) = (logout.value().get(), auth) {
            auth.0.update(|v| *v += 1);
        }
    });
    let signed_out = move || {
        view! {
            <div class="account-links">
                <a class="btn btn-ghost" href="/login">{i18n.t("nav-login")}</a>
                <a class="btn btn-primary" href="/register">{i18n.t("nav-register")}</a>
            </div>
        }
    };
    view! {
        <Transition fallback=move || view! { <div class="account-links" aria-busy="true"></div> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(u)) => {
                        let initial: String = u.display_name.chars().next().map(String::from).unwrap_or_default();
                        view! {
                            <details class="account-menu">
                                <summary aria-label=i18n.t("account-menu-label")>
                                    <span class="avatar" aria-hidden="true">{initial}</span>
                                    <span class="account-name" data-testid="account-name">{u.display_name.clone()}</span>
                                </summary>
                                <div class="menu-panel" role="group" aria-label=i18n.t("account-menu-label")>
                                    <p class="menu-email">{u.email.clone()}</p>
                                    <a class="btn btn-ghost btn-block" href="/account">{i18n.t("account-title")}</a>
                                    <a class="btn btn-ghost btn-block" href="/calendar">{i18n.t("calendar-title")}</a>
                                    <a class="btn btn-ghost btn-block" href="/favorites">{i18n.t("favorites-title")}</a>
                                    <ActionForm action=logout>
                                        <button type="submit" class="btn btn-ghost btn-block">{i18n.t("nav-logout")}</button>
                                    </ActionForm>
                                </div>
                            </details>
                        }
                        .into_any()
                    }
                    _ => signed_out().into_any(),
                }
            })}
        </Transition>
    }
}
